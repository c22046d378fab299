/**
 * The synthetic benchmark corpus: made from the real seed, parsed by the real
 * parser without errors, with the seed's mix of layouts and edge cases.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { generateCorpus, formatStampLike, ProsePool, retime, scaleChapterTimes, spliceableRange, Splicer } from '../../scripts/bench/corpus-lib.ts';
import { runUniqueness } from '../../scripts/bench/run-uniqueness.ts';
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
// The same corpus with every seed turn's words as written: the structure the splicer must leave alone.
const verbatim = ingestText(generateCorpus(seed, site.hosts, { episodes: 40, seed: 7, words, splice: false }), 'bench-40.txt', site.hosts);
const turnWords = (list: typeof episodes) => list.flatMap((e) => (e.transcript?.turns ?? []).map((t) => t.paragraphs.flatMap((p) => p.text.split(/\s+/)).filter(Boolean)));

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

describe('splicing the words of turns', () => {
	test('keeps every turn, label, transcript heading, chapter and title, and reports the same problems', () => {
		const shape = (list: typeof episodes) =>
			list.map((e) => ({
				title: e.title,
				chapters: e.chapters.map((c) => c.title),
				speakers: (e.transcript?.turns ?? []).map((t) => t.speaker),
				headings: (e.transcript?.headings ?? []).map((h) => [h.text, h.before]),
			}));
		expect(shape(episodes)).toEqual(shape(verbatim.episodes));
		expect(problems.map((p) => p.message)).toEqual(verbatim.problems.map((p) => p.message));
	});

	test('keeps the number of words and bytes of the transcripts within 1 %', () => {
		const words = turnWords(episodes).flat();
		const before = turnWords(verbatim.episodes).flat();
		expect(Math.abs(words.length / before.length - 1)).toBeLessThan(0.01);
		expect(Math.abs(words.join(' ').length / before.join(' ').length - 1)).toBeLessThan(0.01);
	});

	test('makes most runs of six words occur once, where verbatim turns repeat them', () => {
		const share = (list: typeof episodes) => {
			const { runs, unique } = runUniqueness(turnWords(list), [], { runs: 300, length: 6, seed: 1 });
			return unique / runs;
		};
		// 0.88 and 0.14 at this seed; at 2,000 episodes the spliced share is 0.71, the verbatim one 0.002 (docs/benchmarks.md).
		expect(share(episodes)).toBeGreaterThan(0.75);
		expect(share(verbatim.episodes)).toBeLessThan(0.3);
	});
});

describe('spliceableRange', () => {
	const words = (text: string) => [...text.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
	const range = (text: string, keep = 0) => {
		const found = spliceableRange(text, words(text), keep);
		return found && words(text).slice(found.from, found.to).map((w) => w.text).join(' ');
	};

	test('keeps a label up to its colon and the word after it, and the words from the last sentence end on', () => {
		expect(range(' AI Charlie: We are delighted to continue our new monthly news recap series. Please do join us.')).toBe(
			'are delighted to continue our new monthly news recap series. Please do join',
		);
	});

	test('keeps a heading glued to the next label, which the parser finds after the last sentence end', () => {
		const long = 'we talked about the smell models and what they can do, '.repeat(6);
		expect(range(`: So ${long}for perfume.Osmo - smell AI`)).toBe(`${long}for`);
	});

	test('keeps a short segment that does not end like a sentence: it may be a heading line', () => {
		expect(range(' Introducing Wing Lian and the smell of very many models today')).toBeUndefined();
	});

	test('keeps the opening words it is told to keep', () => {
		expect(range('Hey everyone, welcome to the Latent Space podcast, this is Alessio and today we have Priya Raman.', 8)).toBe('this is Alessio and today we have Priya');
	});
});

describe('Splicer', () => {
	const pool = new ProsePool();
	for (const sentence of ['we like the model and the data a lot.', 'you train the data on the model every day.', 'they ship the code: the model wins again.'])
		pool.add(`Swyx [00:00:01]: So ${sentence} ${sentence} ${sentence} ${sentence} And that is it.`);

	test('never splices in a word with a colon or a bracket, so it makes no label or timestamp', () => {
		expect(pool.words.some((word) => /[:[\]]/.test(word))).toBe(false);
	});

	test('writes only pairs of neighbouring words the seed says (or a sentence end and a sentence start), and keeps the label and the end', () => {
		const turn = 'Swyx [00:00:01]: So you train the data on the model every day. we like the model and the data a lot. And that is it.';
		const out = new Splicer({ host: pool, guest: pool }, seededRandom(2)).splice(turn, true);
		expect(out.startsWith('Swyx [00:00:01]: So ')).toBe(true);
		expect(out.endsWith(' it.')).toBe(true);
		const spliced = out.slice('Swyx [00:00:01]: '.length).split(' ').slice(0, -1);
		for (let i = 1; i < spliced.length; i++) {
			expect(pool.says(spliced[i - 1]!, spliced[i]!) || spliced[i - 1]!.endsWith('.'), `${spliced[i - 1]} ${spliced[i]}`).toBe(true);
		}
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
