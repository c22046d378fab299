/**
 * Search, the parts that are pure data: the state a search URL carries
 * (`?q=…&year=…&speaker=…&show=…&sort=…`), Pagefind's ranking and options,
 * and the deep link of a sub-result to the speaker turn where the words are.
 * No DOM and no Pagefind here, so all of it is unit-tested in Node.
 */

/** The filters readers can narrow results by; each is a Pagefind filter of the same name. */
export const FILTER_KEYS = ['year', 'speaker', 'show'] as const;
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
 * are short episode pages without one. Pagefind's defaults (pageLength 0.75)
 * bury a long transcript under any short page that mentions a word once, so
 * page length counts for little here; term frequency still counts, but
 * saturates early, so a transcript that repeats a common word sixty times does
 * not outrank the episode whose title or chapter is about it (titles and
 * chapter headings carry `data-pagefind-weight`). Checked by the ranking tests
 * in tests/e2e/search.spec.ts.
 */
export const RANKING = {
	pageLength: 0.1,
	termFrequency: 1.0,
	termSaturation: 0.8,
	termSimilarity: 1.0,
} as const;

/**
 * Results whose data (excerpt, sub-results) is fetched at once. Pagefind
 * fetches a page's whole fragment for every result it shows, and transcript
 * fragments are tens of KB, so the first query loads few and "More results"
 * loads the rest in pages of the same size.
 */
export const RESULTS_PER_PAGE = 4;

/** Sub-results (chapters or turns) shown under one episode. */
export const SUB_RESULTS_SHOWN = 3;

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

/** A Pagefind sub-result, as far as deep links need it. */
export interface SubResultLike {
	title: string;
	url: string;
	locations: number[];
	anchor?: AnchorLike | undefined;
}

/** A sub-result as the search shows it. */
export interface DeepLink {
	/** The chapter or heading the words are under. */
	title: string;
	/** The page URL with the highlight parameters and the anchor of the turn (else the heading) where the words are. */
	url: string;
	/** Id of the turn the first match is in, if the section has turns. */
	turn?: string | undefined;
	/** When the turn starts (`12:34`), from its id. */
	time?: string | undefined;
}

/** Speaker turns have ids `t-mm-ss` or `t-h-mm-ss`; chapters `ch-…`. */
const TURN_ID = /^t-(?:(\d+)-)?(\d{2})-(\d{2})$/;

/** The time a turn id stands for, as the page shows it (`02:03`, `1:02:03`); undefined for other ids. */
export function turnTime(id: string): string | undefined {
	const match = TURN_ID.exec(id);
	if (!match) return undefined;
	return match[1] ? `${Number(match[1])}:${match[2]}:${match[3]}` : `${match[2]}:${match[3]}`;
}

/**
 * The place a sub-result should land: Pagefind makes sub-results from
 * headings only (a chapter, or a heading of the dump), but its anchors list
 * every element with an id, turns included. The turn that starts last at or
 * before the first matching word, inside the sub-result's section, is where
 * the words were said; without one the heading itself is the target.
 */
export function deepLink(sub: SubResultLike, anchors: readonly AnchorLike[]): DeepLink {
	const first = Math.min(...sub.locations);
	const from = sub.anchor?.location ?? 0;
	let turn: AnchorLike | undefined;
	for (const anchor of anchors) {
		if (!TURN_ID.test(anchor.id) || anchor.location < from || anchor.location > first) continue;
		if (!turn || anchor.location >= turn.location) turn = anchor;
	}
	if (!turn) return { title: sub.title, url: sub.url };
	const url = sub.url.includes('#') ? sub.url.replace(/#.*$/, `#${turn.id}`) : `${sub.url}#${turn.id}`;
	return { title: sub.title, url, turn: turn.id, time: turnTime(turn.id) };
}

/**
 * The sub-results worth showing under one result: those under a heading (the
 * part before the first heading is the page itself, which the result links
 * to), the `limit` with most matches, in page order.
 */
export function pickSubResults<T extends SubResultLike>(subs: readonly T[], limit = SUB_RESULTS_SHOWN): T[] {
	const anchored = subs.filter((sub) => sub.anchor && sub.locations.length > 0);
	const best = [...anchored].sort((a, b) => b.locations.length - a.locations.length).slice(0, limit);
	return anchored.filter((sub) => best.includes(sub));
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
