/**
 * Pagefind in the browser: loaded on first use (never with the page), set up
 * for the base path and the archive's ranking, and its results turned into
 * what the search shows (phrase first, sub-results that land on the turn,
 * URLs that carry the words to mark). Part of the lazily loaded search
 * module (search-app.ts), never of a page's own script.
 */
import { normalizeBasePath } from '../shared/base-path.ts';
import { ALIKE_LOADED, EXCERPT_WORDS, firstPageSize, pagefindFilters, pagefindSort, phraseFirst, phraseQuery, RANKING, RESULTS_PER_PAGE, type SearchState, withHighlight } from './search.ts';
import { byPlaceQuality, placeUrl, rankPlaces, wordTokens, type PageData, type PlaceQuality } from './search-places.ts';
import { INDEX_CHUNKS_PATH, type IndexChunks } from './search-chunks.ts';
import { byLayouts, expectedLayout, layoutFile, layoutFilesFor, WORD_LAYOUTS_DIR, type LayoutsInfo, type PageLayout } from './search-layouts.ts';
import { pairPositions, WORD_PAIRS_DIR, type PairShard, type QuotePair, type WordPairsIndex } from './search-pairs.ts';
import { bareWord, byWordPositions, COMMON_WORDS_PATH, firstStep, nextStep, phraseStarts, quotePlan, typingWord, withPairs, type OrderedHits, type QuotePlan } from './search-quotes.ts';
import { names, TOPIC_CANDIDATES, TOPIC_PAGES_FILTER, topicFirst, topicOf, withBestTopic, withoutTopicPages, type TopicResult } from './search-topics.ts';

/** The part of a Pagefind result's data that the search shows: the page's words, matches and anchors, its excerpt. */
interface PagefindData extends PageData {
	excerpt: string;
	filters?: Record<string, string[]>;
}

/** One result before its data is loaded. */
export interface PagefindHit {
	id: string;
	score: number;
	/** Positions of the matched words on the page. */
	words: number[];
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
	search(term: string | null, options?: { filters?: Record<string, unknown>; sort?: Record<string, string> }): Promise<PagefindSearch | null>;
	preload(term: string): Promise<void>;
}

/** A place under a result as shown: the chapter or heading, who speaks and when, where it lands, its excerpt. */
export interface SubResultView {
	title: string;
	/** The page URL with the highlight parameters and the anchor of the turn (else the heading) where the words are. */
	url: string;
	speaker?: string | undefined;
	/** When the turn starts (`36:13`). */
	time?: string | undefined;
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
	/** How well the best place holds the query, to order a page of results (`byPlaceQuality`). */
	quality?: PlaceQuality | undefined;
	/** Set for a topic page: its kind and episodes are shown instead of a date and places. */
	topic?: TopicResult | undefined;
}

/** The site's base path (`/` or `/archive/`), always with a trailing slash. */
export const basePath = (): string => normalizeBasePath(import.meta.env.BASE_URL);

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

/** The build's lists for quotes: the most frequent words, what each index chunk weighs. */
interface QuoteLists {
	frequent: string[];
	index?: IndexChunks | undefined;
}

let lists: Promise<QuoteLists> | undefined;

const files = new Map<string, Promise<unknown>>();

/**
 * A file of the build (below the base path), fetched once per page and read
 * by `read`; undefined when it cannot load, and it then says nothing.
 */
function loadFile<T>(file: string, read: (response: Response) => Promise<T>): Promise<T | undefined> {
	let loaded = files.get(file) as Promise<T | undefined> | undefined;
	if (!loaded) {
		loaded = fetch(`${basePath()}${file}`)
			.then((response) => (response.ok ? read(response) : undefined))
			.catch(() => undefined);
		files.set(file, loaded);
	}
	return loaded;
}

/** A JSON file of the build (`loadFile`). */
const loadJson = <T>(file: string): Promise<T | undefined> => loadFile(file, (response) => response.json() as Promise<T>);

/** A file the build gzipped itself (the word layouts), as bytes: the host serves it as it is. */
const gunzipped = async (response: Response): Promise<Uint8Array> => new Uint8Array(await new Response(response.body!.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());

/**
 * The build's lists for quotes, loaded once. Without the frequent words a
 * quote asks for every word; without the chunk list it ranks its words by
 * frequency (`quotePlan`).
 */
function loadQuoteLists(): Promise<QuoteLists> {
	lists ??= Promise.all([loadJson<string[]>(COMMON_WORDS_PATH), loadJson<IndexChunks>(INDEX_CHUNKS_PATH)]).then(([frequent, index]) => ({ frequent: frequent ?? [], index }));
	return lists;
}

/** The word pairs' index (about 10 KB at 2,000 episodes), loaded by the first quote: other queries never ask for pairs. */
const loadPairsIndex = (): Promise<WordPairsIndex | undefined> => loadJson<WordPairsIndex>(`${WORD_PAIRS_DIR}index.json`);

/** Where a pair stands on each page, from its file (none if it cannot load, and the pair then says nothing). */
async function loadPair(pair: QuotePair): Promise<Map<string, number[]>> {
	return pairPositions((await loadJson<PairShard>(`${WORD_PAIRS_DIR}${pair.file}`)) ?? {}, pair.key);
}

/** One layout file, ungzipped. */
const loadLayoutFile = (file: string): Promise<Uint8Array | undefined> => loadFile(`${WORD_LAYOUTS_DIR}${file}`, gunzipped);

/** What a quote checks its alike pages' layouts with: the files' size, what the quote's places must hold, its span in words. */
interface QuoteLayouts {
	info: LayoutsInfo;
	expected: ReadonlyMap<number, number>;
	span: number;
}

/** The layout files each page needs around its starts (`layoutFilesFor`). */
const neededFiles = (starts: ReadonlyMap<string, readonly number[]>, layouts: QuoteLayouts): Map<string, number[]> =>
	new Map([...starts].map(([page, at]) => [page, layoutFilesFor(at, layouts.span, layouts.info.positions)]));

/** The layouts of the pages around their starts, loaded at once. */
async function loadLayouts(starts: ReadonlyMap<string, readonly number[]>, layouts: QuoteLayouts): Promise<Map<string, PageLayout>> {
	const pages = await Promise.all(
		[...neededFiles(starts, layouts)].map(async ([page, files]) => [page, new Map(await Promise.all(files.map(async (n) => [n, await loadLayoutFile(layoutFile(page, n))] as const)))] as const),
	);
	return new Map(pages);
}

/**
 * Where the quote would start on each of the alike pages (the first
 * `answer.alike`), from the positions of what it placed: every start at
 * which all of them stand at their offsets.
 */
function alikeStarts(answer: OrderedHits<PagefindHit>, placed: readonly Placed[]): Map<string, number[]> {
	const known = placed.filter((entry) => entry.positions.size > 0);
	if (known.length === 0) return new Map();
	const offsets = known.map(({ offset }) => offset);
	return new Map(answer.hits.slice(0, answer.alike).map((hit) => [hit.id, phraseStarts(known.map(({ positions }) => positions.get(hit.id) ?? []), offsets)]));
}

/** A query's words as Pagefind searches them alone (without the signs around them), and where each stands in the query. */
function queryWords(query: string): { words: string[]; offsets: number[] } {
	const words = query.trim().split(/\s+/).map(bareWord);
	const kept = words.flatMap((word, index) => (wordTokens(word).length > 0 ? [index] : []));
	return { words: kept.map((index) => words[index]!), offsets: kept };
}

/** Where a word (or a pair's first word) stands in the query, and where it stands on each page (by hit id). */
interface Placed {
	offset: number;
	positions: ReadonlyMap<string, readonly number[]>;
}

/** A word's positions on each page, from Pagefind's search for that word alone. */
const placedWord = (offset: number, search: PagefindSearch): Placed => ({ offset, positions: new Map(search.results.map((hit) => [hit.id, hit.words])) });

/**
 * Hits ordered by where each word or pair stands on each page
 * (`byWordPositions`), from one search per word (each reads the same index
 * chunks as the search for all of them, so knowing which word stands where
 * costs no transfer) and the pairs' shards. A word or pair found nowhere
 * (Pagefind dropped the word from the search too) says nothing about where
 * the others stand.
 */
function byPositions(hits: PagefindHit[], placed: readonly Placed[]): OrderedHits<PagefindHit> {
	const known = placed.filter((entry) => entry.positions.size > 0);
	// Positions of fewer than two words tell no page from another.
	if (known.length < 2) return { hits, alike: hits.length };
	return byWordPositions(hits, known.map(({ offset }) => offset), known.map(({ positions }) => positions));
}

/**
 * The hits of a search, best first; how many of the first episodes hold the
 * words alike (`OrderedHits`; 1 when positions were not weighed); whether a
 * topic page leads them (`withBestTopic`: 1 or 0); and how many episodes'
 * data the first answer loads (`firstPage`: up to `ALIKE_LOADED` for a quote).
 */
export type SearchAnswer = OrderedHits<PagefindHit> & { topics: number; firstPage: number };

/**
 * The hits for a state (a query, filters or both), best first, the best topic
 * page for the query within the first page (`withBestTopic`); null when
 * Pagefind dropped a superseded search.
 */
export async function search(state: SearchState): Promise<PagefindHit[] | null> {
	return (await searchAnswer(state))?.hits ?? null;
}

/**
 * `search`, with what the first page loads (`firstPageSize`): the search for
 * the query the reader settled on (`SearchController` waits for typing to
 * pause; `prefetch` runs while it goes on).
 */
export async function searchAnswer(state: SearchState): Promise<SearchAnswer | null> {
	const { frequent, index } = await loadQuoteLists();
	// Sorted by date, every word must match, so a quote asks for all of them (no plan).
	const words = state.sort === 'relevance' ? quotePlan(state.q, frequent, index) : undefined;
	// Only a quote reads the word pairs' index.
	const pairs = words && (await loadPairsIndex());
	const plan = words && pairs ? withPairs(words, pairs) : words;
	const layouts = plan && pairs?.layouts && { info: pairs.layouts, expected: expectedLayout(plan.words, plan.offsets, pairs.stems), span: Math.max(...plan.offsets) };
	const [answer, topic] = await Promise.all([wordSearch(state, plan, layouts), bestTopic(state, plan)]);
	if (answer === null || topic === null) return null;
	// A quote loads every page it left alike (up to ALIKE_LOADED) rather than ask for a dear word; other queries a page's worth.
	const firstPage = firstPageSize(answer.alike, plan ? ALIKE_LOADED : RESULTS_PER_PAGE);
	return { hits: withBestTopic(answer.hits, topic), alike: answer.alike, topics: topic ? 1 : 0, firstPage };
}

let prefetched: string | undefined;

/**
 * While the reader types: loads Pagefind, the word pairs' index once the
 * query is a quote, and the index chunk of the one word the query will surely
 * ask for (`typingWord`), so the results come sooner once typing pauses.
 * Never a half-typed word's chunks, a common word's, or any result's data.
 */
export async function prefetch(state: SearchState): Promise<void> {
	const [pagefind, { frequent, index }] = await Promise.all([loadPagefind(), loadQuoteLists()]);
	// A query that is a quote already will read the word pairs' index.
	if (quotePlan(state.q, frequent, index)) void loadPairsIndex();
	const word = typingWord(state.q, frequent, index);
	if (!word || word === prefetched) return;
	prefetched = word;
	await pagefind.preload(word);
}

/**
 * The topic page the query names, among the first few topic pages that hold
 * its words, else the first of them; none when the search is narrowed or
 * sorted by date (topic pages have neither filters nor a date). It reads the
 * word search's index chunks, one small filter chunk and a few tiny fragments.
 * A quote (`plan`) asks only for the words its word search asks first
 * (every word would load chunks nothing else needs), and takes a topic only if
 * the quote is its name: a topic that merely holds two words of a sentence is
 * noise.
 */
async function bestTopic(state: SearchState, plan: QuotePlan | undefined): Promise<PagefindHit | undefined | null> {
	if (!state.q || state.sort !== 'relevance' || Object.keys(state.filters).length > 0) return undefined;
	const found = await (await loadPagefind()).search(plan ? firstStep(plan).words.map((i) => plan.words[i]).join(' ') : state.q, { filters: TOPIC_PAGES_FILTER });
	if (!found) return null;
	const candidates = found.results.slice(0, TOPIC_CANDIDATES);
	const views = await Promise.all(candidates.map((hit) => resultView(hit, state.q)));
	const named = views.findIndex((view) => names(view, state.q));
	return plan ? (named === -1 ? undefined : candidates[named]) : candidates[Math.max(0, named)];
}

/** The episodes' hits, ordered by where the words stand (a quote by its cheapest words, its pairs and its alike pages' `layouts`, `plan`). */
async function wordSearch(state: SearchState, plan: QuotePlan | undefined, layouts?: QuoteLayouts): Promise<OrderedHits<PagefindHit> | null> {
	const pagefind = await loadPagefind();
	const sort = pagefindSort(state.sort);
	const options = { filters: withoutTopicPages(pagefindFilters(state)), ...(sort ? { sort } : {}) };
	const run = (terms: readonly string[]) => Promise.all(terms.map((term) => pagefind.search(term, options)));
	// A quote asks for its cheapest words and pairs, more while the pages where they stand at the quote's distances are
	// too many to tell apart and the next may be asked (search-quotes.ts).
	for (let step = plan && firstStep(plan); plan && step; ) {
		const words = step.words.map((i) => plan.words[i]!);
		const asked = step.pairs.map((i) => plan.pairs[i]!);
		const [[found, ...each], placedPairs] = await Promise.all([
			run([words.join(' '), ...words]),
			Promise.all(asked.map(async (pair) => ({ offset: pair.offset, positions: await loadPair(pair) }))),
		]);
		if (!found || each.some((result) => !result)) return null;
		const placed = [...(each as PagefindSearch[]).map((search, j) => placedWord(plan.offsets[step!.words[j]!]!, search)), ...placedPairs];
		let answer = byPositions(found.results, placed);
		const starts = alikeStarts(answer, placed);
		if (step.layouts && layouts) answer = byLayouts(answer, starts, layouts.expected, await loadLayouts(starts, layouts), layouts.info.positions);
		// Checking layouts costs their files, if the alike pages' starts are known.
		const files = layouts && [...starts.values()].some((at) => at.length > 0) ? [...neededFiles(starts, layouts).values()].reduce((sum, list) => sum + list.length, 0) : undefined;
		const next = nextStep(plan, step, answer.alike, files);
		if (!next) return answer;
		step = next;
	}
	const phrase = phraseQuery(state.q);
	// Sorted by date, the order is the date's; a quoted query is Pagefind's exact search. Otherwise words are weighed by where they stand.
	const words = sort || !phrase ? { words: [], offsets: [] } : queryWords(state.q);
	// The phrase search reads the same index chunks as the word search, so it costs no transfer.
	const [exact, loose, ...each] = await Promise.all([phrase ? pagefind.search(phrase, options) : undefined, pagefind.search(state.q || null, options), ...words.words.map((term) => pagefind.search(term, options))]);
	if (!loose || exact === null || each.some((result) => !result)) return null;
	if (sort || !exact) return { hits: loose.results, alike: 1 };
	return byPositions(
		phraseFirst(exact.results, loose.results),
		(each as PagefindSearch[]).map((search, j) => placedWord(words.offsets[j]!, search)),
	);
}

/**
 * Loads one hit's data and shapes it for display: the title links to the
 * best place (see `rankPlaces`), and the places under it are the turns and
 * sections where the words are, best first. The top of the page (a title or
 * guest match) is where the title link lands, never a place of its own.
 */
export async function resultView(hit: PagefindHit, query: string): Promise<ResultView> {
	const data = await hit.data();
	const topic = topicOf(data);
	if (topic) return { url: data.url, title: data.meta.title ?? data.url, excerpt: '', subResults: [], topic };
	const places = rankPlaces(data, query);
	const shown = places.filter((place) => place.anchor !== undefined);
	return {
		url: withHighlight(placeUrl(data.url, places[0]), query),
		title: data.meta.title ?? data.url,
		date: data.meta.date,
		guests: data.meta.guests,
		excerpt: data.excerpt,
		subResults: shown.map((place) => ({
			title: place.title,
			url: withHighlight(placeUrl(data.url, place), query),
			speaker: place.speaker,
			time: place.time,
			excerpt: place.excerpt,
		})),
		quality: places[0] && { kind: places[0].kind, terms: places[0].terms },
	};
}

/** A hit with its data shaped for display. */
export interface ShownResult {
	hit: PagefindHit;
	view: ResultView;
}

/**
 * Loads hits' data and orders them by how well each holds the query (see
 * `byPlaceQuality`), the topic the query names first (`topicFirst`): each
 * hit with its view, so the search can keep its hits in the order shown.
 */
export async function orderedResults(hits: readonly PagefindHit[], query: string): Promise<ShownResult[]> {
	const loaded = await Promise.all(hits.map(async (hit) => ({ hit, view: await resultView(hit, query) })));
	const weighed = loaded.map((result) => ({ result, title: result.view.title, topic: result.view.topic, quality: result.view.quality }));
	return topicFirst(byPlaceQuality(weighed), query).map(({ result }) => result);
}

/** Loads a page of hits and orders it (`orderedResults`). */
export async function resultViews(hits: readonly PagefindHit[], query: string): Promise<ResultView[]> {
	return (await orderedResults(hits, query)).map(({ view }) => view);
}
