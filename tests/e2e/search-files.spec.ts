/**
 * The files the build writes after Pagefind (`scripts/search-files.ts`) are
 * read back against Pagefind itself in Chromium.
 *
 * The chunk list (`search/index-chunks.json`) tells a quote
 * what each word costs only if `chunksFor` picks the chunks Pagefind really
 * downloads. Pagefind decides that inside its WebAssembly, so this asks it:
 * each word is searched by a fresh Pagefind in Chromium, and the index files
 * it requests are compared with the prediction. The words are a seeded sample
 * of the archive's own, plus a sample of those for which Pagefind loads
 * several chunks (a word between two ranges, a stem in another chunk).
 *
 * The word pairs (`search/pairs/`) place a quote's common words only if each
 * pair's positions are those of its words in Pagefind's own results: a seeded
 * sample of pairs, on a page of each, is checked against Pagefind's search
 * for each of the two words.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { seededRandom } from '../../scripts/bench/random.ts';
import { readPagefindMeta } from '../../scripts/lib/pagefind-index.ts';
import { readArchive } from '../../scripts/lib/search-eval.ts';
import { chunksFor, pagefindTerm, type IndexChunks } from '../../src/client/search-chunks.ts';
import { pairPositions, shardOf, type PairShard, type WordPairsIndex } from '../../src/client/search-pairs.ts';
import { bareWord } from '../../src/client/search-quotes.ts';

const SEED = 13;
const SAMPLED_WORDS = 80;
const SEVERAL_CHUNK_WORDS = 30;
const SAMPLED_PAIRS = 60;

/** The archive's distinct words as typed (signs around them dropped, as a quote asks for them). */
function archiveWords(): string[] {
	const words = new Set<string>();
	for (const turn of readArchive().turns) for (const word of turn.words) if (pagefindTerm(bareWord(word))) words.add(bareWord(word));
	return [...words].sort();
}

/** Words for which Pagefind loads several chunks (between two ranges, or a stem in another chunk than the word): the rules that are easy to get wrong. */
const severalChunks = (words: readonly string[], chunks: IndexChunks['chunks']): string[] => words.filter((word) => chunksFor(pagefindTerm(word), chunks).length > 1);

test('a word’s predicted index chunks are the ones Pagefind downloads for it', async ({ page }) => {
	test.setTimeout(180_000);
	const hashes = readPagefindMeta(path.resolve('dist/pagefind'))[2].map(([, , hash]) => hash);
	await page.goto('search/');
	const index = (await (await page.request.get('search/index-chunks.json')).json()) as IndexChunks;
	expect(index.chunks.map(([from, to]) => [from, to])).toEqual(readPagefindMeta(path.resolve('dist/pagefind'))[2].map(([from, to]) => [from, to]));
	const words = archiveWords();
	const random = seededRandom(SEED);
	const sample = [...random.shuffle(words).slice(0, SAMPLED_WORDS), ...random.shuffle(severalChunks(words, index.chunks)).slice(0, SEVERAL_CHUNK_WORDS)];
	const requested: string[] = [];
	page.on('request', (request) => {
		const file = /\/index\/([^/]+)\.pf_index$/.exec(new URL(request.url()).pathname);
		if (file) requested.push(file[1]!);
	});
	const misses: string[] = [];
	let between = 0;
	for (const [n, word] of sample.entries()) {
		requested.length = 0;
		// A module URL of its own is a fresh Pagefind, with no chunk loaded yet.
		await page.evaluate(
			async ([term, instance]) => {
				const pagefind = await import(/* @vite-ignore */ `${new URL('../pagefind/pagefind.js', location.href).href}?instance=${instance}`);
				await pagefind.init();
				await pagefind.search(term);
				await pagefind.destroy();
			},
			[word, n] as const,
		);
		const predicted = chunksFor(pagefindTerm(word), index.chunks);
		if (predicted.length > 1) between++;
		const expected = predicted.map((chunk) => hashes[chunk]!).sort();
		const got = [...new Set(requested)].sort();
		if (JSON.stringify(got) !== JSON.stringify(expected)) misses.push(`${word}: predicted ${expected.join(' ')}, Pagefind loaded ${got.join(' ')}`);
	}
	test.info().annotations.push({ type: 'index chunks', description: `${sample.length} words, ${between} loading more than one chunk` });
	expect(misses).toEqual([]);
	// The seed's 41 episodes have 28 chunks and 27 such words: enough that the hard rules were tried.
	expect(between).toBeGreaterThanOrEqual(Math.min(SEVERAL_CHUNK_WORDS, 20));
});

test('a word pair stands where the build says: its first word there and its second right after, as Pagefind finds them', async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto('search/');
	const index = (await (await page.request.get('search/pairs/index.json')).json()) as WordPairsIndex;
	const shards = await Promise.all(Array.from({ length: index.shards }, async (_, n) => (await (await page.request.get(`search/pairs/${n}.json`)).json()) as PairShard));
	const keys = shards.flatMap((shard) => Object.keys(shard)).sort();
	expect(keys.length).toBeGreaterThan(100);
	const random = seededRandom(SEED);
	const misses: string[] = [];
	let checked = 0;
	for (const key of random.shuffle(keys).slice(0, SAMPLED_PAIRS)) {
		const placed = pairPositions(shards[shardOf(key, index.shards)]!, key);
		const pageId = random.pick([...placed.keys()]);
		const [first, second] = key.split(' ') as [string, string];
		const found = await page.evaluate(
			async ([words, id]) => {
				const pagefind = await import(/* @vite-ignore */ new URL('../pagefind/pagefind.js', location.href).href);
				await pagefind.init();
				const positions = async (word: string) => (await pagefind.search(word)).results.find((hit: { id: string }) => hit.id === id)?.words ?? [];
				return Promise.all(words.map(positions));
			},
			[[first, second], pageId] as const,
		);
		const [firsts, seconds] = found.map((list: number[]) => new Set(list)) as [Set<number>, Set<number>];
		for (const at of placed.get(pageId)!) {
			checked++;
			if (!firsts.has(at) || !seconds.has(at + 1)) misses.push(`${key} at ${at} on ${pageId}`);
		}
	}
	test.info().annotations.push({ type: 'word pairs', description: `${SAMPLED_PAIRS} pairs, ${checked} positions` });
	expect(misses).toEqual([]);
});
