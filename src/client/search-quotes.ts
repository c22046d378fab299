/**
 * Quotes stay cheap: a remembered quote is mostly common words (`to`, `and`,
 * `it`), and Pagefind downloads the whole index chunk of every word it is
 * asked for, so a quote touched many chunks and each grows with the archive.
 * The build lists the archive's most frequent words (`commonWords`) and what
 * each index chunk weighs (`search-chunks.ts`); a quote asks Pagefind for the
 * words that cost least (`quotePlan`), and, when those are common words, the
 * build's shards of word pairs for where its pairs of common words stand
 * (`search-pairs.ts`). The pages where the words and pairs stand at the same
 * distances as in the quote come first (`byWordPositions`, which orders any
 * query's hits by where its words stand). The places under each result then
 * find the exact phrase in the page's own words (`rankPlaces`), so landing
 * does not depend on it.
 */
import { ALIKE_LOADED, FIRST_RESULTS, firstPageSize, RESULTS_PER_PAGE } from './search.ts';
import { chunksFor, newChunkBytes, pagefindTerm, type IndexChunks } from './search-chunks.ts';
import { quotePairs, type QuotePair, type WordPairsIndex } from './search-pairs.ts';
import { WINDOW_SLACK, wordTokens } from './search-places.ts';
import { median } from '../shared/stats.ts';

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

/** What to ask for a quote: its words, cheapest (else rarest) first, where each stands in the quote (in words), its pairs of common words. */
export interface QuotePlan {
	/** The words in the order they are asked for (`firstStep`, `nextStep`). */
	words: string[];
	offsets: number[];
	/** How many of `words` are outside the common list. */
	rare: number;
	/**
	 * With the build's chunk list: the bytes each word adds to those before it, the chunks each word loads
	 * with their sizes (by chunk), and what one more result's data costs.
	 */
	cost?: { bytes: number[]; chunks: number[][]; chunkBytes: Record<number, number>; pageBytes: number } | undefined;
	/** With the build's word pairs: the quote's pairs of common words side by side (`quotePairs`), and what asking for one costs. */
	pairs: QuotePair[];
	pairBytes: number;
	/** With the build's word layouts (`search-layouts.ts`): what one layout file costs. */
	layoutBytes?: number | undefined;
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
 * The words of a quote in the order worth asking for them. With the build's
 * chunk list (`index`): the word whose index chunks add the fewest bytes to
 * those already asked for, one after another (a word whose chunks are loaded
 * costs nothing), ties as without it. Without it: from the build's list of
 * the archive's most frequent words (`frequent`, most frequent first; the
 * first `COMMON_WORD_COUNT` are common), those not in the list first (longest
 * first, as longer words are rarer, then in quote order), then the listed
 * ones, least frequent first. (Frequency alone misjudges the cost: Pagefind's
 * chunks hold alphabetical neighbours, so a rare word can share a large chunk
 * with a frequent one, and a word between two chunks' ranges loads several;
 * at 2,000 episodes the first two words cost 521 KB at the 95th percentile
 * ranked by frequency, 207 KB ranked by their chunks: docs/search-quality.md.)
 * The search asks for `QUOTE_WORDS` of them and for one more while the pages
 * where they stand at the quote's distances are too many to tell apart and
 * the next word may be asked (`mayAskMore`, `search-client.ts`). Undefined for
 * a query that is no quote (`QUOTE_MIN_WORDS`) or a quoted one (Pagefind's
 * exact search).
 */
export function quotePlan(query: string, frequent: readonly string[], index?: IndexChunks, pairs?: WordPairsIndex): QuotePlan | undefined {
	const q = query.trim();
	if (/^".*"$/.test(q)) return undefined;
	const words = q.split(/\s+/).filter((word) => wordTokens(word).length > 0);
	const ranked = rankWords(words, frequent);
	const quote = words.length >= QUOTE_MIN_WORDS || (words.length === QUOTE_MIN_WORDS - 1 && ranked.some(isCommon));
	if (!quote) return undefined;
	const bare = (entry: RankedWord) => bareWord(words[entry.index]!);
	const order = ranked.sort(rarestFirst);
	const costly = index ? cheapestFirst(order, bare, index) : undefined;
	const chosen = costly?.order ?? order;
	const offsets = chosen.map((entry) => entry.index);
	const plan: QuotePlan = {
		words: chosen.map(bare),
		offsets,
		rare: chosen.filter((entry) => !isCommon(entry)).length,
		cost: costly && { ...costly.cost, pageBytes: index!.pageBytes },
		pairs: [],
		pairBytes: 0,
	};
	return pairs ? withPairs(plan, pairs) : plan;
}

/** A plan with the quote's pairs of common words (`quotePairs`) from the build's pairs' index, what asking for one costs, and what a layout file costs. */
export const withPairs = (plan: QuotePlan, pairs: WordPairsIndex): QuotePlan => ({
	...plan,
	pairs: quotePairs(plan.words, plan.offsets, pairs),
	pairBytes: pairs.shardBytes,
	layoutBytes: pairs.layouts?.bytes,
});

/**
 * `words` (already in `rarestFirst` order) reordered so each adds the fewest
 * new chunk bytes to those before it: with what each adds, the chunks each
 * loads, and their sizes.
 */
function cheapestFirst(words: readonly RankedWord[], bare: (word: RankedWord) => string, index: IndexChunks): { order: RankedWord[]; cost: { bytes: number[]; chunks: number[][]; chunkBytes: Record<number, number> } } {
	const left = [...words];
	const loaded = new Set<number>();
	const order: RankedWord[] = [];
	const bytes: number[] = [];
	while (left.length > 0) {
		// What each word left would add now; the first of the cheapest keeps `rarestFirst` among equals.
		const adds = left.map((word) => newChunkBytes(bare(word), index, new Set(loaded)));
		const best = adds.indexOf(Math.min(...adds));
		bytes.push(newChunkBytes(bare(left[best]!), index, loaded));
		order.push(...left.splice(best, 1));
	}
	const chunks = order.map((word) => chunksFor(pagefindTerm(bare(word)), index.chunks));
	const chunkBytes = Object.fromEntries(chunks.flat().map((chunk) => [chunk, index.chunks[chunk]![2]]));
	return { order, cost: { bytes, chunks, chunkBytes } };
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
 * Without the build's chunk list (what words cost is unknown): whether a
 * quote may ask for its next word (`plan.words[asked]`) when the words asked
 * so far leave `alike` pages alike (more than `FIRST_RESULTS`). A word outside
 * the common list always; a common one only while more pages are alike than
 * the first answer loads (`RESULTS_PER_PAGE`), since a common word's chunk
 * lists every place it is said (hundreds of KB each at 2,000 episodes, where
 * a quote of common words asking one after another came to 1.3 MB).
 */
export function mayAskMore(plan: QuotePlan, asked: number, alike: number): boolean {
	if (asked >= plan.words.length || alike <= FIRST_RESULTS) return false;
	return asked < plan.rare || alike > RESULTS_PER_PAGE;
}

/** What a quote has asked for so far: indices into its `words` and its `pairs`, and whether its alike pages' layouts (`search-layouts.ts`). */
export interface QuoteStep {
	words: number[];
	pairs: number[];
	layouts?: boolean;
}

/** The positions in the quote (word offsets) that what it asked already places: each word's, both of each pair's. */
function placed(plan: QuotePlan, step: QuoteStep): Set<number> {
	return new Set([...step.words.map((i) => plan.offsets[i]!), ...step.pairs.flatMap((i) => [plan.pairs[i]!.offset, plan.pairs[i]!.offset + 1])]);
}

/**
 * The next thing a quote could ask for and what it costs: the first word or
 * pair not asked that places a word of the quote not yet placed (a word whose
 * position a pair already gives adds nothing: in “One thing is doing RAG
 * about?”, once the pairs `one thing`, `thing is` and `is do` are asked, the
 * words `One`, `thing`, `is` and `doing` are not), whichever costs less (a
 * word: the index chunks it adds to those loaded; a pair: its file);
 * undefined when nothing is left. Without the build's chunk list, the next
 * word in order, its cost unknown (`bytes` undefined).
 */
function nextTerm(plan: QuotePlan, step: QuoteStep): { step: QuoteStep; bytes: number | undefined } | undefined {
	const known = placed(plan, step);
	const wordAt = plan.words.findIndex((_, i) => !step.words.includes(i) && !known.has(plan.offsets[i]!));
	const pairAt = plan.pairs.findIndex((pair, i) => !step.pairs.includes(i) && !(known.has(pair.offset) && known.has(pair.offset + 1)));
	const cost = plan.cost;
	const loaded = new Set(cost ? step.words.flatMap((i) => cost.chunks[i]!) : []);
	const word = wordAt === -1 ? undefined : { step: { ...step, words: [...step.words, wordAt] }, bytes: cost && cost.chunks[wordAt]!.filter((chunk) => !loaded.has(chunk)).reduce((sum, chunk) => sum + cost.chunkBytes[chunk]!, 0) };
	const pair = pairAt === -1 ? undefined : { step: { ...step, pairs: [...step.pairs, pairAt] }, bytes: plan.pairs[pairAt]!.bytes };
	if (!word || !pair) return word ?? pair;
	return word.bytes === undefined || word.bytes <= pair.bytes ? word : pair;
}

/**
 * What a quote asks for first: its cheapest word, for the pages Pagefind
 * returns (a pair alone names no result), and the next cheapest word or pair
 * (`nextTerm`). Without the build's chunk list, `QUOTE_WORDS` words.
 */
export function firstStep(plan: QuotePlan): QuoteStep {
	const words = plan.words.map((_, i) => i);
	if (!plan.cost) return { words: words.slice(0, QUOTE_WORDS), pairs: [] };
	const first = { words: words.slice(0, 1), pairs: [] };
	return nextTerm(plan, first)?.step ?? first;
}

/**
 * What a quote asks for next when the pages where what it asked stands at
 * the quote's distances are `alike`, or nothing: the cheaper of the next
 * word or pair (`nextTerm`) and, once, the layouts of the alike pages
 * (`layoutFiles` files, each `plan.layoutBytes`: which common words stand
 * around each page's match, `search-layouts.ts`), while more pages are alike
 * than the first answer can load (`ALIKE_LOADED`), or while it costs less
 * than the data of the alike pages past `FIRST_RESULTS`, which the first
 * answer loads instead to find the phrase in their text (`firstPageSize`).
 * Without the build's chunk list, a word as `mayAskMore` says.
 */
export function nextStep(plan: QuotePlan, step: QuoteStep, alike: number, layoutFiles?: number): QuoteStep | undefined {
	if (alike <= FIRST_RESULTS) return undefined;
	const term = nextTerm(plan, step);
	if (term?.bytes === undefined && term) return mayAskMore(plan, step.words.length, alike) ? term.step : undefined;
	const layouts = !step.layouts && plan.cost && plan.layoutBytes !== undefined && layoutFiles !== undefined ? { step: { ...step, layouts: true }, bytes: layoutFiles * plan.layoutBytes } : undefined;
	const next = term && layouts ? (layouts.bytes < term.bytes! ? layouts : term) : (term ?? layouts);
	if (!next) return undefined;
	return alike > ALIKE_LOADED || next.bytes! < (firstPageSize(alike, ALIKE_LOADED) - FIRST_RESULTS) * (plan.cost?.pageBytes ?? 0) ? next.step : undefined;
}

/**
 * A word is loaded while the reader types only if its index chunks cost at
 * most this many of the archive's median chunk: loading ahead saves time,
 * never bytes, and a word that costs more (`intelligence`, 512 KB at 2,000
 * episodes, as its chunk holds `in`) is wasted when a cheaper word follows,
 * which a quote then asks for instead.
 */
export const PRELOAD_CHUNKS = 2;

/**
 * The word worth loading while the reader is still typing: of the words
 * already typed out that are not in the common list, the one whose index
 * chunks cost least (with the build's chunk list, `index`, and only if they
 * cost at most `PRELOAD_CHUNKS` median chunks), else the rarest; or none.
 * The last word may be half typed (`o`, `ou`, `our`), and Pagefind loads
 * every index chunk that holds a word starting with what it is asked, so a
 * prefix of one or two letters is several chunks nobody needs; a common word
 * may turn out to be part of a quote, which asks for it only if it must.
 * Loading this one word's chunks ahead is never wasted unless a cheaper word
 * follows, and the query the reader settles on asks for it (the cheapest
 * words of a quote, or every word of a shorter query), so its results come
 * sooner.
 */
export function typingWord(query: string, frequent: readonly string[], index?: IndexChunks): string | undefined {
	const words = query.trim().split(/\s+/).slice(0, -1).map(bareWord);
	const kept = words.filter((word) => wordTokens(word).length > 0);
	const candidates = rankWords(kept, frequent)
		.filter((word) => !isCommon(word))
		.sort(rarestFirst);
	if (!index) return candidates[0] && kept[candidates[0].index];
	const best = cheapestFirst(candidates, (word) => kept[word.index]!, index);
	const limit = PRELOAD_CHUNKS * (median(index.chunks.map(([, , bytes]) => bytes)) ?? 0);
	return best.order[0] && best.cost.bytes[0]! <= limit ? kept[best.order[0].index] : undefined;
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
		if (phraseStarts(lists, offsets).length > 0) return 0;
		if (holdsWithin(lists, span + WINDOW_SLACK)) return 1;
		return holdsWithin(lists, Math.max(span + WINDOW_SLACK, PASSAGE_WORDS)) ? 2 : 3;
	};
	const ordered = hits.map((hit, index) => ({ hit, index, level: level(hit) })).sort((a, b) => a.level - b.level || a.index - b.index);
	return { hits: ordered.map(({ hit }) => hit), alike: ordered.filter((entry) => entry.level === ordered[0]?.level).length };
}

/**
 * Where the quote's place 0 would stand on a page for every word to stand at
 * its offset (`lists[j]` holds the positions of the word at `offsets[j]`):
 * the phrase's starts, ascending.
 */
export function phraseStarts(lists: readonly (readonly number[])[], offsets: readonly number[]): number[] {
	const sets = lists.map((list) => new Set(list));
	const starts = (lists[0] ?? []).filter((at) => sets.every((set, j) => set.has(at + offsets[j]! - offsets[0]!))).map((at) => at - offsets[0]!);
	return [...new Set(starts)].sort((a, b) => a - b);
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
