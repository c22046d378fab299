/**
 * Quotes stay cheap: a remembered quote is mostly common words (`to`, `and`,
 * `it`), and Pagefind downloads the whole index chunk of every word it is
 * asked for, so a quote touched many chunks and each grows with the archive.
 * The build lists the archive's most frequent words (`commonWords`); a quote
 * asks Pagefind for its rarest words (`quotePlan`), and the pages where those
 * stand at the same distances as in the quote come first (`byWordPositions`,
 * which orders any query's hits by where its words stand): the gaps between
 * them are where the common words stand. The places under each result then
 * find the exact phrase in the page's own words (`rankPlaces`), so landing
 * does not depend on it.
 */
import { FIRST_RESULTS, RESULTS_PER_PAGE } from './search.ts';
import { WINDOW_SLACK, wordTokens } from './search-places.ts';

/** How many of the archive's most frequent words the build lists: the common words, which a quote asks for only when it must. */
export const COMMON_WORD_COUNT = 150;

/** Where the build writes the list, below the site's base path. */
export const COMMON_WORDS_PATH = 'search/common-words.json';

/** The `count` most frequent tokens of the texts, most frequent first (ties alphabetically, so the file is deterministic). */
export function commonWords(texts: Iterable<string>, count = COMMON_WORD_COUNT): string[] {
	const frequency = new Map<string, number>();
	for (const text of texts) for (const token of text.split(/\s+/).flatMap(wordTokens)) frequency.set(token, (frequency.get(token) ?? 0) + 1);
	return [...frequency.entries()]
		.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
		.slice(0, count)
		.map(([word]) => word);
}

/** A word without the signs around it, as Pagefind finds it: it finds `350` but nothing for `$350` as typed. */
export const bareWord = (word: string): string => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/** What to ask Pagefind for a quote: its words, rarest first, and where each stands in the quote (in words). */
export interface QuotePlan {
	/** The words in the order they are asked for: `QUOTE_WORDS` first, then one more at a time. */
	words: string[];
	offsets: number[];
	/** How many of the first `words` are outside the common list (the rest are common, least frequent first). */
	rare: number;
}

/** Words a quote asks for first: two words at a known distance already pick out most phrases. */
export const QUOTE_WORDS = 2;

/**
 * Queries of this many words or more are quotes, and so are three words of
 * which one is common (`our inference stack`, as a quote is typed); shorter
 * ones, and three rare words, ask for every word (rare words are cheap, and
 * three of them are as often a topic, words said apart, as a phrase).
 */
export const QUOTE_MIN_WORDS = 4;

/**
 * The words of a quote in the order worth asking for them, from the build's
 * list of the archive's most frequent words (`frequent`, most frequent first;
 * the first `COMMON_WORD_COUNT` are common): those not in the list first
 * (longest first, as longer words are rarer, then in quote order), then the
 * listed ones, least frequent first. (A list of the 1,000 most frequent,
 * to pick rarer words than length does, was tried at 2,000 episodes: the
 * median first search grew from 398 to 409 KB, because Pagefind's chunks
 * hold alphabetical neighbours, so a word's own frequency says little about
 * its chunk's size; docs/search-quality.md.) The search asks for
 * `QUOTE_WORDS` of them and for one more while the pages where they stand
 * at the quote's distances are too many to tell apart and the next word may
 * be asked (`mayAskMore`, `search-client.ts`), so a quote of rare words reads
 * two index chunks and one of common words a few more. Undefined for a query that is no quote (`QUOTE_MIN_WORDS`) or a
 * quoted one (Pagefind's exact search).
 */
export function quotePlan(query: string, frequent: readonly string[]): QuotePlan | undefined {
	const q = query.trim();
	if (/^".*"$/.test(q)) return undefined;
	const words = q.split(/\s+/).filter((word) => wordTokens(word).length > 0);
	const ranked = rankWords(words, frequent);
	const quote = words.length >= QUOTE_MIN_WORDS || (words.length === QUOTE_MIN_WORDS - 1 && ranked.some(isCommon));
	if (!quote) return undefined;
	const order = ranked.sort(rarestFirst);
	return { words: order.map((entry) => bareWord(words[entry.index]!)), offsets: order.map((entry) => entry.index), rare: order.filter((entry) => !isCommon(entry)).length };
}

/** Each word with where it stands and its rank in the list of frequent words: that of its most frequent token, `Infinity` outside the list. */
function rankWords(words: readonly string[], frequent: readonly string[]): RankedWord[] {
	const rank = new Map(frequent.map((word, index) => [word, index]));
	return words.map((word, index) => ({ index, rank: Math.min(...wordTokens(word).map((token) => rank.get(token) ?? Infinity)), length: bareWord(word).length }));
}

/** Whether a word is one of the `COMMON_WORD_COUNT` most frequent. */
const isCommon = (word: RankedWord): boolean => word.rank < COMMON_WORD_COUNT;

/** A word of a query as `quotePlan` weighs it: where it stands, its rank among the frequent words (`Infinity` outside the list), its length. */
interface RankedWord {
	index: number;
	rank: number;
	length: number;
}

/** Words outside the list first, longest first (longer words are rarer), then listed ones, least frequent first; ties in query order. */
const rarestFirst = (a: RankedWord, b: RankedWord): number => b.rank - a.rank || (a.rank === Infinity ? b.length - a.length : 0) || a.index - b.index;

/**
 * Whether a quote may ask for its next word (`plan.words[asked]`) when the
 * words asked so far leave `alike` pages alike (more than `FIRST_RESULTS`):
 * a word outside the common list always; a common word only while more pages
 * are alike than the first answer can load (`RESULTS_PER_PAGE`: “we wanted
 * to solve with” leaves five pages with “wanted to solve”). A common word's
 * index chunk lists every place it is said, so it grows with the archive
 * (hundreds of KB each at 2,000 episodes, where a quote of common words
 * asking one after another came to 1.3 MB); when the words asked leave a few
 * pages alike, loading those pages' data (`firstPageSize`, a few tens of KB
 * each) and finding the phrase in their text is cheaper. The first
 * `QUOTE_WORDS` words are asked whatever they are.
 */
export function mayAskMore(plan: QuotePlan, asked: number, alike: number): boolean {
	if (asked >= plan.words.length || alike <= FIRST_RESULTS) return false;
	return asked < plan.rare || alike > RESULTS_PER_PAGE;
}

/**
 * The word worth loading while the reader is still typing: the rarest word
 * already typed out that is not in the common list, or none. The last word
 * may be half typed (`o`, `ou`, `our`), and Pagefind loads every index chunk
 * that holds a word starting with what it is asked, so a prefix of one or
 * two letters is several chunks nobody needs; a common word may turn out to
 * be part of a quote, which never asks for it. Loading this one word's chunk
 * ahead is never wasted unless a rarer word follows, and the query the reader
 * settles on asks for it (the rarest word of a quote, or one of the few
 * words of a shorter query), so its results come sooner.
 */
export function typingWord(query: string, frequent: readonly string[]): string | undefined {
	const words = query.trim().split(/\s+/).slice(0, -1).map(bareWord);
	const kept = words.filter((word) => wordTokens(word).length > 0);
	const best = rankWords(kept, frequent)
		.filter((word) => !isCommon(word))
		.sort(rarestFirst)[0];
	return best && kept[best.index];
}

/** Hits in order, and how many of the first hold the words as well as the first does (`byWordPositions`). */
export interface OrderedHits<T> {
	hits: T[];
	/** The first hits that positions alone cannot tell apart: the phrase in each, or every word close together in each, or neither. */
	alike: number;
}

/**
 * Words apart that still count as one passage: about one answer of a guest
 * (in the 41-episode archive a turn has 38 words at the median, 77 on
 * average, and turns of 30 words or more 70 at the median), so rare words
 * said in one answer beat the same words said in different parts of an
 * hour-long transcript.
 */
export const PASSAGE_WORDS = 70;

/**
 * Hits ordered by how the query's words stand on each page, from word
 * positions alone (no result data, so every hit is weighed, not only those
 * whose data is loaded): first the pages where the words stand at the
 * query's distances (a position `p` of the first word with each other word
 * at `p + its offset − the first's`: the phrase), then those holding every
 * word within a window of the query's own span plus `WINDOW_SLACK` words,
 * then those holding them within `PASSAGE_WORDS`, then the rest, each group
 * in the order given. `positions` holds, per word, the positions of that word
 * on each page (by hit id), from a search for that word alone: the search
 * for all of them gives positions without saying which word stands where.
 */
export function byWordPositions<T extends { id: string }>(hits: readonly T[], offsets: readonly number[], positions: readonly ReadonlyMap<string, readonly number[]>[]): OrderedHits<T> {
	const span = Math.max(...offsets) - Math.min(...offsets);
	const level = (hit: T) => {
		const lists = positions.map((byPage) => byPage.get(hit.id) ?? []);
		if (lists.some((list) => list.length === 0)) return 3;
		const sets = lists.map((list) => new Set(list));
		if (lists[0]!.some((start) => sets.every((set, j) => set.has(start + offsets[j]! - offsets[0]!)))) return 0;
		if (holdsWithin(lists, span + WINDOW_SLACK)) return 1;
		return holdsWithin(lists, Math.max(span + WINDOW_SLACK, PASSAGE_WORDS)) ? 2 : 3;
	};
	const ordered = hits.map((hit, index) => ({ hit, index, level: level(hit) })).sort((a, b) => a.level - b.level || a.index - b.index);
	return { hits: ordered.map(({ hit }) => hit), alike: ordered.filter((entry) => entry.level === ordered[0]?.level).length };
}

/** Whether one position of every list lies within `span` words of the others (a sliding window over all of them). */
export function holdsWithin(lists: readonly (readonly number[])[], span: number): boolean {
	const all = lists.flatMap((list, word) => list.map((at) => ({ at, word }))).sort((a, b) => a.at - b.at);
	const inWindow = new Map<number, number>();
	let from = 0;
	for (const entry of all) {
		inWindow.set(entry.word, (inWindow.get(entry.word) ?? 0) + 1);
		while (entry.at - all[from]!.at > span) {
			const word = all[from]!.word;
			const left = inWindow.get(word)! - 1;
			if (left === 0) inWindow.delete(word);
			else inWindow.set(word, left);
			from++;
		}
		if (inWindow.size === lists.length) return true;
	}
	return false;
}
