import { describe, expect, test } from 'vitest';
import { archiveStats, episodePeople, groupByYearMonth, joinNames, latestItems, yearPages, yearRuns, yearSummaries } from '../../src/lib/archive.ts';
import { parseDeepLinkTime, readDeepLink, turnAt } from '../../src/client/deep-link.ts';
import { podcastElements } from '../../src/lib/feed.ts';
import rehypeJsxHeadings from '../../src/lib/rehype-jsx-headings.ts';
import { episodeShares, formatShare, speakerProfiles } from '../../src/lib/speakers.ts';
import { breadcrumbList, jsonLdText, podcastEpisode } from '../../src/lib/structured-data.ts';
import { episodeToc } from '../../src/lib/toc.ts';
import { countWords, summarizeEpisode } from '../../src/lib/transcript-summary.ts';
import { headingLevels, type TranscriptItem } from '../../src/lib/transcript-view.ts';
import type { EpisodeEntry, EpisodeSummary } from '../../src/schemas/entry.ts';
import { SiteConfigSchema } from '../../src/schemas/site.ts';
import { adeptMetadata } from '../fixtures/adept-episode.ts';

const alessio = { id: 'alessio-fanelli', name: 'Alessio Fanelli', labels: ['Alessio'], role: 'host' as const };
const david = { id: 'david-luan', name: 'David Luan', labels: ['David'], role: 'guest' as const };

/** A small episode in the shape of the entry files. */
function entry(overrides: Partial<EpisodeEntry> = {}): EpisodeEntry {
	return {
		...adeptMetadata,
		duration: 2495,
		speakers: [alessio, david],
		chapters: [
			{ id: 'ch-introductions', start: 0, title: 'Introductions', notes: [] },
			{ id: 'ch-openai', start: 74, title: 'Being employee #30 at OpenAI', notes: [] },
		],
		transcript: {
			format: 'name-time-colon',
			heading: 'Transcript',
			headings: [],
			turns: [
				{ id: 't-00-00', speaker: 'alessio-fanelli', start: 0, end: 15, paragraphs: [{ text: 'Hey everyone, welcome to the podcast.' }] },
				{ id: 't-00-15', speaker: 'david-luan', start: 15, paragraphs: [{ text: 'Thanks for having me.' }] },
				{ id: 't-00-15-2', speaker: 'alessio-fanelli', paragraphs: [{ text: 'Great.' }] },
				{ id: 't-01-14', speaker: 'david-luan', start: 74, paragraphs: [{ text: 'I joined OpenAI fairly early.' }, { text: 'It was fun.' }] },
			],
		},
		source: { file: 'latent-space.txt', line: 2 },
		...overrides,
	};
}

/** The same episode as the collection keeps it (the transcript as counts). */
const episode = (overrides: Partial<EpisodeEntry> = {}): EpisodeSummary => summarizeEpisode(entry(overrides));

describe('groupByYearMonth', () => {
	test('groups newest-first items by year and month, keeping their order', () => {
		const dates = ['2024-03-22', '2024-03-06', '2024-01-05', '2023-12-30'].map((d) => new Date(`${d}T12:00:00Z`));
		const years = groupByYearMonth(dates, (d) => d);
		expect(years.map((y) => [y.year, y.count, y.months.map((m) => `${m.label}:${m.items.length}`)])).toEqual([
			[2024, 3, ['March:2', 'January:1']],
			[2023, 1, ['December:1']],
		]);
	});

	test('reads dates in UTC, as the pages show them', () => {
		const years = groupByYearMonth([new Date('2024-01-01T00:30:00Z')], (d) => d);
		expect(years[0]).toMatchObject({ year: 2024, months: [{ month: 1 }] });
	});
});

describe('archive', () => {
	test('counts episodes, hours, distinct speakers, turns and chapters', () => {
		const stats = archiveStats([episode(), episode({ slug: 'other', transcript: undefined, duration: 5000, speakers: [alessio] })]);
		expect(stats).toEqual({ episodes: 2, transcripts: 1, seconds: 7495, hours: 2, speakers: 2, turns: 4, chapters: 4 });
	});

	test('splits the people of an episode by role', () => {
		expect(episodePeople(episode())).toEqual({ guests: [david], hosts: [alessio], others: [] });
	});

	test.each([
		[[], ''],
		[['A'], 'A'],
		[['A', 'B'], 'A and B'],
		[['A', 'B', 'C'], 'A, B and C'],
	])('joinNames(%j) is “%s”', (names, sentence) => {
		expect(joinNames(names)).toBe(sentence);
	});
});

describe('speakers', () => {
	test('counts words as runs of non-space characters', () => {
		expect(countWords('  Hey, and today we\nhave David. ')).toBe(6);
	});

	test('each speaker’s turns, words and share of the words of an episode', () => {
		const shares = episodeShares(episode());
		expect(shares.get('alessio-fanelli')).toEqual({ turns: 2, words: 7, share: 7 / 19 });
		expect(shares.get('david-luan')).toEqual({ turns: 2, words: 12, share: 12 / 19 });
	});

	test('the collection keeps a transcript as counts, not as text', () => {
		const summary = episode();
		expect(summary.transcript).toEqual({
			turns: 4,
			words: 19,
			speakers: { 'alessio-fanelli': { turns: 2, words: 7 }, 'david-luan': { turns: 2, words: 12 } },
		});
		expect(JSON.stringify(summary)).not.toContain(entry().transcript!.turns[1]!.paragraphs[0]!.text);
		expect(episode({ transcript: undefined })).not.toHaveProperty('transcript');
	});

	test('without a transcript, everyone has zero turns and a zero share', () => {
		expect(episodeShares(episode({ transcript: undefined })).get('david-luan')).toEqual({ turns: 0, words: 0, share: 0 });
	});

	test('profiles gather a person across episodes, hosts first', () => {
		const profiles = speakerProfiles([episode(), episode({ slug: 'second', speakers: [alessio], transcript: undefined })]);
		expect(profiles.map((p) => [p.id, p.role, p.appearances.map((a) => a.episode.slug), p.turns])).toEqual([
			['alessio-fanelli', 'host', ['why-google-failed', 'second'], 2],
			['david-luan', 'guest', ['why-google-failed'], 2],
		]);
		expect(profiles[0]!.appearances[1]).toMatchObject({ hasTranscript: false, turns: 0 });
	});

	test.each([
		[0, '0%'],
		[0.004, '<1%'],
		[0.386, '39%'],
		[1, '100%'],
	])('formatShare(%d) is %s', (share, text) => {
		expect(formatShare(share)).toBe(text);
	});
});

describe('lists that stay small as the archive grows', () => {
	const at = (slug: string, iso: string, more: Partial<EpisodeEntry> = {}) => episode({ slug, published: new Date(iso), ...more });
	const archive = [
		at('c', '2025-01-02T10:00:00Z'),
		at('b', '2024-12-31T23:30:00Z', { transcript: undefined, duration: 600 }),
		at('a', '2024-01-01T00:00:00Z'),
		at('old', '2022-06-01T00:00:00Z'),
	];

	test('a page per year holds that year’s episodes, newest first, and no year without any', () => {
		expect(yearPages(archive).map((page) => [page.year, page.items.map((item) => item.slug)])).toEqual([
			[2025, ['c']],
			[2024, ['b', 'a']],
			[2022, ['old']],
		]);
	});

	test('each year is summarized with its episodes, running time and transcripts', () => {
		expect(yearSummaries(archive)[1]).toEqual({ year: 2024, episodes: 2, seconds: 600 + 2495, transcripts: 1 });
	});

	test('a slug that is a bare year would take that year’s address, and stops the build', () => {
		expect(() => yearPages([...archive, at('2024', '2023-05-05T00:00:00Z')])).toThrow('episode slug "2024" is the address of a year page');
		expect(() => yearPages([...archive, at('2023', '2024-05-05T00:00:00Z')])).not.toThrow();
	});

	test('a speaker within the limit keeps one page with every episode', () => {
		const [host] = speakerProfiles(archive);
		expect(latestItems(host!.appearances, 4)).toHaveLength(4);
		expect(yearRuns(host!.appearances, 4)).toEqual([]);
	});

	test('past the limit, a speaker page lists the latest episodes and every year gets a page', () => {
		const [host] = speakerProfiles(archive);
		expect(latestItems(host!.appearances, 3).map((a) => a.episode.slug)).toEqual(['c', 'b', 'a']);
		expect(yearRuns(host!.appearances, 3).map((year) => [year.year, year.items.map((a) => a.episode.slug)])).toEqual([
			[2025, ['c']],
			[2024, ['b', 'a']],
			[2022, ['old']],
		]);
	});
});

describe('time deep links', () => {
	test.each([
		['1:02:03', 3723],
		['62:03', 3723],
		['3723', 3723],
		['3723.5', 3723],
		['npt:1:02:03', 3723],
		['1:02:03,1:05:00', 3723],
		['1h2m3s', 3723],
		['2m', 120],
		['1%3A02%3A03', 3723],
		['soon', undefined],
		['', undefined],
		['1:75', undefined],
	])('parseDeepLinkTime(%j) is %s', (value, seconds) => {
		expect(parseDeepLinkTime(value)).toBe(seconds);
	});

	test('reads #t= first, then ?t=, then a plain anchor', () => {
		expect(readDeepLink('#t=1:02:03', '?t=5')).toEqual({ kind: 'time', seconds: 3723 });
		expect(readDeepLink('', '?t=74')).toEqual({ kind: 'time', seconds: 74 });
		expect(readDeepLink('#t=later', '')).toEqual({ kind: 'bad-time', value: 'later' });
		expect(readDeepLink('#ch-introductions', '')).toEqual({ kind: 'anchor', id: 'ch-introductions' });
		expect(readDeepLink('', '')).toEqual({ kind: 'none' });
	});

	const starts = [0, 15, undefined, 74, 135];
	test.each([
		[0, 0],
		[14, 0],
		[15, 1],
		[60, 1],
		[74, 3],
		[2000, 4],
	])('the turn covering %i s is turn %i', (seconds, index) => {
		expect(turnAt(seconds, starts, 2495)).toBe(index);
	});

	test('a time after the end of the episode, or no turns at all, covers nothing', () => {
		expect(turnAt(2496, starts, 2495)).toBeUndefined();
		expect(turnAt(10, [], 2495)).toBeUndefined();
	});

	test('a moment before the first known start belongs to the first turn', () => {
		expect(turnAt(3, [undefined, 10, 20], 100)).toBe(0);
	});
});

describe('On this page', () => {
	const prose = [
		{ depth: 2, slug: 'why-google', text: 'Why Google' },
		{ depth: 3, slug: 'detail', text: 'Detail' },
		{ depth: 2, slug: 'show-notes', text: 'Show notes' },
	];

	test('lists the overview, the description’s sections, then the chapters under the transcript', () => {
		const toc = episodeToc(episode(), prose);
		expect(toc.map((item) => [item.id, item.children.map((child) => child.id)])).toEqual([
			['page-top', []],
			['why-google', []],
			['show-notes', []],
			['chapters', []],
			['transcript', ['ch-introductions', 'ch-openai']],
		]);
	});

	test('without a transcript, the chapters sit under the chapter list, which holds their anchors', () => {
		const toc = episodeToc(episode({ transcript: undefined }), []);
		expect(toc.find((item) => item.id === 'chapters')?.children.map((child) => child.id)).toEqual(['ch-introductions', 'ch-openai']);
		expect(toc.find((item) => item.id === 'transcript')?.children).toEqual([]);
	});
});

describe('structured data and feed', () => {
	const site = SiteConfigSchema.parse({
		title: 'Archive',
		description: 'All of it.',
		url: 'https://x.org',
		show: { name: 'The Show', url: 'https://show.example/' },
		hosts: [{ id: 'alessio-fanelli', name: 'Alessio Fanelli', aliases: ['Alessio'] }],
	});

	test('an episode is a PodcastEpisode with an ISO duration, guests and hosts', () => {
		const data = podcastEpisode(episode(), { page: 'https://x.org/e/', home: 'https://x.org/', person: (id) => `https://x.org/s/${id}/` }, site);
		expect(data).toMatchObject({
			'@type': 'PodcastEpisode',
			duration: 'PT41M35S',
			datePublished: '2024-03-22T19:08:00.000Z',
			partOfSeries: { '@type': 'PodcastSeries', name: 'The Show' },
			actor: [{ '@type': 'Person', name: 'David Luan', url: 'https://x.org/s/david-luan/' }],
			contributor: [{ name: 'Alessio Fanelli' }],
		});
	});

	test('breadcrumbs are numbered from 1', () => {
		expect(breadcrumbList([{ name: 'A', url: 'https://x.org/' }, { name: 'B', url: 'https://x.org/b/' }]).itemListElement).toEqual([
			{ '@type': 'ListItem', position: 1, name: 'A', item: 'https://x.org/' },
			{ '@type': 'ListItem', position: 2, name: 'B', item: 'https://x.org/b/' },
		]);
	});

	test('JSON-LD text cannot close its script element', () => {
		expect(jsonLdText({ name: '</script><script>alert(1)</script>' })).not.toContain('</script>');
	});

	test('feed items point at chapters and every transcript, and name the people', () => {
		const xml = podcastElements(episode({ speakers: [alessio, { ...david, name: 'David "D" Luan & co' }] }), new URL('https://x.org'));
		expect(xml).toBe(
			'<podcast:chapters url="https://x.org/episodes/why-google-failed/chapters.json" type="application/json+chapters"/>' +
				'<podcast:transcript url="https://x.org/episodes/why-google-failed/transcript.json" type="application/json"/>' +
				'<podcast:transcript url="https://x.org/episodes/why-google-failed/transcript.vtt" type="text/vtt"/>' +
				'<podcast:transcript url="https://x.org/episodes/why-google-failed/transcript.srt" type="application/x-subrip"/>' +
				'<podcast:person role="host">Alessio Fanelli</podcast:person>' +
				'<podcast:person role="guest">David &quot;D&quot; Luan &amp; co</podcast:person>',
		);
		expect(podcastElements(episode({ transcript: undefined, speakers: [] }), new URL('https://x.org'))).not.toContain('podcast:transcript');
	});
});

describe('rehypeJsxHeadings', () => {
	test('turns literal JSX headings into elements and leaves other JSX alone', () => {
		const tree = {
			type: 'root',
			children: [
				{ type: 'mdxJsxFlowElement', name: 'h2', attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: 'why' }], children: [{ type: 'text', value: 'Why' }] },
				{ type: 'mdxJsxFlowElement', name: 'h2', attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: { type: 'mdxJsxAttributeValueExpression' } }], children: [] },
				{ type: 'mdxJsxFlowElement', name: 'Aside', attributes: [], children: [] },
			],
		};
		rehypeJsxHeadings()(tree);
		expect(tree.children.map((node) => [node.type, (node as { tagName?: string }).tagName ?? node.name])).toEqual([
			['element', 'h2'],
			['mdxJsxFlowElement', 'h2'],
			['mdxJsxFlowElement', 'Aside'],
		]);
		expect((tree.children[0] as unknown as { properties: unknown }).properties).toEqual({ id: 'why' });
	});
});

describe('headingLevels', () => {
	test('the dump’s headings are h3 before the first chapter and h4 after it', () => {
		const turn = entry().transcript!.turns[0]!;
		const items: TranscriptItem[] = [
			{ kind: 'heading', heading: { id: 'intro', text: 'Intro', before: 0 } },
			{ kind: 'turn', turn, speaker: alessio },
			{ kind: 'chapter', chapter: episode().chapters[0]! },
			{ kind: 'heading', heading: { id: 'part', text: 'Part', before: 1 } },
		];
		expect([...headingLevels(items).values()]).toEqual([3, 4]);
	});
});
