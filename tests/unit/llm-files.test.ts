/**
 * The files for people and their AI tools: an episode as Markdown, llms.txt
 * and its complete text files, SubRip captions, and what the page copies
 * (a chapter's Markdown, quote links). Markdown is checked the way a reader's
 * tool reads it: parsed by the CommonMark reference parser.
 */
import { Parser, type Node } from 'commonmark';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ingestText } from './helpers/ingest.ts';
import { entryData, headingMarkdown, proseMarkdown, renderEpisodeProse } from '../../src/ingest/mdx.ts';
import { episodeFrontMatter, episodeMarkdown, yamlString } from '../../src/lib/episode-markdown.ts';
import { FULL_TEXT_SEPARATOR, fullTextParts, llmsTxt, oneLine, type LlmsEpisode } from '../../src/lib/llms-txt.ts';
import { transcriptSrt, transcriptVtt } from '../../src/lib/podcast-files.ts';
import { chapterMarkdown, QUOTE_PARAM, quotePhrases, quoteText, quoteUrl } from '../../src/client/quotes.ts';
import { HIGHLIGHT_PARAM } from '../../src/client/search.ts';
import { srtTime } from '../../src/shared/time.ts';
import type { EpisodeEntry } from '../../src/schemas/entry.ts';
import type { Episode } from '../../src/schemas/episode.ts';
import { SiteConfigSchema } from '../../src/schemas/site.ts';

const site = SiteConfigSchema.parse(JSON.parse(readFileSync('content/site.json', 'utf8')));
const PAGE = 'https://example.org/episodes/x/';

/** What a CommonMark reader makes of a document: raw HTML, links, headings and the text. */
function read(markdown: string) {
	const html: string[] = [];
	const links: string[] = [];
	const headings: { level: number; text: string }[] = [];
	let text = '';
	let heading: { level: number; text: string } | undefined;
	const walker = new Parser().parse(markdown).walker();
	for (let event = walker.next(); event; event = walker.next()) {
		const node: Node = event.node;
		if (!event.entering) {
			if (node.type === 'heading' && heading) headings.push(heading);
			if (node.type === 'heading') heading = undefined;
			if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'item') text += '\n';
			continue;
		}
		if (node.type === 'html_block' || node.type === 'html_inline') html.push(node.literal ?? '');
		if (node.type === 'link' || node.type === 'image') links.push(node.destination ?? '');
		if (node.type === 'heading') heading = { level: node.level, text: '' };
		if (node.type === 'text' || node.type === 'code') {
			text += node.literal;
			if (heading && node.type === 'text') heading.text += node.literal;
		}
		if (node.type === 'softbreak' || node.type === 'linebreak') text += ' ';
	}
	return { html, links, headings, text };
}

/** The parts of an episode's file: the front matter as data, and the Markdown after it. */
function split(markdown: string): { front: unknown; body: string } {
	const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
	if (!match) throw new Error('no front matter');
	return { front: parseYaml(match[1]!), body: markdown.slice(match[0].length) };
}

const entryOf = (episode: Episode) => ({ entry: entryData(episode), prose: proseMarkdown(renderEpisodeProse(episode)) });
const seed = ingestText(readFileSync('content/sources/latent-space.txt', 'utf8'), 'latent-space.txt', site.hosts).episodes;
const hostileDump = ingestText(readFileSync('tests/fixtures/hostile/hostile.txt', 'utf8'), 'hostile.txt', site.hosts).episodes;

/** Text that must stay text, in every place the dump's words reach. */
const HOSTILE = [
	'<script>alert(1)</script>',
	'<img src=x onerror=alert(1)>',
	'[a link](javascript:alert(1)) and ![an image](x.png)',
	'<https://evil.example> and www.evil.example\\<!-- and a@b.co',
	'# not a heading',
	'---',
	'1. not a list',
	'- not a list either',
	'> not a quote',
	'```',
	'*emphasis* _under_ **strong** `code` ~strike~ | pipe | &amp; &copy; \\ backslash',
	'Title #',
];

/** An entry whose every text field holds `text`. */
function hostileEntry(text: string): EpisodeEntry {
	return {
		slug: 'x',
		title: text,
		show: text,
		published: new Date('2024-04-01T12:00:00Z'),
		summary: text,
		duration: 120,
		speakers: [
			{ id: 'eve', name: text, labels: ['Eve'], role: 'guest' },
			{ id: 'swyx', name: 'Swyx', labels: ['Swyx'], role: 'host' },
		],
		chapters: [{ id: 'ch-a', start: 0, title: text, notes: [{ content: [{ type: 'text', value: text }] }] }],
		chaptersIntro: text,
		transcript: {
			format: 'name-time-colon',
			heading: 'Transcript',
			headings: [{ id: 'h', text, before: 1 }],
			turns: [
				{ id: 't-00-00', speaker: 'eve', start: 0, end: 30, paragraphs: [{ text }, { text: `${text} again` }] },
				{ id: 't-00-30', speaker: 'swyx', start: 30, paragraphs: [{ text }] },
			],
		},
		source: { file: 'x.txt', line: 1 },
	};
}

describe('episodeMarkdown', () => {
	test.each(HOSTILE)('keeps %s as text in every field: no HTML, no link, no heading or list of its own', (text) => {
		const markdown = episodeMarkdown(hostileEntry(text), '', PAGE);
		const { front, body } = split(markdown);
		expect(front).toMatchObject({ title: text, show: text, guests: [text], hosts: ['Swyx'] });
		const tree = read(body);
		expect(tree.html).toEqual([]);
		expect(tree.links.every((href) => href.startsWith(`${PAGE}#`))).toBe(true);
		expect(tree.headings.map((h) => h.level)).toEqual([1, 2, 2, 3, 4]);
		expect(tree.headings[0]!.text).toBe(text);
		// Title, chapter, intro, note, chapter heading, speaker, two paragraphs, heading, paragraph: each the text itself.
		expect(tree.text.split(text).length - 1).toBeGreaterThanOrEqual(9);
	});

	test('the hostile fixture episode renders as text: its markup never becomes HTML', () => {
		const episode = hostileDump.find((e) => e.title.startsWith('Hostile'))!;
		const { entry, prose } = entryOf(episode);
		const tree = read(split(episodeMarkdown(entry, prose, PAGE)).body);
		expect(tree.html).toEqual([]);
		expect(tree.links.filter((href) => !/^https?:\/\//.test(href))).toEqual([]);
		for (const text of [
			"<script>window.__pwned = 'script'</script>",
			`<img src=x onerror="window.__pwned = 'img'">`,
			'import fs from "node:fs"',
			`<iframe src="javascript:window.__pwned='iframe'"></iframe>`,
			`<b onmouseover="window.__pwned = 'turn'">bold</b>`,
			"<script>window.__pwned = 'transcript'</script> Thanks for having me.",
		]) {
			expect(tree.text).toContain(text);
		}
	});

	test('seed episodes: same entry, same bytes; front matter as in the entry; every turn word in order', () => {
		for (const episode of seed) {
			const { entry, prose } = entryOf(episode);
			const markdown = episodeMarkdown(entry, prose, PAGE);
			expect(episodeMarkdown(entry, prose, PAGE)).toBe(markdown);
			expect(markdown.endsWith('\n') && !markdown.endsWith('\n\n')).toBe(true);
			const { front, body } = split(markdown);
			expect(front).toEqual(episodeFrontMatter(entry, PAGE));
			expect(front).toMatchObject({ title: episode.title, published: episode.published.toISOString(), chapters: episode.chapters.length });
			const tree = read(body);
			expect(tree.html).toEqual([]);
			const words = tree.text.split(/\s+/);
			let at = 0;
			const missing = (entry.transcript?.turns ?? [])
				.flatMap((turn) => turn.paragraphs.flatMap((p) => p.text.split(/\s+/).filter(Boolean)))
				.find((word) => {
					at = words.indexOf(word, at) + 1;
					return at === 0;
				});
			expect(missing, `a transcript word of ${episode.slug} missing or out of order`).toBeUndefined();
		}
	}, 60_000);

	test('a turn without a time links to its anchor all the same; an episode without transcript says so', () => {
		const entry = hostileEntry('Hi.');
		entry.transcript!.turns[1] = { id: 't-00-00-2', speaker: 'swyx', paragraphs: [{ text: 'Yes.' }] };
		expect(episodeMarkdown(entry, '', PAGE)).toContain(`**Swyx** [turn](${PAGE}#t-00-00-2)\n\nYes.\n`);
		const { transcript: _, ...without } = entry;
		expect(episodeMarkdown(without, '', PAGE)).toContain('## Transcript\n\nNo transcript was published for this episode.\n');
	});

	test('YAML strings keep what YAML would otherwise reject or change', () => {
		for (const text of ['a: b # c', '"quoted" \\ back', 'line\u2028separator', 'c1\u0085control', 'bom\ufeff', 'lone \ud800 surrogate', '- dash', '@at']) {
			expect(parseYaml(`k: ${yamlString(text)}`).k).toBe(text.toWellFormed());
		}
	});
});

describe('proseMarkdown', () => {
	test('turns the MDX entry into CommonMark: JSX headings become ATX headings, escapes stay', () => {
		const mdx = '---\n# Generated\n---\n\nIntro \\<b\\> \\{x\\}.\n\n<h2 id="s-a">A *b* \\#</h2>\n\n- item\n\n<h3 id="s-c">C #</h3>\n';
		expect(proseMarkdown(mdx)).toBe('Intro \\<b\\> \\{x\\}.\n\n## A *b* \\#\n\n- item\n\n### C \\#');
		expect(read(proseMarkdown(mdx)).headings).toEqual([
			{ level: 2, text: 'A b #' },
			{ level: 3, text: 'C #' },
		]);
	});

	test('a heading that ends in # keeps it', () => {
		expect(read(headingMarkdown(2, 'C #')).headings).toEqual([{ level: 2, text: 'C #' }]);
		expect(read(headingMarkdown(2, 'C##')).headings).toEqual([{ level: 2, text: 'C##' }]);
	});
});

describe('llms.txt', () => {
	const episodes: LlmsEpisode[] = [
		{ slug: 'c', title: 'Third [draft]', published: new Date('2024-02-01T00:00:00Z'), summary: 'The third.' },
		{ slug: 'b', title: 'Second', published: new Date('2024-01-01T00:00:00Z'), summary: '' },
		{ slug: 'a', title: 'First', published: new Date('2023-12-31T23:59:00Z'), summary: 'The first one. '.repeat(30) },
	];
	const text = llmsTxt({
		title: 'Archive',
		summary: 'Every episode.',
		episodes,
		parts: fullTextParts(episodes.map((e) => ({ ...e, bytes: 1000 }))),
		markdownUrl: (slug) => `https://x.org/episodes/${slug}.md`,
		partUrl: (name) => `https://x.org/llms-full-${name}.txt`,
		optional: [{ title: 'JSON', url: 'https://x.org/episodes.json', note: 'all' }],
	});

	test('has the proposal’s parts: H1, blockquote summary, details, then sections of link lists', () => {
		const [h1, quote, details, ...sections] = text.trimEnd().split('\n\n');
		expect(h1).toBe('# Archive');
		expect(quote).toBe('> Every episode.');
		expect(details).not.toMatch(/^[#>-]/);
		const titles = sections.filter((s) => s.startsWith('## '));
		expect(titles).toEqual(['## Complete text', '## 2024', '## 2023', '## Optional']);
		for (const list of sections.filter((s) => !s.startsWith('## '))) {
			for (const line of list.split('\n')) expect(line).toMatch(/^- \[[^\]]*(?:\\\][^\]]*)*\]\(https:\/\/x\.org\/[^)\s]+\)(?:: .+)?$/);
		}
		expect(text).toContain('- [Third \\[draft\\]](https://x.org/episodes/c.md): The third.\n- [Second](https://x.org/episodes/b.md)\n');
		expect(text).toContain('- [Every episode of 2024](https://x.org/llms-full-2024.txt): 2 episodes, 0.0 MB');
		expect(read(text).html).toEqual([]);
	});

	test('a one-line summary is cut at a sentence or a word', () => {
		expect(oneLine('Short.\n\nTwo lines.')).toBe('Short. Two lines.');
		expect(oneLine(`${'word '.repeat(10)}ends here. ${'more '.repeat(60)}`)).toBe(`${'word '.repeat(10)}ends here.`);
		expect(oneLine('x'.repeat(150) + ' ' + 'y'.repeat(100))).toBe(`${'x'.repeat(150)}…`);
	});

	test('complete text files: one per year, a year split where it would pass the limit, in order', () => {
		const at = (day: string) => new Date(`${day}T00:00:00Z`);
		const parts = fullTextParts(
			[
				{ slug: 'e', published: at('2025-01-01'), bytes: 10 },
				{ slug: 'd', published: at('2024-12-01'), bytes: 60 },
				{ slug: 'c', published: at('2024-06-01'), bytes: 39 },
				{ slug: 'b', published: at('2024-03-01'), bytes: 50 },
				{ slug: 'a', published: at('2024-01-01'), bytes: 150 },
			],
			100,
		);
		expect(parts).toEqual([
			{ name: '2025', year: 2025, slugs: ['e'], bytes: 10 },
			{ name: '2024-1', year: 2024, slugs: ['d', 'c'], bytes: 60 + 39 + FULL_TEXT_SEPARATOR.length },
			{ name: '2024-2', year: 2024, slugs: ['b'], bytes: 50 },
			{ name: '2024-3', year: 2024, slugs: ['a'], bytes: 150 },
		]);
	});
});

describe('SubRip captions', () => {
	const [episode] = ingestText([
			'-',
			'Files — with David Luan of Adept',
			'From 🇺🇸 Latent Space: The AI Engineer Podcast, published at 2024-03-22 19:08',
			'Intro.TranscriptSwyx [00:00:00]: Hi <b>there</b> --> you.David [00:00:30]: Hello.Swyx [01:00:00]: Bye now.',
		].join('\n'), 'd.txt', site.hosts).episodes;

	test('numbered cues, HH:MM:SS,mmm times, the speaker before the text, no markup players would read', () => {
		expect(srtTime(3723)).toBe('01:02:03,000');
		expect(transcriptSrt(entryData(episode!))).toBe(
			'1\n00:00:00,000 --> 00:00:30,000\nShawn “swyx” Wang: Hi ‹b›there‹/b› --› you.\n\n' +
				'2\n00:00:30,000 --> 01:00:00,000\nDavid Luan: Hello.\n\n' +
				'3\n01:00:00,000 --> 01:00:01,000\nShawn “swyx” Wang: Bye now.\n',
		);
	});

	test('SubRip and WebVTT share their cues', () => {
		const entry = entryData(seed.find((e) => e.transcript)!);
		const times = (text: string, sep: string) => [...text.matchAll(new RegExp(`^(\\d\\d:\\d\\d:\\d\\d)${sep}000 --> (\\d\\d:\\d\\d:\\d\\d)${sep}000$`, 'gm'))].map((m) => `${m[1]}-${m[2]}`);
		expect(times(transcriptSrt(entry), ',')).toEqual(times(transcriptVtt(entry), '\\.'));
	});
});

describe('what the page copies', () => {
	const markdown = episodeMarkdown(
		{ ...hostileEntry('Hi.'), title: 'The episode', chapters: [{ id: 'ch-a', start: 0, title: 'A', notes: [] }, { id: 'ch-a-2', start: 30, title: 'A again', notes: [] }] },
		'Intro.',
		PAGE,
	);

	test('a chapter: the title, then its heading and turns up to the next chapter', () => {
		const chapter = chapterMarkdown(markdown, 'ch-a')!;
		expect(chapter.split('\n\n')[0]).toBe('# The episode');
		expect(chapter).toContain(`### A [00:00](${PAGE}#ch-a)`);
		expect(chapter).not.toContain('A again');
		expect(chapter).toContain(`#t-00-00)`);
		expect(chapter).not.toContain('#t-00-30)');
		expect(chapterMarkdown(markdown, 'ch-a-2')).toContain('#t-00-30)');
		expect(chapterMarkdown(markdown, 'ch-missing')).toBeUndefined();
	});

	test('a quote link: one highlight parameter per paragraph selected, then the turn anchor', () => {
		expect(QUOTE_PARAM).toBe(HIGHLIGHT_PARAM);
		expect(quotePhrases('  so  we\n\nbuilt it\n')).toEqual(['so we', 'built it']);
		expect(quoteUrl(PAGE, 't-22-24', 'So we built it & shipped')).toBe(`${PAGE}?highlight=So%20we%20built%20it%20%26%20shipped#t-22-24`);
		expect(quoteUrl(PAGE, 't-1', 'a\n\nb')).toBe(`${PAGE}?highlight=a&highlight=b#t-1`);
	});

	test('a quote ready to paste: “…” — Speaker, Episode title, time, URL', () => {
		expect(quoteText('So we\nbuilt it', 'Ben Firshman', 'A Brief History', '22:24', 'https://x.org/e/?highlight=a#t')).toBe(
			'“So we built it” — Ben Firshman, A Brief History, 22:24, https://x.org/e/?highlight=a#t',
		);
		expect(quoteText('Yes', 'Eve', 'T', undefined, 'u')).toBe('“Yes” — Eve, T, u');
	});
});
