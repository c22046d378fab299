/**
 * Where under a search result the words were said: the places of one episode
 * page (speaker turns, headings, the top of the page), each scored by how
 * well it holds the query, best first. Pure: it reads the data Pagefind gives
 * for a result (the page's words, the word positions that matched, the
 * anchors with their word positions), so it is unit-tested in Node with data
 * captured from the built site.
 *
 * Pagefind cuts sub-results only at headings, so its places are chapters; but
 * its anchors list every element with an id, and each speaker turn has one
 * (`t-12-34`), so the turn that holds a word is the last turn anchor at or
 * before the word's position. No extra index data is needed for that; the
 * speaker of each turn comes from one compact meta field (`voices`).
 */
import { EXCERPT_WORDS, isTurnId, turnTime, type AnchorLike } from './search.ts';

/** The Pagefind meta field that names the speaker of each turn (see `encodeVoices`). */
export const VOICES_META = 'voices';

/** Places shown under one result. */
export const PLACES_SHOWN = 3;

/** Pagefind's page content as words, indexed the way its locations count them. */
const pageWords = (content: string): string[] => content.split(/[^\S\uFEFF]+/);

/**
 * The comparable tokens of a word: lower case, apostrophes dropped (`it’s`
 * and `its` are one token), split at anything that is not a letter or digit,
 * so `state-of-the-art,` is four tokens and `—` none.
 */
export function wordTokens(word: string): string[] {
	return word
		.toLowerCase()
		.replace(/['’‘`]/g, '')
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);
}

/** The query's tokens in order, duplicates kept (a phrase is checked word for word). */
export const queryTokens = (query: string): string[] => query.split(/\s+/).flatMap(wordTokens);

/**
 * Whether a word of the page stands for a word of the query: the same, or
 * one a stem of the other as Pagefind's stemmer would match them (`owned`
 * for `owning`, `models` for `model`). Short words must match exactly, so
 * `a` never stands for `as`.
 */
export function sameWord(page: string, query: string): boolean {
	if (page === query) return true;
	const shorter = Math.min(page.length, query.length);
	if (shorter < 3) return false;
	let shared = 0;
	while (shared < shorter && page[shared] === query[shared]) shared++;
	return shared >= Math.max(3, shorter - 2) && Math.max(page.length, query.length) - shared <= 4;
}

/** The page as tokens, each with the index of the Pagefind word it is part of. */
interface Token {
	token: string;
	word: number;
}

function pageTokens(words: readonly string[]): Token[] {
	return words.flatMap((word, index) => wordTokens(word).map((token) => ({ token, word: index })));
}

/** How well a place holds the query; lower `rank` is better. */
export type PlaceKind = 'phrase' | 'window' | 'scattered';
const KIND_RANK: Record<PlaceKind, number> = { phrase: 0, window: 1, scattered: 2 };

/** Words apart (beyond the query's own length) that still count as said together. */
export const WINDOW_SLACK = 8;

/** The data of a Pagefind result that places are computed from. */
export interface PageData {
	url: string;
	content: string;
	/** The content the word locations count in, HTML-escaped (Pagefind's excerpts are cut from it). */
	raw_content?: string | undefined;
	/** Every matched word position of the page. */
	locations: readonly number[];
	anchors: readonly AnchorLike[];
	meta: Record<string, string | undefined>;
}

/** One place under a result. */
export interface Place {
	kind: PlaceKind;
	/** Word positions of the best match in the place: where it starts and ends. */
	at: number;
	end: number;
	/** Distinct query words held, their narrowest span, and how many matched words the place has. */
	terms: number;
	span: number;
	count: number;
	/** The anchor it lands on (a turn, a heading, a section), or undefined for the top of the page. */
	anchor?: string | undefined;
	/** The chapter or heading it is under, else the episode's title. */
	title: string;
	/** For a turn: who speaks and when the turn starts. */
	speaker?: string | undefined;
	time?: string | undefined;
	/** Words around the match, with `<mark>` around the matched ones (HTML-escaped like Pagefind's excerpts). */
	excerpt: string;
}

/**
 * Digits for `encodeVoices`: punctuation, which Pagefind's tokenizer drops,
 * so the codes add no words to the index (letters or numbers would add one
 * long made-up word per episode).
 */
const VOICE_DIGITS = '!#$%&()*+-./:<=>?@[]^_{}~';

/**
 * The speakers of a transcript's turns, in page order, as one meta value:
 * the names once each (` | ` between), ` ; `, then each turn's speaker as one
 * digit of `VOICE_DIGITS` (two when there are more speakers than digits).
 * About one byte per turn, in the page's fragment only.
 */
export function encodeVoices(turnSpeakers: readonly string[]): string {
	const clean = (name: string) => name.replace(/[|;,]/g, ' ').replace(/\s+/g, ' ').trim();
	// A turn without a speaker (some feed transcripts name none) is the empty name, kept last so the value never starts with a separator a trim could cut.
	const names = [...new Set(turnSpeakers.map(clean))].sort((a, b) => Number(a === '') - Number(b === ''));
	const base = VOICE_DIGITS.length;
	const code = (i: number) => (names.length > base ? VOICE_DIGITS[Math.floor(i / base)]! : '') + VOICE_DIGITS[i % base]!;
	const index = new Map(names.map((name, i) => [name, code(i)]));
	return `${names.join(' | ')} ; ${turnSpeakers.map((name) => index.get(clean(name))).join('')}`;
}

/** The speaker of each turn, in page order, from `encodeVoices`' value; empty when there is none. */
export function decodeVoices(value: string | undefined): string[] {
	if (!value) return [];
	const split = value.lastIndexOf(' ; ');
	if (split < 0) return [];
	const names = value.slice(0, split).split(' | ');
	const codes = value.slice(split + 3);
	const base = VOICE_DIGITS.length;
	const width = names.length > base ? 2 : 1;
	const digit = (char: string) => VOICE_DIGITS.indexOf(char);
	const out: string[] = [];
	for (let i = 0; i + width <= codes.length; i += width) {
		const index = width === 2 ? digit(codes[i]!) * base + digit(codes[i + 1]!) : digit(codes[i]!);
		out.push(names[index] ?? '');
	}
	return out;
}

/** A stretch of the page that a place can land on. */
interface Segment {
	start: number;
	end: number;
	anchor?: AnchorLike | undefined;
	title: string;
	speaker?: string | undefined;
	/** Order among places of equal quality: the top of the page (title, guests), then turns, then the rest. */
	tier: number;
}

const sectionName = (id: string) => id.charAt(0).toUpperCase() + id.slice(1).replaceAll('-', ' ');

const isHeading = (anchor: AnchorLike) => /^h\d$/i.test(anchor.element) && Boolean(anchor.text?.trim());

/**
 * The page cut where a reader can land: at each turn, each heading and each
 * other element with an id (the description, show notes). What comes before
 * the first of them (title, guests) is the top of the page. Of several
 * anchors at one position, a turn or heading wins over its wrapper.
 */
function segments(data: PageData, wordCount: number): Segment[] {
	const anchors = [...data.anchors].sort((a, b) => a.location - b.location);
	const voices = decodeVoices(data.meta[VOICES_META]);
	const pageTitle = data.meta.title ?? '';
	const out: Segment[] = [{ start: 0, end: wordCount, title: pageTitle, tier: 0 }];
	let heading = pageTitle;
	let turnIndex = 0;
	for (const anchor of anchors) {
		const turn = isTurnId(anchor.id);
		const speaker = turn ? voices[turnIndex++] : undefined;
		if (isHeading(anchor)) heading = anchor.text!.trim();
		// A section without a heading of its own (the description) is named after its id.
		else if (anchor.element === 'section' && anchor.location > 0) heading = sectionName(anchor.id);
		// The page's own wrapper (the header at 0) is the top of the page.
		if (anchor.location === 0) continue;
		const last = out.at(-1)!;
		const segment: Segment = { start: anchor.location, end: wordCount, anchor, title: heading, speaker: speaker || undefined, tier: turn ? 1 : 2 };
		if (last.start === anchor.location) {
			// Same position: keep the more specific anchor (a turn or heading over a section wrapper).
			if (turn || (isHeading(anchor) && !(last.anchor && isTurnId(last.anchor.id)))) out[out.length - 1] = { ...segment, end: last.end };
			continue;
		}
		last.end = anchor.location;
		out.push(segment);
	}
	return out;
}

/** The index of the segment holding word `at` (segments are in order and cover the page). */
function segmentOf(list: readonly Segment[], at: number): number {
	let lo = 0;
	let hi = list.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (list[mid]!.start <= at) lo = mid;
		else hi = mid - 1;
	}
	return lo;
}

/** Where the query's tokens stand in a row in the page's tokens: the first and last word of each such run. */
export function phraseRuns(tokens: readonly { token: string; word: number }[], query: readonly string[]): { at: number; end: number }[] {
	if (query.length === 0) return [];
	const runs: { at: number; end: number }[] = [];
	for (let i = 0; i + query.length <= tokens.length; i++) {
		let k = 0;
		while (k < query.length && sameWord(tokens[i + k]!.token, query[k]!)) k++;
		if (k === query.length) runs.push({ at: tokens[i]!.word, end: tokens[i + query.length - 1]!.word });
	}
	return runs;
}

/**
 * `phraseRuns` over a whole page, fast enough to run on every result while
 * the reader types: only words that could start the phrase (they hold the
 * start of its first word) are tokenized, with the few words after them.
 */
function pagePhraseRuns(words: readonly string[], query: readonly string[]): { at: number; end: number }[] {
	const head = query[0]!.slice(0, 3);
	const runs: { at: number; end: number }[] = [];
	for (let index = 0; index < words.length; index++) {
		if (!words[index]!.toLowerCase().replace(/['’‘`]/g, '').includes(head)) continue;
		// Each word holds at least one token, or none (punctuation): a window of words this long holds the phrase if it starts here.
		const window = pageTokens(words.slice(index, index + query.length * 2 + 2)).map((token) => ({ token: token.token, word: token.word + index }));
		for (const run of phraseRuns(window, query)) if (run.at === index && !runs.some((known) => known.at === run.at)) runs.push(run);
	}
	return runs;
}

/** The query word a matched page word stands for, or undefined when it stands for none. */
function termOf(word: string, terms: readonly string[]): string | undefined {
	const tokens = wordTokens(word);
	return terms.find((term) => tokens.some((token) => sameWord(token, term)));
}

/**
 * The narrowest run of matched words in one segment that holds as many
 * distinct query words as the segment has: where it starts and ends, and how
 * many distinct words and matches there are.
 */
function bestWindow(located: readonly { location: number; term: string }[]): { terms: number; at: number; end: number; count: number } {
	const distinct = new Set(located.map((entry) => entry.term)).size;
	const inWindow = new Map<string, number>();
	let best = { at: located[0]!.location, end: located[0]!.location };
	let span = Infinity;
	let start = 0;
	for (const entry of located) {
		inWindow.set(entry.term, (inWindow.get(entry.term) ?? 0) + 1);
		while (inWindow.size === distinct) {
			const first = located[start]!;
			if (entry.location - first.location < span) [span, best] = [entry.location - first.location, { at: first.location, end: entry.location }];
			const left = inWindow.get(first.term)! - 1;
			if (left === 0) inWindow.delete(first.term);
			else inWindow.set(first.term, left);
			start++;
		}
	}
	return { terms: distinct, ...best, count: located.length };
}

/** Words around `at…end` inside the segment, with the matched words marked, as Pagefind writes excerpts. */
function excerpt(words: readonly string[], segment: Segment, at: number, end: number, marked: ReadonlySet<number>): string {
	const length = Math.min(EXCERPT_WORDS, segment.end - segment.start);
	const before = Math.max(0, Math.floor((length - (end - at + 1)) / 2));
	let start = Math.max(segment.start, at - before);
	start = Math.max(segment.start, Math.min(start, segment.end - length));
	const stop = Math.min(segment.end, start + length);
	const text = words
		.slice(start, stop)
		.map((word, i) => (marked.has(start + i) && word ? `<mark>${word}</mark>` : word))
		.join(' ')
		.trim();
	return `${start > segment.start ? '… ' : ''}${text}${stop < segment.end ? ' …' : ''}`;
}

/**
 * The places of a result, best first, at most `limit`, one per turn or
 * section. A place holding the exact phrase (the query's words in a row, in
 * order; stems and punctuation allowed) beats one holding all the words
 * within a few words of each other, which beats one where they are scattered
 * or only some are there; then more distinct words. Then the top of the
 * page (a title or guest match) comes first, then turns, then the
 * description's sections (a reader remembers what was said more often than
 * the blurb); then a narrower span, more matches, page order.
 */
export function rankPlaces(data: PageData, query: string, limit = PLACES_SHOWN): Place[] {
	const words = pageWords(data.raw_content ?? data.content);
	const list = segments(data, words.length);
	const wanted = queryTokens(query);
	const terms = [...new Set(wanted)];
	if (terms.length === 0) return [];
	const best = new Map<number, Omit<Place, 'excerpt' | 'title' | 'anchor' | 'speaker' | 'time'> & { marked: Set<number> }>();
	const better = (a: { kind: PlaceKind; terms: number; span: number; count: number }, b: { kind: PlaceKind; terms: number; span: number; count: number }) =>
		KIND_RANK[a.kind] - KIND_RANK[b.kind] || b.terms - a.terms || a.span - b.span || b.count - a.count;

	// Matched words, by segment, as the query word each stands for.
	const bySegment = new Map<number, { location: number; term: string }[]>();
	for (const location of [...new Set(data.locations)].sort((a, b) => a - b)) {
		const term = termOf(words[location] ?? '', terms);
		if (!term) continue;
		const index = segmentOf(list, location);
		const inSegment = bySegment.get(index);
		if (inSegment) inSegment.push({ location, term });
		else bySegment.set(index, [{ location, term }]);
	}
	for (const [index, located] of bySegment) {
		const window = bestWindow(located);
		const span = window.end - window.at;
		const together = window.terms === terms.length && span <= wanted.length - 1 + WINDOW_SLACK;
		best.set(index, { kind: together ? 'window' : 'scattered', ...window, span, marked: new Set(located.map((entry) => entry.location)) });
	}
	// Exact phrases, from the page's own words (a phrase of common words may have few located words).
	if (wanted.length > 1) {
		for (const run of pagePhraseRuns(words, wanted)) {
			const index = segmentOf(list, run.at);
			// Said by one speaker: a run that goes on into the next turn (a song's line split by the transcript) is not the phrase.
			if (segmentOf(list, run.end) !== index) continue;
			const current = best.get(index);
			const marked = new Set(current?.marked ?? []);
			for (let word = run.at; word <= run.end; word++) marked.add(word);
			const phrase = { kind: 'phrase' as const, terms: terms.length, span: run.end - run.at, count: (current?.kind === 'phrase' ? current.count : 0) + 1, at: run.at, end: run.end };
			best.set(index, current?.kind === 'phrase' ? { ...current, count: phrase.count, marked } : { ...phrase, marked });
		}
	}
	return [...best.entries()]
		.sort(([a, x], [b, y]) => KIND_RANK[x.kind] - KIND_RANK[y.kind] || y.terms - x.terms || list[a]!.tier - list[b]!.tier || better(x, y) || a - b)
		.slice(0, limit)
		.map(([index, place]) => {
			const segment = list[index]!;
			const id = segment.anchor?.id;
			const turn = id !== undefined && isTurnId(id);
			return {
				kind: place.kind,
				at: place.at,
				end: place.end,
				terms: place.terms,
				span: place.span,
				count: place.count,
				anchor: id,
				title: segment.title,
				speaker: turn ? segment.speaker : undefined,
				time: turn ? turnTime(id) : undefined,
				excerpt: excerpt(words, segment, place.at, place.end, place.marked),
			};
		});
}

/** The page URL of a result landing on a place: its anchor, or the top of the page. */
export function placeUrl(url: string, place: Pick<Place, 'anchor'> | undefined): string {
	const path = url.replace(/#.*$/, '');
	return place?.anchor ? `${path}#${place.anchor}` : path;
}

/** How well a result's best place holds the query, comparable across results (see `byPlaceQuality`). */
export interface PlaceQuality {
	kind: PlaceKind;
	terms: number;
}

/**
 * Results of one page of results, the best-held first: those with the exact
 * phrase, then those holding all the words close together, then the rest,
 * each group in the order it came (Pagefind's ranking, phrase first). Pagefind
 * ranks by word frequency, not by how close the words stand, so without this
 * an episode that says two rare words in passing, far apart, can come before
 * the one where they were said in one sentence. Only results whose data is
 * loaded are compared, so this costs no download.
 */
export function byPlaceQuality<T extends { quality?: PlaceQuality | undefined }>(results: readonly T[]): T[] {
	const rank = (result: T) => (result.quality ? KIND_RANK[result.quality.kind] : 3);
	const terms = (result: T) => result.quality?.terms ?? 0;
	return results
		.map((result, index) => ({ result, index }))
		.sort((a, b) => rank(a.result) - rank(b.result) || terms(b.result) - terms(a.result) || a.index - b.index)
		.map(({ result }) => result);
}

/**
 * What to mark in a paragraph of the turn a reader lands on, as character
 * ranges: each run of the whole query (stems and punctuation allowed, so
 * `come out, and say it?` is one mark for "come out and say it"), and each
 * other word standing for a query word of four letters or more (not every
 * "and") unless `words` is false. Ranges are in text order and do not overlap.
 */
export function markRanges(text: string, query: string, words = true): [number, number][] {
	const markWords = words;
	const spans = [...text.matchAll(/\S+/g)].map((match) => ({ start: match.index, end: match.index + match[0].length, text: match[0] }));
	const tokens = spans.flatMap((word, index) => wordTokens(word.text).map((token) => ({ token, word: index })));
	const wanted = queryTokens(query);
	const ranges: [number, number][] = [];
	const covered = new Set<number>();
	for (const run of phraseRuns(tokens, wanted)) {
		if (covered.has(run.at)) continue;
		ranges.push([spans[run.at]!.start, spans[run.end]!.end]);
		for (let word = run.at; word <= run.end; word++) covered.add(word);
	}
	if (!markWords) return ranges.sort((a, b) => a[0] - b[0]);
	const long = wanted.filter((token) => token.length >= 4);
	for (const [index, word] of spans.entries()) {
		if (covered.has(index) || !wordTokens(word.text).some((token) => long.some((term) => sameWord(token, term)))) continue;
		ranges.push([word.start, word.end]);
	}
	return ranges.sort((a, b) => a[0] - b[0]);
}
