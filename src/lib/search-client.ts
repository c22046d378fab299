/**
 * Pagefind in the browser: loaded on first use (never with the page), set up
 * for the base path and the archive's ranking, and its results turned into
 * what the search shows (phrase first, sub-results that land on the turn,
 * URLs that carry the words to mark). Part of the lazily loaded search
 * module (search-app.ts), never of a page's own script.
 */
import {
	contentWords,
	deepLink,
	EXCERPT_WORDS,
	pagefindFilters,
	pagefindSort,
	phraseFirst,
	phraseQuery,
	pickSubResults,
	RANKING,
	type AnchorLike,
	type DeepLink,
	type SearchState,
	type SubResultLike,
	withHighlight,
} from './search.ts';

/** The part of a Pagefind result's data that the search shows. */
interface PagefindData {
	url: string;
	content: string;
	/** The content the word locations count in (Pagefind's excerpts are cut from it). */
	raw_content?: string;
	excerpt: string;
	meta: Record<string, string | undefined>;
	sub_results: (SubResultLike & { excerpt: string })[];
	anchors: AnchorLike[];
}

/** One result before its data is loaded. */
export interface PagefindHit {
	id: string;
	score: number;
	data(): Promise<PagefindData>;
}

interface PagefindSearch {
	results: PagefindHit[];
	unfilteredResultCount: number;
	filters: Record<string, Record<string, number>>;
}

/** The module `pagefind/pagefind.js`, as far as the archive uses it. */
interface PagefindModule {
	options(options: Record<string, unknown>): Promise<void>;
	init(): Promise<void>;
	search(term: string | null, options?: { filters?: Record<string, string>; sort?: Record<string, string> }): Promise<PagefindSearch | null>;
	preload(term: string): Promise<void>;
}

/** A sub-result as shown: the chapter or heading, where it lands, and its excerpt. */
export interface SubResultView extends DeepLink {
	excerpt: string;
}

/** A result as shown. */
export interface ResultView {
	url: string;
	title: string;
	/** Date and guests, as Pagefind recorded them (`SearchIndexData.astro`). */
	date?: string | undefined;
	guests?: string | undefined;
	/** Pagefind's excerpt: text with `<mark>` around matched words (rendered through `markedText`). */
	excerpt: string;
	subResults: SubResultView[];
}

/** The site's base path (`/` or `/archive/`), always with a trailing slash. */
export const basePath = (): string => import.meta.env.BASE_URL.replace(/\/?$/, '/');

let loading: Promise<PagefindModule> | undefined;

/**
 * Loads Pagefind once. The URL is only known at run time (it honours the base
 * path), so the bundler leaves the import alone; Pagefind indexes `dist/` from
 * its root and `baseUrl` puts the base in front of every result URL.
 */
export function loadPagefind(): Promise<PagefindModule> {
	loading ??= (async () => {
		const base = basePath();
		const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindModule;
		await pagefind.options({ baseUrl: base, excerptLength: EXCERPT_WORDS, ranking: RANKING });
		await pagefind.init();
		return pagefind;
	})();
	loading.catch(() => (loading = undefined));
	return loading;
}

/** The hits for a state (a query, filters or both), best first; null when Pagefind dropped a superseded search. */
export async function search(state: SearchState): Promise<PagefindHit[] | null> {
	const pagefind = await loadPagefind();
	const sort = pagefindSort(state.sort);
	const options = { filters: pagefindFilters(state), ...(sort ? { sort } : {}) };
	const phrase = phraseQuery(state.q);
	// The phrase search reads the same index chunks as the word search, so it costs no transfer.
	const [exact, loose] = await Promise.all([phrase ? pagefind.search(phrase, options) : undefined, pagefind.search(state.q || null, options)]);
	if (!loose || exact === null) return null;
	// Sorted by date, the order is the date's: the phrase only decides relevance.
	return exact && !sort ? phraseFirst(exact.results, loose.results) : loose.results;
}

/** Loads one hit's data and shapes it for display, with sub-results that land on the turn. */
export async function resultView(hit: PagefindHit, query: string): Promise<ResultView> {
	const data = await hit.data();
	return {
		url: withHighlight(data.url, query),
		title: data.meta.title ?? data.url,
		date: data.meta.date,
		guests: data.meta.guests,
		excerpt: data.excerpt,
		subResults: pickSubResults(data.sub_results, contentWords(data.raw_content ?? data.content), query).map((sub) => {
			const link = deepLink(sub, data.anchors, sub.at);
			return { ...link, url: withHighlight(link.url, query), excerpt: sub.excerpt };
		}),
	};
}
