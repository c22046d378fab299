/**
 * Word layouts: which common word stands at each position of a page. A
 * quote's cheap words and pairs can stand at the quote's distances in many
 * pages (a passage said again and again, told apart only by the common words
 * around it), and a common word's index chunk, which would tell them apart,
 * weighs hundreds of KB at 2,000 episodes. The build writes, for every page,
 * the common words' stems position by position (`0` where another word
 * stands), cut into files of `LayoutsInfo.positions` positions (about 1.5 KB
 * each gzipped at 2,000 episodes; `scripts/lib/word-layouts.ts`). A quote
 * whose alike pages are cheaper to check this way than to ask for another
 * word loads, for each of them, only the files around where the quote would
 * stand, and keeps first the pages whose common words stand as in the quote
 * (`byLayouts`). The positions are Pagefind's, as the word pairs' are.
 */
import { stem } from 'porter2';
import { pagefindTerm } from './search-chunks.ts';
import { wordTokens } from './search-places.ts';
import type { OrderedHits } from './search-quotes.ts';

/** Where the build writes the layouts, below the site's base path: `<page hash>-<n>.bin`. */
export const WORD_LAYOUTS_DIR = 'search/layouts/';

/** What the pairs' index says of the layouts (`WordPairsIndex.layouts`): how many positions a file holds, and what one costs. */
export interface LayoutsInfo {
	positions: number;
	/** The median size of a file (gzipped by the build, served as it is). */
	bytes: number;
}

/** The file holding a page's positions from `n × positions` on. */
export const layoutFile = (page: string, n: number): string => `${page}-${n}.bin`;

/** A page's loaded layout files by number; `undefined` for one that could not load (it then says nothing). */
export type PageLayout = ReadonlyMap<number, Uint8Array | undefined>;

/**
 * What a quote's layout must hold, by the word's place in the quote: the
 * number of its stem among the common `stems` (from 1), or 0 for any other
 * word. Only words that are one token are weighed: Pagefind may index parts
 * of a compound (`state-of-the-art`) at the word's own position.
 */
export function expectedLayout(words: readonly string[], offsets: readonly number[], stems: readonly string[]): Map<number, number> {
	const ids = new Map(stems.map((s, i) => [s, i + 1]));
	const expected = new Map<number, number>();
	words.forEach((word, i) => {
		if (wordTokens(word).length !== 1) return;
		const term = pagefindTerm(word);
		if (term) expected.set(offsets[i]!, ids.get(stem(term)) ?? 0);
	});
	return expected;
}

/** The files a page's layout needs to check the quote at each start (where its place 0 would stand), `span` places long. */
export function layoutFilesFor(starts: readonly number[], span: number, positions: number): number[] {
	const files = new Set<number>();
	for (const start of starts) for (let n = Math.floor(Math.max(0, start) / positions); n <= Math.floor((start + span) / positions); n++) files.add(n);
	return [...files].sort((a, b) => a - b);
}

/**
 * Whether the quote's common words stand as in the quote around `start` on a
 * page: true or false, or undefined when a file it needs did not load. A
 * position past a file's end holds no common word (the build trims files).
 */
export function holdsLayout(layout: PageLayout, start: number, expected: ReadonlyMap<number, number>, positions: number): boolean | undefined {
	let known = true;
	for (const [offset, id] of expected) {
		const at = start + offset;
		if (at < 0) return false;
		const file = layout.get(Math.floor(at / positions));
		if (!file) {
			known = false;
			continue;
		}
		if ((file[at % positions] ?? 0) !== id) return false;
	}
	return known ? true : undefined;
}

/**
 * The alike hits (the first `ordered.alike`) reordered by their layouts:
 * those where the quote's common words stand as in the quote at one of the
 * page's `starts` (or whose files did not load) first, in the order given,
 * and `alike` counts them. When none does, the order is kept: the layouts
 * then disagree with the positions (a word Pagefind splits otherwise), and
 * they must never hide the page the words pick out.
 */
export function byLayouts<T extends { id: string }>(
	ordered: OrderedHits<T>,
	starts: ReadonlyMap<string, readonly number[]>,
	expected: ReadonlyMap<number, number>,
	layouts: ReadonlyMap<string, PageLayout>,
	positions: number,
): OrderedHits<T> {
	const alike = ordered.hits.slice(0, ordered.alike);
	const holds = (hit: T) => (starts.get(hit.id) ?? []).some((start) => holdsLayout(layouts.get(hit.id) ?? new Map(), start, expected, positions) !== false);
	const kept = alike.filter(holds);
	if (kept.length === 0) return ordered;
	return { hits: [...kept, ...alike.filter((hit) => !kept.includes(hit)), ...ordered.hits.slice(ordered.alike)], alike: kept.length };
}
