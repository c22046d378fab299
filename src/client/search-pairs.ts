/**
 * Word pairs: where two common words stand side by side (`come out`, `say
 * it`). A quote made only of common words has no cheap word to ask Pagefind
 * for: each common word's index chunk lists every place it is said (hundreds
 * of KB each at 2,000 episodes), and two of them at the quote's distance
 * still stand alike in many pages. A pair of them is said far less often
 * than either word, so after Pagefind has run the build reads the common
 * words' positions out of Pagefind's own index and writes, for every pair of
 * them said side by side, the pages and positions where it stands
 * (`scripts/lib/word-pairs.ts`), in shards of a few KB chosen by a hash of
 * the pair. A quote then asks Pagefind for one word, and the shards of its
 * pairs tell where the rest of it stands (`search-quotes.ts`). Positions are
 * Pagefind's, so they line up with those of the words Pagefind returns.
 */
import { stem } from 'porter2';
import { pagefindTerm } from './search-chunks.ts';
import type { LayoutsInfo } from './search-layouts.ts';

/** Where the build writes the pairs, below the site's base path: `index.json` and `<shard>.json`. */
export const WORD_PAIRS_DIR = 'search/pairs/';

/** What the client needs to know before asking for a pair (`index.json`). */
export interface WordPairsIndex {
	/** The stems of the common words whose pairs are listed (Pagefind's stems of the build's common words, found in its index), sorted. */
	stems: string[];
	/** How many shared shards the pairs said less often are spread over (`shardOf`). */
	shards: number;
	/** The median size of a shared shard, gzipped: what asking for a pair in one costs. */
	shardBytes: number;
	/** Pairs said often enough to have a file of their own (`ownPairFile(n)` for the `n`th), with its size gzipped; by key. */
	own: [key: string, bytes: number][];
	/** Pairs said so often that they are left out (`i think`, `kind of`): asking for them would cost more than a word. */
	frequent: string[];
	/** The word layouts, numbered by `stems` (from 1; `search-layouts.ts`); absent from an index written before them. */
	layouts?: LayoutsInfo | undefined;
}

/** The file of the `n`th pair with a file of its own. */
export const ownPairFile = (n: number): string => `own-${n}.json`;

/** Where a pair is and what it costs to ask for, or undefined when it is left out or has no common stems. */
export interface PairFileRef {
	file: string;
	bytes: number;
}

/** The file that holds a pair (`pairKey`), and its size. */
export function pairFile(key: string, index: WordPairsIndex, own: ReadonlyMap<string, number> = ownPairs(index)): PairFileRef {
	const n = own.get(key);
	return n === undefined ? { file: `${shardOf(key, index.shards)}.json`, bytes: index.shardBytes } : { file: ownPairFile(n), bytes: index.own[n]![1] };
}

/** The pairs with a file of their own, by key: their number. */
export const ownPairs = (index: WordPairsIndex): Map<string, number> => new Map(index.own.map(([key], n) => [key, n]));

/**
 * One shard: per pair key, a flat list in which a string names a page
 * (Pagefind's page hash, the result's `id`) and the numbers after it are the
 * positions of the pair's first word on that page, each as the distance from
 * the one before (from 0 for the first).
 */
export type PairShard = Record<string, (string | number)[]>;

/** A pair's key: the two words' stems as Pagefind indexes them, with a space between. */
export const pairKey = (first: string, second: string): string => `${stem(pagefindTerm(first))} ${stem(pagefindTerm(second))}`;

/** The shard a pair's key lives in: FNV-1a of its UTF-16 code units, modulo the number of shards (the build and the browser agree on it). */
export function shardOf(key: string, shards: number): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < key.length; i++) {
		hash ^= key.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash % shards;
}

/** The positions of a pair's first word on each page, from its shard (none when the pair is said nowhere). */
export function pairPositions(shard: PairShard, key: string): Map<string, number[]> {
	const positions = new Map<string, number[]>();
	let current: number[] = [];
	let at = 0;
	for (const item of shard[key] ?? []) {
		if (typeof item === 'string') {
			current = [];
			at = 0;
			positions.set(item, current);
		} else {
			at += item;
			current.push(at);
		}
	}
	return positions;
}

/** A pair of a quote: its key, where its first word stands in the quote, its file and what that costs. */
export interface QuotePair extends PairFileRef {
	key: string;
	offset: number;
}

/**
 * The pairs of a quote worth asking for: two words side by side (`offsets`
 * tell where each stands in the quote) that are both common, and not a pair
 * so frequent the build left it out. Cheapest first (a pair in a shared
 * shard before one with a large file of its own), then in quote order.
 */
export function quotePairs(words: readonly string[], offsets: readonly number[], index: WordPairsIndex): QuotePair[] {
	const stems = new Set(index.stems);
	const frequent = new Set(index.frequent);
	const own = ownPairs(index);
	const byOffset = new Map(offsets.map((offset, i) => [offset, words[i]!]));
	return [...byOffset.keys()]
		.sort((a, b) => a - b)
		.flatMap((offset) => {
			const next = byOffset.get(offset + 1);
			if (next === undefined) return [];
			const key = pairKey(byOffset.get(offset)!, next);
			const [first, second] = key.split(' ');
			return stems.has(first!) && stems.has(second!) && !frequent.has(key) ? [{ key, offset, ...pairFile(key, index, own) }] : [];
		})
		.sort((a, b) => a.bytes - b.bytes || a.offset - b.offset);
}
