/**
 * The podcast's RSS feed export (Substack's shape: RSS 2.0, the post as HTML
 * in content:encoded), from a small hand-written fixture whose first item is
 * a shortened post of a seed episode.
 */
import { readFileSync } from 'node:fs';
import { fromHtml } from 'hast-util-from-html';
import type { Element, ElementContent } from 'hast';
import { describe, expect, test } from 'vitest';
import { ingestText } from './helpers/ingest.ts';
import { readChapterItem } from '../../src/ingest/chapters.ts';
import { boldOnlyText, draftFromFeedItem, inlineFromHtml, isFeed, paragraphHeading, paragraphListItem, readFeed, transcriptElsewhere } from '../../src/ingest/feed.ts';
import { inlineText } from '../../src/ingest/inline.ts';
import { sectionTitleKind } from '../../src/ingest/section-titles.ts';
import { formatProblem } from '../../src/ingest/problems.ts';
import { ingestSources } from '../../src/ingest/sources.ts';
import { SiteConfigSchema } from '../../src/schemas/site.ts';

const site = SiteConfigSchema.parse(JSON.parse(readFileSync('content/site.json', 'utf8')));
const feedText = readFileSync('tests/fixtures/feed/latent-space-feed.xml', 'utf8');
const seed = { file: 'latent-space.txt', text: readFileSync('content/sources/latent-space.txt', 'utf8') };
const feed = { file: 'substack-feed.xml', text: feedText };
const ADEPT = 'why-google-failed-to-make-gpt-3-why-multimodal-agents-are';
const ELICIT = 'supervise-the-process-of-ai-research-with-jungwon-byun-and';

const inline = (html: string) => inlineFromHtml(fromHtml(html, { fragment: true }).children as ElementContent[]);

describe('isFeed', () => {
	test('tells an RSS export from a text dump', () => {
		expect(isFeed(feedText)).toBe(true);
		expect(isFeed('\uFEFF<rss version="2.0"><channel/></rss>')).toBe(true);
		expect(isFeed(seed.text)).toBe(false);
	});
});

describe('readFeed', () => {
	test('reads the channel title and each item with the line of its <item> tag', () => {
		const { show, items, errors } = readFeed(feedText);
		expect(show).toBe('Latent Space: The AI Engineer Podcast');
		expect(items.map((item) => [item.title.slice(0, 30), item.pubDate, item.line])).toEqual([
			['Why Google failed to make GPT-', 'Fri, 22 Mar 2024 19:08:41 GMT', 12],
			['Supervise the Process of AI Re', 'Thu, 11 Apr 2024 17:30:00 GMT', 25],
		]);
		expect(items[0]!.html).toMatch(/^<p><em>Our next SF event/);
		expect(errors).toEqual([]);
	});

	test('a feed that is not well-formed XML is one error at the line the XML parser names', () => {
		expect(readFeed('<rss>\n<channel>\n<item><title>x</titel></item></channel></rss>').errors).toEqual([
			{ line: 3, message: "the feed is not well-formed XML: Expected closing tag 'title' (opened in line 3, col 7) instead of closing tag 'titel'." },
		]);
	});

	test('an item without a title or body is an error at its line; the others are read', () => {
		const { items, errors } = readFeed('<rss><channel>\n<item><pubDate>x</pubDate></item>\n<item><title>T</title></item>\n<item><title>Fine</title><description>Body</description></item></channel></rss>');
		expect(items.map((item) => item.title)).toEqual(['Fine']);
		expect(errors).toEqual([
			{ line: 2, message: 'the feed item has no <title>' },
			{ line: 3, title: 'T', message: 'the feed item has no content:encoded or description' },
		]);
	});
});

describe('inlineFromHtml', () => {
	test('keeps links and emphasis, finds bare links in text, collapses whitespace', () => {
		expect(inline('See <a href="https://www.adept.ai/">Adept</a>, <em>really</em>\n and lindy.ai<br>now')).toEqual([
			{ type: 'text', value: 'See ' },
			{ type: 'link', href: 'https://www.adept.ai/', text: 'Adept' },
			{ type: 'text', value: ', ' },
			{ type: 'emphasis', value: 'really' },
			{ type: 'text', value: ' and ' },
			{ type: 'link', href: 'https://lindy.ai', text: 'lindy.ai' },
			{ type: 'text', value: ' now' },
		]);
	});

	test('drops links that would run code and never keeps markup, only its text', () => {
		expect(inline('<a href="javascript:alert(1)">click</a> <a href="data:text/html,x">data</a> <script>alert(1)</script><img src=x onerror="alert(1)">&lt;b&gt;')).toEqual([
			{ type: 'text', value: 'click data <b>' },
		]);
	});
});

describe('a feed item as an episode', () => {
	const result = ingestSources([seed, feed], { hosts: site.hosts });
	const fromFeed = result.entries.find((entry) => entry.slug === ADEPT)!.episode!;
	const feedOnly = ingestSources([feed], { hosts: site.hosts }).entries.find((entry) => entry.slug === ADEPT)!.episode!;
	const fromDump = ingestText(seed.text, seed.file, site.hosts).episodes.find((episode) => episode.slug === ADEPT)!;

	test('merges with the same episode from the text dump: published once, at the same slug, a note names the source of each part', () => {
		expect(result.entries.filter((entry) => entry.title === fromDump.title)).toHaveLength(1);
		expect(fromFeed.source).toEqual({ file: 'latent-space.txt', line: 2 });
		expect(result.problems.filter((p) => p.message.startsWith('also in'))).toEqual([]);
		expect(result.problems.filter((p) => p.kind === 'merge').map(formatProblem)).toEqual([
			`latent-space.txt:2: note: merged from 2 copies (substack-feed.xml:12, latent-space.txt:2): title and date from latent-space.txt:2; description and show notes from substack-feed.xml:12 (4 links); chapters from latent-space.txt:2 (3 vs ${fromDump.chapters.length}); transcript from latent-space.txt:2 (7 vs ${fromDump.transcript!.turns.length} turns); audio and artwork from substack-feed.xml:12; duration from substack-feed.xml:12 (episode “${fromDump.title}”)`,
		]);
	});

	test('a copy that lacks a part never removes it: the shortened post keeps the dump’s chapters and turns, and adds its audio and duration', () => {
		expect(fromFeed.chapters).toEqual(fromDump.chapters);
		expect(fromFeed.transcript).toEqual(fromDump.transcript);
		expect(fromFeed.media?.audio).toEqual({ url: 'https://api.substack.com/feed/podcast/142871234/adept.mp3', type: 'audio/mpeg', length: 59318062 });
		expect(fromFeed.duration).toBe(2477);
	});

	test('merges the same way whatever the file order', () => {
		const reversed = ingestSources([{ ...feed, file: 'a-feed.xml' }, seed], { hosts: site.hosts }).entries.find((entry) => entry.slug === ADEPT)!.episode!;
		expect({ ...reversed, description: [], showNotes: [] }).toEqual({ ...fromFeed, description: [], showNotes: [] });
		expect(reversed.showNotes).toEqual(fromFeed.showNotes);
	});

	test('keeps the links the dump lost and the headings as the post has them', () => {
		expect(fromFeed.showNotes).toEqual([
			{
				type: 'list',
				items: [
					{ content: [{ type: 'link', href: 'https://www.linkedin.com/in/jluan/', text: 'David Luan' }] },
					{ content: [{ type: 'link', href: 'https://www.adept.ai/', text: 'Adept' }] },
					{ content: [{ type: 'link', href: 'https://www.adept.ai/blog/fuyu-8b', text: 'Fuyu-8B' }] },
				],
			},
		]);
		expect(fromFeed.description.filter((block) => block.type === 'heading')).toEqual([{ type: 'heading', level: 2, text: 'Why Google *couldn’t* make GPT-3', id: 'why-google-couldnt-make-gpt-3' }]);
		expect(fromFeed.showNotesHeading).toBe('Show Notes');
	});

	test('its chapters and transcript read exactly as the same turns of the dump', () => {
		expect(feedOnly.chapters).toEqual(fromDump.chapters.slice(0, 3));
		expect(feedOnly.transcript!.format).toBe(fromDump.transcript!.format);
		expect(feedOnly.transcript!.turns.slice(0, 3)).toEqual(fromDump.transcript!.turns.slice(0, 3));
		expect(feedOnly.speakers).toEqual(fromDump.speakers);
	});

	test('a new episode only the feed has: nested lists, the other transcript layout, its own headings; script and javascript: link gone', () => {
		const elicit = result.entries.find((entry) => entry.slug === ELICIT)!.episode!;
		expect(elicit.published.toISOString()).toBe('2024-04-11T17:30:00.000Z');
		expect(elicit.description[3]).toEqual({
			type: 'list',
			items: [{ content: [{ type: 'text', value: 'Decompose the task' }], children: [{ content: [{ type: 'text', value: 'one step per model call' }] }] }, { content: [{ type: 'text', value: 'Check each step' }] }],
		});
		expect(elicit.description[4]).toEqual({ type: 'paragraph', content: [{ type: 'text', value: 'A link that must not run: click me.' }] });
		expect(JSON.stringify(elicit)).not.toMatch(/javascript:|alert/);
		expect(elicit.chapters.map((c) => [c.start, c.title])).toEqual([
			[0, 'Introductions'],
			[130, 'Why process supervision'],
		]);
		expect(elicit.transcript).toMatchObject({ format: 'time-name-colon', headings: [{ text: 'Why process supervision', before: 2, start: 130 }] });
		expect(elicit.speakers.map((s) => [s.name, s.role])).toEqual([
			['Alessio Fanelli', 'host'],
			['Jungwon Byun', 'guest'],
			['Andreas Stuhlmüller', 'guest'],
		]);
	});

	test('an unreadable date is an error at the item’s line; the other items still build', () => {
		const broken = feedText.replace('Thu, 11 Apr 2024 17:30:00 GMT', 'someday');
		const { entries, problems } = ingestSources([{ ...feed, text: broken }], { hosts: site.hosts });
		expect(entries.map((entry) => entry.slug)).toEqual([ADEPT]);
		expect(problems.filter((p) => p.severity === 'error').map((p) => p.kind)).toEqual(['date']);
		expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([
			'substack-feed.xml:25: error: invalid publication date “someday”: expected an RSS date such as “Fri, 22 Mar 2024 19:08:00 GMT” (episode “Supervise the Process of AI Research — with Jungwon Byun and Andreas Stuhlmüller of Elicit”)',
		]);
	});

	test('draftFromFeedItem needs no file system and keeps the item’s line as its source', () => {
		const [item] = readFeed(feedText).items;
		expect(draftFromFeedItem(item!, 'Show', 'f.xml')).toMatchObject({ title: item!.title, show: 'Show', source: { file: 'f.xml', line: 12 } });
	});
});

/** The first element of an HTML excerpt. */
const element = (html: string) => fromHtml(html, { fragment: true }).children.find((node) => node.type === 'element') as Element;

describe('the real feed’s paragraph rules (excerpts of content/sources/latent-space-podcast.xml)', () => {
	test('spaces at the edges of inline elements stay between the words', () => {
		expect(inlineText(inline('<em>discussion on </em><em>HN</em><em> and </em><em>Twitter</em>'))).toBe('discussion on HN and Twitter');
		expect(inlineText(inline('<em>Want to help define </em><em>the AI Engineer stack</em>'))).toBe('Want to help define the AI Engineer stack');
	});

	test('touching emphases are one emphasis', () => {
		expect(inline('<em>Gemini 1.5</em><em>. We covered this on </em>')).toEqual([{ type: 'emphasis', value: 'Gemini 1.5. We covered this on' }]);
	});

	test('sectionTitleKind: section titles as the posts write them', () => {
		expect(['Chapters', 'Timestamps', 'Podcast Timestamps', 'Timestamps & Show Notes', 'Timestamps:'].map(sectionTitleKind)).toEqual(Array(5).fill('chapters'));
		expect(['Transcript', 'Transcript:', 'Transcripts', 'Transcription'].map(sectionTitleKind)).toEqual(Array(4).fill('transcript'));
		expect(['Show Notes', 'Show notes'].map(sectionTitleKind)).toEqual(['showNotes', 'showNotes']);
		expect(sectionTitleKind('Full transcript is below the fold.')).toBeUndefined();
	});

	test('paragraphListItem: a paragraph starting `* ` is a list item', () => {
		expect(paragraphListItem(inline('* <a href="https://modal.com/">Modal</a>'))).toEqual({ content: [{ type: 'link', href: 'https://modal.com/', text: 'Modal' }] });
		expect(paragraphListItem(inline('*truly* Open Models'))).toBeUndefined();
	});

	test('paragraphHeading: a bold paragraph, or a short plain phrase, is a heading; a lead-in or a sentence is not', () => {
		const heading = (html: string) => paragraphHeading(element(html), inlineFromHtml(element(html).children));
		expect(heading('<p><strong>LlamaIndex’s Origin (aka GPT Tree Index)</strong></p>')).toBe('LlamaIndex’s Origin (aka GPT Tree Index)');
		expect(heading('<p>Trend 1: GPT4-V Coding</p>')).toBe('Trend 1: GPT4-V Coding');
		expect(heading('<p>Full 90min chat:</p>')).toBeUndefined();
		expect(heading('<p>Stick around to the end for some easter eggs featuring AI Drake!</p>')).toBeUndefined();
		expect(boldOnlyText(element('<p><strong>Data is the new new oil.</strong> Time for a primer!</p>'))).toBeUndefined();
	});

	test('transcriptElsewhere: a transcript that is only a link is noticed; one “below the fold” is not', () => {
		expect(transcriptElsewhere(inline('Full transcript available <a href="https://assets.fireside.fm/x/transcript.txt">here</a>'))).toBe('https://assets.fireside.fm/x/transcript.txt');
		expect(transcriptElsewhere(inline('<em>Full transcript is below the fold.</em>'))).toBeUndefined();
	});

	test('readChapterItem: chapter times without brackets, as summarize.tech and the early posts write them', () => {
		expect(readChapterItem('00:29: Logan’s path to OpenAI')).toEqual({ start: 29, title: 'Logan’s path to OpenAI' });
		expect(readChapterItem('00:05:00 In this section, the speaker discusses the improvements in GPT 4.5')).toEqual({ start: 300, title: 'In this section, the speaker discusses the improvements in GPT 4.5' });
		expect(readChapterItem('1m app installs on iOS')).toBeUndefined();
	});
});
