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
 *
 * The word layouts (`search/layouts/`) tell a quote which common word stands
 * at each position of a page only if each stem they place there is one
 * Pagefind finds there: on a seeded sample of pages, every common stem each
 * page's layout holds is checked against Pagefind's search for it, and the
 * files are read as the browser reads them (gunzipped by the browser).
 *
 * `SEARCH_FILES_SITE=.bench/site` checks the bench's built site instead (its
 * `dist/` and `content/episodes/`), `SEARCH_FILES_WORDS`,
 * `SEARCH_FILES_PAIRS` and `SEARCH_FILES_PAGES` set the sample sizes.
 */
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { seededRandom } from '../../scripts/bench/random.ts';
import { readPagefindMeta } from '../../scripts/lib/pagefind-index.ts';
import { readArchive } from '../../scripts/lib/search-eval.ts';
import { chunksFor, pagefindTerm, type IndexChunks } from '../../src/client/search-chunks.ts';
import { pairFile, pairPositions, type PairShard, type WordPairsIndex } from '../../src/client/search-pairs.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { bareWord } from '../../src/client/search-quotes.ts';

const SEED = 13;
const SITE = process.env.SEARCH_FILES_SITE;
const DIST = path.resolve(SITE ? path.join(SITE, 'dist') : 'dist');
const ENTRIES = SITE ? path.join(SITE, 'content', 'episodes') : 'content/episodes';
const SAMPLED_WORDS = Number(process.env.SEARCH_FILES_WORDS ?? 80);
const SEVERAL_CHUNK_WORDS = Math.ceil(SAMPLED_WORDS * 0.375);
const SAMPLED_PAIRS = Number(process.env.SEARCH_FILES_PAIRS ?? 60);
const SAMPLED_PAGES = Number(process.env.SEARCH_FILES_PAGES ?? 6);

let server: StaticServer;
test.beforeAll(async () => {
	server = await serveStatic(DIST);
});
test.afterAll(async () => {
	await server.close();
});

/** Where Pagefind, searched for each word alone in the browser, finds it on one page (by its id). */
function pagefindPositions(page: Page, words: readonly string[], pageId: string): Promise<number[][]> {
	return page.evaluate(
		async ([words, id]) => {
			const pagefind = await import(/* @vite-ignore */ new URL('../pagefind/pagefind.js', location.href).href);
			await pagefind.init();
			const positions = async (word: string) => (await pagefind.search(word)).results.find((hit: { id: string }) => hit.id === id)?.words ?? [];
			return Promise.all(words.map(positions));
		},
		[words, pageId] as const,
	);
}

/** The archive's distinct words as typed (signs around them dropped, as a quote asks for them). */
function archiveWords(): string[] {
	const words = new Set<string>();
	for (const turn of readArchive(ENTRIES).turns) for (const word of turn.words) if (pagefindTerm(bareWord(word))) words.add(bareWord(word));
	return [...words].sort();
}

/** Words for which Pagefind loads several chunks (between two ranges, or a stem in another chunk than the word): the rules that are easy to get wrong. */
const severalChunks = (words: readonly string[], chunks: IndexChunks['chunks']): string[] => words.filter((word) => chunksFor(pagefindTerm(word), chunks).length > 1);

test('a word’s predicted index chunks are the ones Pagefind downloads for it', async ({ page }) => {
	test.setTimeout(180_000 + SAMPLED_WORDS * 2_000);
	const meta = readPagefindMeta(path.join(DIST, 'pagefind'));
	const hashes = meta[2].map(([, , hash]) => hash);
	await page.goto(`${server.origin}/search/`);
	const index = (await (await page.request.get(`${server.origin}/search/index-chunks.json`)).json()) as IndexChunks;
	expect(index.chunks.map(([from, to]) => [from, to])).toEqual(meta[2].map(([from, to]) => [from, to]));
	const words = archiveWords();
	const random = seededRandom(SEED);
	const sample = [...random.shuffle(words).slice(0, SAMPLED_WORDS), ...random.shuffle(severalChunks(words, index.chunks)).slice(0, SEVERAL_CHUNK_WORDS)];
	const requested: string[] = [];
	page.on('request', (request) => {
		const file = /\/index\/([^/]+)\.pf_index$/.exec(new URL(request.url()).pathname);
		if (file) requested.push(file[1]!);
	});
	const under: string[] = [];
	const over: string[] = [];
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
		const line = `${word}: predicted ${expected.join(' ')}, Pagefind loaded ${got.join(' ')}`;
		if (got.some((hash) => !expected.includes(hash))) under.push(line);
		else if (got.length !== expected.length) over.push(line);
	}
	test.info().annotations.push({ type: 'index chunks', description: JSON.stringify({ words: sample.length, severalChunks: between, overrated: over }) });
	// A word must never look cheaper than it is; one that looks dearer (its stem's chunk skipped, as for `university`) is rare.
	expect(under).toEqual([]);
	expect(over.length, over.join('\n')).toBeLessThanOrEqual(Math.floor(sample.length * 0.03));
	// The seed's 41 episodes have 28 chunks and 27 such words: enough that the hard rules were tried.
	expect(between).toBeGreaterThanOrEqual(Math.min(SEVERAL_CHUNK_WORDS, 20));
});

test('a word pair stands where the build says: its first word there and its second right after, as Pagefind finds them', async ({ page }) => {
	test.setTimeout(120_000 + SAMPLED_PAIRS * 2_000);
	await page.goto(`${server.origin}/search/`);
	const get = async <T>(file: string) => (await (await page.request.get(`${server.origin}/search/pairs/${file}`)).json()) as T;
	const index = await get<WordPairsIndex>('index.json');
	const files = new Map<string, PairShard>();
	const fileOf = async (key: string) => {
		const { file } = pairFile(key, index);
		if (!files.has(file)) files.set(file, await get<PairShard>(file));
		return files.get(file)!;
	};
	// Every pair: those of the shared shards (read from them) and those with files of their own (listed).
	const shared = await Promise.all(Array.from({ length: index.shards }, (_, n) => get<PairShard>(`${n}.json`)));
	const keys = [...shared.flatMap((shard) => Object.keys(shard)), ...index.own.map(([key]) => key)].sort();
	expect(keys.length).toBeGreaterThan(100);
	const random = seededRandom(SEED);
	const misses: string[] = [];
	let checked = 0;
	for (const key of random.shuffle(keys).slice(0, SAMPLED_PAIRS)) {
		const placed = pairPositions(await fileOf(key), key);
		const pageId = random.pick([...placed.keys()]);
		const [first, second] = key.split(' ') as [string, string];
		const found = await pagefindPositions(page, [first, second], pageId);
		const [firsts, seconds] = found.map((list: number[]) => new Set(list)) as [Set<number>, Set<number>];
		for (const at of placed.get(pageId)!) {
			checked++;
			if (!firsts.has(at) || !seconds.has(at + 1)) misses.push(`${key} at ${at} on ${pageId}`);
		}
	}
	test.info().annotations.push({ type: 'word pairs', description: `${SAMPLED_PAIRS} pairs, ${checked} positions` });
	expect(misses).toEqual([]);
});

test('a page’s word layout places each common stem where Pagefind finds it', async ({ page }) => {
	test.setTimeout(120_000 + SAMPLED_PAGES * 30_000);
	await page.goto(`${server.origin}/search/`);
	const index = (await (await page.request.get(`${server.origin}/search/pairs/index.json`)).json()) as WordPairsIndex;
	const positions = index.layouts!.positions;
	// Transcripts: the pages a quote's layouts are read for.
	const pages = readPagefindMeta(path.join(DIST, 'pagefind'))[1].filter(([, words]) => words >= 1000).map(([hash]) => hash);
	const random = seededRandom(SEED);
	const misses: string[] = [];
	let checked = 0;
	for (const pageId of random.shuffle(pages).slice(0, SAMPLED_PAGES)) {
		// Every file of the page, fetched and gunzipped as the search does, until the first that is not there.
		const said = await page.evaluate(
			async ([base, id, size]) => {
				const stems: Record<number, number[]> = {};
				for (let n = 0; ; n++) {
					const response = await fetch(`${base}${id}-${n}.bin`);
					if (!response.ok || !response.body) return stems;
					const file = new Uint8Array(await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
					file.forEach((stem, at) => {
						if (stem > 0) (stems[stem] ??= []).push(n * size + at);
					});
				}
			},
			[`${server.origin}/search/layouts/`, pageId, positions] as const,
		);
		const stems = Object.keys(said).map(Number);
		expect(stems.length, `common stems on ${pageId}`).toBeGreaterThan(20);
		const found = await pagefindPositions(page, stems.map((stem) => index.stems[stem - 1]!), pageId);
		stems.forEach((stem, i) => {
			const pagefindSays = new Set(found[i] as number[]);
			for (const at of said[stem]!) {
				checked++;
				if (!pagefindSays.has(at)) misses.push(`${index.stems[stem - 1]} at ${at} on ${pageId}`);
			}
		});
	}
	test.info().annotations.push({ type: 'word layouts', description: `${SAMPLED_PAGES} pages, ${checked} positions` });
	expect(checked).toBeGreaterThan(SAMPLED_PAGES * 100);
	expect(misses.slice(0, 20)).toEqual([]);
});
