/**
 * The synthetic benchmark corpus: made from the real seed, parsed by the real
 * parser without errors, with the seed's mix of layouts and edge cases.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { generateCorpus, formatStampLike, retime, scaleChapterTimes } from '../../scripts/bench/corpus-lib.ts';
import { readVocabulary } from '../../scripts/lib/vocabulary-file.ts';
import { seededRandom } from '../../scripts/bench/random.ts';
import { splitDump } from '../../src/ingest/dump.ts';
import { ingestText } from './helpers/ingest.ts';
import { SiteConfigSchema } from '../../src/schemas/site.ts';

const site = SiteConfigSchema.parse(JSON.parse(readFileSync('content/site.json', 'utf8')));
const seed = readFileSync('content/sources/latent-space.txt', 'utf8');
const { words } = readVocabulary();
const dump = generateCorpus(seed, site.hosts, { episodes: 40, seed: 7, words });
const { episodes, problems } = ingestText(dump, 'bench-40.txt', site.hosts);

describe('generateCorpus', () => {
	test('writes the dump format: a "-" line, a title, a "From … published at" line and one body line per episode', () => {
		const lines = dump.split('\n');
		expect(lines).toHaveLength(40 * 4);
		for (let i = 0; i < lines.length; i += 4) {
			expect(lines[i]).toBe('-');
			expect(lines[i + 2]).toMatch(/^From 🇺🇸 Latent Space: The AI Engineer Podcast, published at \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/u);
		}
	});

	test('every generated episode parses with the real parser, without errors', () => {
		expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(episodes).toHaveLength(40);
	});

	test('covers the three transcript layouts and episodes without transcript, in the seed’s proportions', () => {
		const count = (format: string) => episodes.filter((e) => (e.transcript?.format ?? 'none') === format).length;
		const seedEpisodes = ingestText(seed, 'seed', site.hosts).episodes;
		const seedCount = (format: string) => seedEpisodes.filter((e) => (e.transcript?.format ?? 'none') === format).length;
		for (const format of ['name-time-colon', 'time-name-colon', 'name-colon-time', 'none']) {
			expect(count(format), format).toBe(2 * seedCount(format));
		}
	});

	test('keeps every chapter-list variant and transcript headings', () => {
		expect(new Set(episodes.map((e) => e.chaptersHeading))).toEqual(new Set(['Chapters', 'Timestamps', 'Timestamps & Show Notes', undefined]));
		expect(episodes.some((e) => e.chaptersIntro)).toBe(true);
		expect(episodes.some((e) => (e.transcript?.headings.length ?? 0) > 0)).toBe(true);
	});

	test('titles and slugs are unique, dates go back in time, guests get new names', () => {
		expect(new Set(episodes.map((e) => e.title)).size).toBe(40);
		expect(new Set(episodes.map((e) => e.slug)).size).toBe(40);
		const times = splitDump(dump).episodes.map((e) => e.header.slice(-16));
		expect([...times].sort().reverse()).toEqual(times);
		expect(episodes.flatMap((e) => e.speakers.map((s) => s.name))).not.toContain('David Luan');
	});

	test('transcript times never go backwards', () => {
		for (const episode of episodes) {
			const starts = (episode.transcript?.turns ?? []).flatMap((t) => (t.start === undefined ? [] : [t.start]));
			expect(starts, episode.title).toEqual([...starts].sort((a, b) => a - b));
		}
	});

	test('the same seed gives the same bytes; another seed gives another corpus', () => {
		expect(generateCorpus(seed, site.hosts, { episodes: 5, seed: 7 })).toBe(generateCorpus(seed, site.hosts, { episodes: 5, seed: 7 }));
		expect(generateCorpus(seed, site.hosts, { episodes: 5, seed: 8 })).not.toBe(generateCorpus(seed, site.hosts, { episodes: 5, seed: 7 }));
	});
});

describe('timestamps', () => {
	test.each([
		[74, '[00:01:14]', '[00:01:14]'],
		[556, '[0:09:16]', '[0:09:16]'],
		[3723, '[0:00:00]', '[1:02:03]'],
		[3723, '[00:00:00]', '[01:02:03]'],
		[74, '[00:00]', '[01:14]'],
	])('formatStampLike(%i, %s) keeps the written form: %s', (seconds, like, expected) => {
		expect(formatStampLike(seconds, like)).toBe(expected);
	});

	test('scaleChapterTimes scales each chapter time', () => {
		expect(scaleChapterTimes('* [00:01:00] Intro* Outro [0:10:00]', 2)).toBe('* [00:02:00] Intro* Outro [0:20:00]');
	});

	test('retime keeps gaps inside one turn, paces new neighbours by their words, and keeps a heading on its turn’s time', () => {
		const { text, duration } = retime([
			{ text: '[00:10:00] A: one two three four five. [00:10:30] six', source: 0 },
			{ text: '[00:50:00] B: seven eight nine ten eleven.[00:50:00] A Heading', source: 1 },
			{ text: '[01:20:00] C: end.', source: 2 },
		]);
		expect(text).toBe('[00:10:00] A: one two three four five. [00:10:30] six[00:10:31] B: seven eight nine ten eleven.[00:10:31] A Heading[00:10:31] C: end.');
		expect(duration).toBe(631);
	});
});

test('seededRandom is deterministic', () => {
	const a = seededRandom(3);
	const b = seededRandom(3);
	expect([a.next(), a.int(1, 6), a.shuffle([1, 2, 3, 4])]).toEqual([b.next(), b.int(1, 6), b.shuffle([1, 2, 3, 4])]);
});
