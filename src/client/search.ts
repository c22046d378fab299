/**
 * Search, the parts that are pure data: the state a search URL carries
 * (`?q=…&year=…&speaker=…&show=…&sort=…`), Pagefind's ranking and options,
 * the phrase-first order and the words a landing page marks (where under a
 * result the words were said is `search-places.ts`).
 * No DOM and no Pagefind here, so all of it is unit-tested in Node.
 */
import { median } from '../shared/stats.ts';
import { META_WEIGHTS } from './search-topics.ts';

/** The filters readers can narrow results by; each is a Pagefind filter of the same name. */
export const FILTER_KEYS = ['year', 'speaker', 'show', 'topic'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Result order: Pagefind's relevance, or by publication date. */
export const SORTS = ['relevance', 'newest', 'oldest'] as const;
export type SortOrder = (typeof SORTS)[number];

/** What a search URL says: the query, one value per filter at most, the order. */
export interface SearchState {
	q: string;
	filters: Partial<Record<FilterKey, string>>;
	sort: SortOrder;
}

/** The query parameter Pagefind adds to result URLs and the highlight script reads on the episode page. */
export const HIGHLIGHT_PARAM = 'highlight';

/**
 * Ranking for an archive where most pages are hour-long transcripts and a few
 * are short episode pages without one. Pagefind's defaults (pageLength 0.75,
 * termSaturation 1.4) let a short page that mentions a word once outrank the
 * transcript where it is discussed at length; here page length counts for
 * little and term frequency saturates late, so the episode that talks about
 * a thing comes first. Titles and chapter headings carry
 * `data-pagefind-weight`, so the episode named after a word still beats
 * transcripts that say it more often. Tried on the seed (20 episodes) over a
 * grid of values: the episode saying a rare word most is first for 168 of 187
 * such words (defaults: 163), a word of one title finds that episode first
 * for 27 of 27. Checked by the ranking tests in tests/e2e/search.spec.ts.
 */
export const RANKING = {
	pageLength: 0.1,
	termFrequency: 1.0,
	termSaturation: 2.0,
	termSimilarity: 1.0,
	metaWeights: META_WEIGHTS,
} as const;

/**
 * Results whose data (excerpt, sub-results) the first answer to a query
 * fetches, at least. Pagefind fetches a page's whole fragment for every
 * result it shows, and a transcript's fragment is 20–50 KB, the largest part
 * of a first search; the first screen of the search page shows one or two
 * results, and every hit has already been ordered by where its words stand
 * (`byWordPositions`, no download), so two are loaded unless more hold the
 * words alike (`firstPageSize`).
 */
export const FIRST_RESULTS = 2;

/**
 * The most results the first answer loads to tell pages apart that hold a
 * query's words alike (a quote of common words can stand at its distances in
 * several episodes): their text then tells which holds it best
 * (`byPlaceQuality`). Twelve transcripts' data is about 280 KB at 2,000
 * episodes, less than one common word's index chunk, which is what a quote
 * would ask for instead (`nextStep`, search-quotes.ts). The first page still
 * shows `RESULTS_PER_PAGE` of them, the best first.
 */
export const ALIKE_LOADED = 12;

/**
 * How many results the first answer loads: `FIRST_RESULTS`, or up to `limit`
 * when more of the first hits hold the words alike: `RESULTS_PER_PAGE` for
 * most queries (`open source` stands alike in dozens of pages, and loading a
 * dozen of them would double its cost), `ALIKE_LOADED` for a quote, which
 * loads them instead of asking for a dear common word (search-quotes.ts).
 */
export const firstPageSize = (alike: number, limit: number = RESULTS_PER_PAGE): number => Math.min(limit, Math.max(FIRST_RESULTS, alike));

/**
 * Results wait until the field has been still this long at least. Every
 * search loads index chunks (one per word it asks for, 35 KB and more) and
 * its first results' data (a whole transcript each, 20–50 KB), and while the
 * reader is still typing, the next key changes the query: a half-typed word
 * (`o`, `ou`) is several chunks, and each passing prefix's results are
 * downloaded for nobody. Short enough that results show well within 300 ms of
 * the last key once the index is loaded (tests/e2e/search.spec.ts measures it).
 */
export const QUIET_MS = 150;

/** The longest a reader waits for results after the last key, however slowly they type. */
export const QUIET_MAX_MS = 450;

/** A gap between keys longer than this is the reader stopping, not their typing pace. */
const TYPING_GAP_MAX_MS = 1000;

/**
 * How long the field must be still before a search runs, for a reader whose
 * recent gaps between keys were `gaps` (ms): twice their median gap, so a
 * reader who types a key every 150 ms is not searched at every key (at a
 * fixed 150 ms, a phrase typed at that pace downloaded 689 KB at the median
 * instead of 216), within `QUIET_MS`…`QUIET_MAX_MS`. Gaps of a second or more
 * are pauses, not pace, and are left out. A query of one character (`query`,
 * as typed) waits the longest: before a second key there is no pace to go
 * by, one letter is nearly always the start of a word, and Pagefind asked
 * for it loads the index chunks of every word that starts with that letter.
 */
export function quietTime(gaps: readonly number[], query: string): number {
	if (query.trim().length <= 1) return QUIET_MAX_MS;
	const pace = median(gaps.filter((gap) => gap < TYPING_GAP_MAX_MS)) ?? 0;
	return Math.min(QUIET_MAX_MS, Math.max(QUIET_MS, 2 * pace));
}

/** Results each "More results" loads. */
export const RESULTS_PER_PAGE = 4;

/** Words of context in an excerpt. */
export const EXCERPT_WORDS = 24;

const isSort = (value: string | null): value is SortOrder => value !== null && (SORTS as readonly string[]).includes(value);

/** Reads the search state from a URL's query string; unknown or empty parameters are ignored. */
export function readSearchState(search: string | URLSearchParams): SearchState {
	const params = typeof search === 'string' ? new URLSearchParams(search) : search;
	const filters: SearchState['filters'] = {};
	for (const key of FILTER_KEYS) {
		const value = params.get(key)?.trim();
		if (value) filters[key] = value;
	}
	const sort = params.get('sort');
	return { q: (params.get('q') ?? '').trim(), filters, sort: isSort(sort) ? sort : 'relevance' };
}

/** The query string (`?q=…`, or `''` for an empty search) that restores `state`; default order is left out. */
export function searchQueryString(state: SearchState): string {
	const params = new URLSearchParams();
	if (state.q) params.set('q', state.q);
	for (const key of FILTER_KEYS) {
		const value = state.filters[key];
		if (value) params.set(key, value);
	}
	if (state.sort !== 'relevance') params.set('sort', state.sort);
	const query = params.toString();
	return query ? `?${query}` : '';
}

/** Whether a state asks for anything: a query or a filter (Pagefind lists every page for filters alone). */
export const hasSearch = (state: SearchState): boolean => state.q !== '' || Object.keys(state.filters).length > 0;

/** The `filters` option of a Pagefind search for the state. */
export function pagefindFilters(state: SearchState): Record<string, string> {
	return Object.fromEntries(FILTER_KEYS.flatMap((key) => (state.filters[key] ? [[key, state.filters[key]]] : [])));
}

/** The `sort` option of a Pagefind search (the `date` sort key of the episode pages), if not by relevance. */
export function pagefindSort(sort: SortOrder): Record<string, 'asc' | 'desc'> | undefined {
	if (sort === 'newest') return { date: 'desc' };
	if (sort === 'oldest') return { date: 'asc' };
	return undefined;
}

/** An element with an id as Pagefind records it: its tag, id, and the word position where it starts. */
export interface AnchorLike {
	element: string;
	id: string;
	location: number;
	text?: string | undefined;
}

/**
 * Speaker turns have ids `t-mm-ss` or `t-h-mm-ss`, with `-n` for a later turn
 * that starts in the same second (or has no time of its own); chapters `ch-…`.
 */
const TURN_ID = /^t-(?:(\d+)-)?(\d{2})-(\d{2})(?:-\d+)?$/;

/** Whether an anchor id is a speaker turn's. */
export const isTurnId = (id: string): boolean => TURN_ID.test(id);

/** The time a turn id stands for, as the page shows it (`02:03`, `1:02:03`); undefined for other ids. */
export function turnTime(id: string): string | undefined {
	const match = TURN_ID.exec(id);
	if (!match) return undefined;
	return match[1] ? `${Number(match[1])}:${match[2]}:${match[3]}` : `${match[2]}:${match[3]}`;
}

/** A word of Pagefind's content as a term: lower case, without the punctuation around it. */
const term = (word: string | undefined) => (word ?? '').toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/** The query as terms, to tell which query word a matched word of the page stands for. */
export const queryTerms = (query: string): string[] => [...new Set(query.split(/\s+/).map(term).filter(Boolean))];

/**
 * What the landing page marks: the whole query as one phrase (so "swarm paper
 * and petal" is marked where it was said, not every "and" on the page), and
 * each word of four letters or more, for pages that hold the words apart.
 */
export function highlightTerms(query: string): string[] {
	const q = query.replaceAll('"', '').replace(/\s+/g, ' ').trim();
	const words = q.split(' ').filter((word) => word.replace(/[^\p{L}\p{N}]/gu, '').length >= 4);
	return [...new Set([q, ...words])].filter(Boolean);
}

/** A result URL with the highlight parameters for `query`, before any `#anchor`. */
export function withHighlight(url: string, query: string): string {
	const [path = '', hash] = url.split('#');
	const params = highlightTerms(query).map((term) => `${HIGHLIGHT_PARAM}=${encodeURIComponent(term)}`);
	const joined = params.length === 0 ? path : `${path}${path.includes('?') ? '&' : '?'}${params.join('&')}`;
	return hash === undefined ? joined : `${joined}#${hash}`;
}

/** The values the search page offers per filter, as the index records them. */
export interface SearchFacets {
	/** Publication years, newest first. */
	years: number[];
	/** Everyone who speaks in an episode, by name, alphabetically. */
	speakers: string[];
	shows: string[];
}

/** The filter values of a set of episodes (the same values `SearchIndexData` writes into the index). */
export function searchFacets(episodes: readonly { published: Date; show: string; speakers: readonly { name: string }[] }[]): SearchFacets {
	const years = new Set(episodes.map((episode) => episode.published.getUTCFullYear()));
	const speakers = new Set(episodes.flatMap((episode) => episode.speakers.map((speaker) => filterValue(speaker.name))));
	const shows = new Set(episodes.map((episode) => filterValue(episode.show)));
	const byName = (a: string, b: string) => a.localeCompare(b, 'en');
	return { years: [...years].sort((a, b) => b - a), speakers: [...speakers].sort(byName), shows: [...shows].sort(byName) };
}

/** A value as a Pagefind filter or meta attribute can hold it: Pagefind splits those attributes at commas. */
export const filterValue = (value: string): string => value.replaceAll(',', ' ').replace(/\s+/g, ' ').trim();

/**
 * The exact-phrase form of a query of several words (`"brain credit
 * marketplace"`), which Pagefind answers with only the pages that hold the
 * words in that order; undefined for one word or a query already quoted.
 */
export function phraseQuery(query: string): string | undefined {
	const q = query.trim();
	if (/^".*"$/.test(q) || queryTerms(q).length < 2) return undefined;
	return `"${q.replaceAll('"', '')}"`;
}

/**
 * Pages that hold the exact phrase first, then the other pages that hold all
 * the words, each group in the word search's order and as the word search's
 * hits. Pagefind ranks words, not phrases: without this a transcript that
 * says "playing" and "house" often outranks the one episode that says
 * "playing house". The word search's ranking (weights, our tuning) still
 * orders pages within each group, and its hits are kept because their data
 * has every match on the page (the phrase search's has only the first),
 * which is what finds the chapter and turn where the phrase was said.
 */
export function phraseFirst<T extends { id: string }>(phrase: readonly T[], words: readonly T[]): T[] {
	const inPhrase = new Set(phrase.map((hit) => hit.id));
	const known = new Set(words.map((hit) => hit.id));
	return [...words.filter((hit) => inPhrase.has(hit.id)), ...phrase.filter((hit) => !known.has(hit.id)), ...words.filter((hit) => !inPhrase.has(hit.id))];
}
