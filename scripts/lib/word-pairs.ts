/**
 * The word pairs the quote search reads (src/client/search-pairs.ts), built
 * from Pagefind's own index after it has run: the positions of the common
 * words' stems on every page, then every pair of them standing side by side.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { stem } from 'porter2';
import { pagefindTerm } from '../../src/client/search-chunks.ts';
import { ownPairFile, shardOf, type PairShard, type WordPairsIndex } from '../../src/client/search-pairs.ts';
import { median } from '../../src/shared/stats.ts';
import { decodePagefindFile, type PagefindMeta } from './pagefind-index.ts';

/**
 * Pairs said at most this often share shards chosen by a hash of the pair
 * (about 5 KB of positions each at most); those said more often get a file
 * of their own, whose size the index lists, so a quote knows what each costs.
 */
export const SHARED_PAIR_OCCURRENCES = 1000;

/**
 * A pair said more often than this is left out (`i think`, `kind of`): its
 * file would weigh more than the index chunk of a word a quote could ask for
 * instead (about 100 KB gzipped).
 */
export const MAX_PAIR_OCCURRENCES = 20000;

/** The size a shared shard aims at, gzipped: a pair in one costs about this much to ask for. */
export const SHARD_TARGET_BYTES = 8000;

/** A position's share of a shard, gzipped with its page names and key: 5 bytes at 2,000 episodes. */
const BYTES_PER_POSITION = 5;

/**
 * An index chunk as Pagefind 1.6 writes it: `[words]`, each word
 * `[stem, pages, …]`, each page `[page number step, positions, meta positions]`.
 * Page numbers and positions are steps from the one before; a negative
 * number sets the weight of the positions after it (a heading's words weigh
 * more) and is no position: those after it are counted from 0 again.
 */
type PagefindChunk = [words: [word: string, pages: [pageStep: number, positions: number[], ...rest: unknown[]][], ...rest: unknown[]][]];

/**
 * Per page (its number in the metadata), per position, which common stem is
 * said there: its index in `stems` plus one, 0 for none. Typed arrays, as
 * there are millions of positions at 2,000 episodes.
 */
export interface CommonPositions {
	stems: readonly string[];
	pages: Map<number, Uint8Array>;
}

/** Reads the positions of `stems` (at most 255) out of decoded index chunks. */
export function commonPositions(chunks: Iterable<PagefindChunk>, stems: readonly string[]): CommonPositions {
	const id = new Map(stems.map((stem, i) => [stem, i + 1]));
	const pages = new Map<number, Uint8Array>();
	const grow = (said: Uint8Array, length: number) => {
		const bigger = new Uint8Array(Math.max(length, said.length * 2));
		bigger.set(said);
		return bigger;
	};
	for (const [words] of chunks) {
		for (const [word, list] of words) {
			const stem = id.get(word);
			if (stem === undefined) continue;
			let page = 0;
			for (const [step, positions] of list) {
				page += step;
				let at = 0;
				let said = pages.get(page) ?? new Uint8Array(1024);
				for (const position of positions) {
					// A weight starts a run of its own, counted from 0 again.
					if (position < 0) at = 0;
					else {
						at += position;
						if (at >= said.length) said = grow(said, at + 1);
						said[at] = stem;
					}
				}
				pages.set(page, said);
			}
		}
	}
	return { stems, pages };
}

/** Every pair of common stems said side by side: per key (`come out`), per page, the positions of its first word, ascending. */
export function wordPairs({ stems, pages }: CommonPositions): Map<string, Map<number, number[]>> {
	const byCode = new Map<number, Map<number, number[]>>();
	for (const page of [...pages.keys()].sort((a, b) => a - b)) {
		const said = pages.get(page)!;
		for (let at = 0; at + 1 < said.length; at++) {
			const first = said[at]!;
			const second = said[at + 1]!;
			if (first === 0 || second === 0) continue;
			const code = first * 256 + second;
			let onPages = byCode.get(code);
			if (!onPages) byCode.set(code, (onPages = new Map()));
			const list = onPages.get(page);
			if (list) list.push(at);
			else onPages.set(page, [at]);
		}
	}
	return new Map([...byCode.entries()].map(([code, onPages]) => [`${stems[(code >> 8) - 1]} ${stems[(code & 255) - 1]}`, onPages]));
}

/** How often a pair is said, over all pages. */
const occurrences = (pages: Map<number, number[]>): number => [...pages.values()].reduce((sum, list) => sum + list.length, 0);

/** One file of pairs as written below `search/pairs/`: its name and content. */
export interface PairFile {
	name: string;
	shard: PairShard;
}

/** A pair's pages and positions as its shard stores them: a page's hash, then the steps between its positions. */
function flatPositions(pages: Map<number, number[]>, pageHashes: readonly string[]): (string | number)[] {
	const flat: (string | number)[] = [];
	for (const [page, list] of pages) {
		flat.push(pageHashes[page]!);
		list.forEach((at, i) => flat.push(at - (i === 0 ? 0 : list[i - 1]!)));
	}
	return flat;
}

/** Bytes of a file's JSON gzipped, as a static host serves it. */
export const gzippedBytes = (shard: PairShard): number => gzipSync(JSON.stringify(shard)).length;

/**
 * The pairs as files: those said at most `SHARED_PAIR_OCCURRENCES` times
 * spread by `shardOf` over as many shared shards as make them about
 * `SHARD_TARGET_BYTES` gzipped (`<n>.json`); those said more often, up to
 * `MAX_PAIR_OCCURRENCES`, one file each (`own-<n>.json`, in key order), with
 * its size in the index; the rest left out and listed. Keys sorted, so the
 * files are the same bytes on every build. `pageHashes[n]` is page `n`'s hash.
 */
export function pairFiles(pairs: Map<string, Map<number, number[]>>, pageHashes: readonly string[], stems: readonly string[]): { index: WordPairsIndex; files: PairFile[] } {
	const sorted = [...pairs.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
	const shared = sorted.filter(([, pages]) => occurrences(pages) <= SHARED_PAIR_OCCURRENCES);
	const own = sorted.filter(([, pages]) => occurrences(pages) > SHARED_PAIR_OCCURRENCES && occurrences(pages) <= MAX_PAIR_OCCURRENCES);
	const frequent = sorted.filter(([, pages]) => occurrences(pages) > MAX_PAIR_OCCURRENCES).map(([key]) => key);
	const total = shared.reduce((sum, [, pages]) => sum + occurrences(pages), 0) * BYTES_PER_POSITION;
	const count = Math.max(1, Math.round(total / SHARD_TARGET_BYTES));
	const shards: PairShard[] = Array.from({ length: count }, () => ({}));
	for (const [key, pages] of shared) shards[shardOf(key, count)]![key] = flatPositions(pages, pageHashes);
	const ownFiles = own.map(([key, pages]) => ({ [key]: flatPositions(pages, pageHashes) }));
	const index: WordPairsIndex = {
		stems: [...stems].sort(),
		shards: count,
		shardBytes: Math.round(median(shards.map(gzippedBytes)) ?? 0),
		own: own.map(([key], n) => [key, gzippedBytes(ownFiles[n]!)]),
		frequent,
	};
	return { index, files: [...shards.map((shard, n) => ({ name: `${n}.json`, shard })), ...ownFiles.map((shard, n) => ({ name: ownPairFile(n), shard }))] };
}

/** The common words' positions read out of a Pagefind index, and their stems found in it (sorted: the pairs' and layouts' numbering). */
export interface IndexedCommonWords {
	positions: CommonPositions;
	found: string[];
}

/**
 * Where the build's common words (`search/common-words.json`) stand in the
 * Pagefind index in `pagefindDir`: their stems' positions on every page, and
 * the stems found. Each chunk is decoded, read and dropped in turn.
 */
export function readCommonWords(pagefindDir: string, meta: PagefindMeta, commonWords: readonly string[]): IndexedCommonWords {
	const wanted = new Set(commonWords.map((word) => stem(pagefindTerm(word))).filter(Boolean));
	const found = new Set<string>();
	// Only chunks that may hold a common stem: from at or before it, and its end not before it (cut to the end's length).
	const mayHold = ([from, to]: readonly [string, string, string]) => [...wanted].some((word) => word >= from && word.slice(0, to.length) <= to);
	function* chunks(): Generator<PagefindChunk> {
		for (const [, , hash] of meta[2].filter(mayHold)) {
			const chunk = decodePagefindFile(readFileSync(path.join(pagefindDir, 'index', `${hash}.pf_index`))) as PagefindChunk;
			for (const [word] of chunk[0]) if (wanted.has(word)) found.add(word);
			yield chunk;
		}
	}
	const positions = commonPositions(chunks(), [...wanted].sort());
	return { positions, found: [...found].sort() };
}

/** The word pairs of the common words' positions (`readCommonWords`) as files: the pairs' index and the shards. */
export function readWordPairs(meta: PagefindMeta, { positions, found }: IndexedCommonWords): { index: WordPairsIndex; files: PairFile[] } {
	return pairFiles(wordPairs(positions), meta[1].map(([hash]) => hash), found);
}
