/**
 * The search evaluation's pure part: reading the generated entries as the
 * text a reader could remember, drawing seeded phrase and topic queries from
 * it with the answer each should give, and summing up outcomes. The browser
 * part (typing into the search page, reading what it shows) is
 * `search-eval-browser.ts`; `npm run eval:search` and
 * tests/e2e/search-eval.spec.ts run both.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { wordTokens } from '../../src/client/search-places.ts';
import { transcriptItems } from '../../src/lib/transcript-view.ts';
import type { EpisodeEntry } from '../../src/schemas/entry.ts';
import { seededRandom } from '../bench/random.ts';
import { quantile } from '../../src/shared/stats.ts';

/** One transcript turn as the sampler needs it. */
export interface EvalTurn {
	slug: string;
	id: string;
	/** The anchors of its chapter (the chapter id, then every id up to the next chapter); empty without chapters. */
	chapter: string[];
	/** What is said, as whitespace-separated words. */
	words: string[];
}

/** The archive as text: every turn, and per episode the text that is not a turn (title, description, show notes). */
export interface EvalArchive {
	turns: EvalTurn[];
	/** Every episode's title, guests, description and show notes, as tokens. */
	other: string[][];
	/** Tokens of every title (topic queries avoid them). */
	titleTokens: Set<string>;
}

/** Reads the entries the ingest wrote (`<slug>.json` and `<slug>.mdx`), whatever episodes they are. */
export function readArchive(dir = 'content/episodes'): EvalArchive {
	const turns: EvalTurn[] = [];
	const other: string[][] = [];
	const titleTokens = new Set<string>();
	const files = readdirSync(dir)
		.filter((file) => file.endsWith('.json') && !file.startsWith('.'))
		.sort();
	for (const file of files) {
		const data = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as EpisodeEntry;
		const mdx = path.join(dir, file.replace(/\.json$/, '.mdx'));
		const prose = readFileSync(mdx, 'utf8')
			.replace(/^---\n[\s\S]*?\n---\n/, '')
			.replace(/<[^>]+>/g, ' ');
		const tokens = (text: string) => text.split(/\s+/).flatMap(wordTokens);
		for (const token of tokens(data.title)) titleTokens.add(token);
		const chapterText = data.chapters.map((chapter) => chapter.title).join(' ');
		other.push(tokens(`${data.title} ${data.speakers.map((speaker) => speaker.name).join(' ')} ${chapterText} ${prose}`));
		let chapter: string[] = [];
		for (const item of transcriptItems(data)) {
			if (item.kind === 'chapter') chapter = [item.chapter.id, ...(item.alias ? [item.alias] : [])];
			else if (item.kind === 'heading') chapter.push(item.heading.id);
			else {
				chapter.push(item.turn.id);
				const words = item.turn.paragraphs.flatMap((paragraph) => paragraph.text.split(/\s+/)).filter(Boolean);
				turns.push({ slug: data.slug, id: item.turn.id, chapter: data.chapters.length > 0 ? chapter : [], words });
			}
		}
	}
	return { turns, other, titleTokens };
}

/** A query with the answer it should give. */
export interface EvalQuery {
	kind: 'phrase' | 'topic';
	query: string;
	slug: string;
	/** The turn the words were taken from. */
	turn: string;
	/** The anchors of that turn's chapter. */
	chapter: string[];
}

/** How often each run of tokens occurs; built once per sample over the whole archive. */
class SequenceCounter {
	readonly #streams: string[][];
	readonly #starts = new Map<string, [number, number][]>();

	constructor(streams: string[][]) {
		this.#streams = streams;
		for (const [s, stream] of streams.entries()) {
			for (const [i, token] of stream.entries()) {
				const list = this.#starts.get(token);
				if (list) list.push([s, i]);
				else this.#starts.set(token, [[s, i]]);
			}
		}
	}

	/** Occurrences of `sequence` (exact tokens, in a row) across all streams, counting up to `limit`. */
	count(sequence: readonly string[], limit = 2): number {
		let found = 0;
		for (const [s, i] of this.#starts.get(sequence[0]!) ?? []) {
			const stream = this.#streams[s]!;
			if (sequence.every((token, k) => stream[i + k] === token) && ++found >= limit) break;
		}
		return found;
	}
}

/** Strips the punctuation a reader would not type around a quote: at its very start and end. */
const trimQuote = (text: string) => text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}?!]+$/gu, '');

/**
 * Phrase queries: a random turn of a random transcript, a random start word,
 * 4 to 9 consecutive words, kept only if that run of words occurs exactly
 * once in the whole archive (turns, titles, descriptions, show notes).
 */
export function samplePhrases(archive: EvalArchive, count: number, seed: number): EvalQuery[] {
	const random = seededRandom(seed);
	const bySlug = new Map<string, EvalTurn[]>();
	for (const turn of archive.turns) {
		const list = bySlug.get(turn.slug);
		if (list) list.push(turn);
		else bySlug.set(turn.slug, [turn]);
	}
	const slugs = [...bySlug.keys()];
	// Each turn is one stream, so a run never spans two turns (or two speakers).
	const counter = new SequenceCounter([...archive.turns.map((turn) => turn.words.flatMap(wordTokens)), ...archive.other]);
	const out: EvalQuery[] = [];
	const seen = new Set<string>();
	for (let tries = 0; out.length < count && tries < count * 50; tries++) {
		const turn = random.pick(bySlug.get(random.pick(slugs))!);
		const length = random.int(4, 9);
		if (turn.words.length < length) continue;
		const start = random.int(0, turn.words.length - length);
		const query = trimQuote(turn.words.slice(start, start + length).join(' '));
		const tokens = query.split(/\s+/).flatMap(wordTokens);
		if (tokens.length < 4 || seen.has(query) || counter.count(tokens) !== 1) continue;
		seen.add(query);
		out.push({ kind: 'phrase', query, slug: turn.slug, turn: turn.id, chapter: turn.chapter });
	}
	return out;
}

/**
 * Topic queries: 2 or 3 of the rarer words of one turn (said in the fewest
 * turns of the archive; at least 4 letters; none in any title), not next to
 * each other in the turn, in the order said. Only turns inside a chapter, so
 * the answer (the chapter) is defined.
 */
export function sampleTopics(archive: EvalArchive, count: number, seed: number): EvalQuery[] {
	const random = seededRandom(seed);
	const turnsWith = new Map<string, number>();
	for (const turn of archive.turns) for (const token of new Set(turn.words.flatMap(wordTokens))) turnsWith.set(token, (turnsWith.get(token) ?? 0) + 1);
	const candidates = archive.turns.filter((turn) => turn.chapter.length > 0 && turn.words.length >= 30);
	const out: EvalQuery[] = [];
	const seen = new Set<string>();
	for (let tries = 0; out.length < count && tries < count * 50; tries++) {
		const turn = random.pick(candidates);
		const positions = new Map<string, number>();
		for (const [index, word] of turn.words.entries()) {
			const tokens = wordTokens(word);
			// One clean word: a reader types `benchmark`, not the tokens of `state-of-the-art`.
			if (tokens.length !== 1 || !/^\p{L}{4,}$/u.test(tokens[0]!) || archive.titleTokens.has(tokens[0]!)) continue;
			if (!positions.has(tokens[0]!)) positions.set(tokens[0]!, index);
		}
		const rarest = [...positions.keys()].sort((a, b) => turnsWith.get(a)! - turnsWith.get(b)! || a.localeCompare(b)).slice(0, 6);
		const picked = random.shuffle(rarest).slice(0, random.int(2, 3));
		if (picked.length < 2) continue;
		const inOrder = picked.sort((a, b) => positions.get(a)! - positions.get(b)!);
		if (inOrder.some((word, i) => i > 0 && positions.get(word)! - positions.get(inOrder[i - 1]!)! <= 1)) continue;
		const query = inOrder.join(' ');
		if (seen.has(query)) continue;
		seen.add(query);
		out.push({ kind: 'topic', query, slug: turn.slug, turn: turn.id, chapter: turn.chapter });
	}
	return out;
}

/** What the search page showed for a query. */
export interface EvalOutcome {
	/** The first result's title link, and the first place under it (URLs as in the page). */
	title?: string | undefined;
	firstPlace?: string | undefined;
	/** Milliseconds from the last key to the results in the DOM, painted. */
	ms: number;
	/** Bytes received from the first key until the results showed (fresh context only). */
	bytes?: number | undefined;
	/** Why the query has no outcome (the page crashed), if it has none. */
	error?: string | undefined;
	/** Those bytes by kind of file (`wasm`, `pf_index`, `pf_fragment`, `search-app.js`, …; see `kindOf`). */
	byKind?: Record<string, number> | undefined;
}

/** A query's verdicts. */
export interface EvalVerdict {
	episode: boolean;
	/** The first place lands on the source turn (phrases) or in its chapter (topics). */
	place: boolean;
	/** The title link lands on the source turn (phrases). */
	titleLink: boolean;
}

const slugOf = (url: string | undefined) => (url ? /\/episodes\/([^/]+)\//.exec(url)?.[1] : undefined);
const hashOf = (url: string | undefined) => (url ? decodeURIComponent(new URL(url, 'https://x.invalid').hash.slice(1)) : '');

/** Judges one outcome against the query's answer. */
export function judge(query: EvalQuery, outcome: EvalOutcome): EvalVerdict {
	const episode = slugOf(outcome.title) === query.slug;
	const place = episode && (query.kind === 'phrase' ? hashOf(outcome.firstPlace) === query.turn : query.chapter.includes(hashOf(outcome.firstPlace)));
	const titleLink = episode && hashOf(outcome.title) === query.turn;
	return { episode, place, titleLink };
}

/** Shares and times over a set of judged queries. */
export interface EvalSummary {
	count: number;
	episode: number;
	place: number;
	titleLink: number;
	medianMs: number;
	p95Ms: number;
	medianBytes?: number | undefined;
	p95Bytes?: number | undefined;
}

/** Sums up judged outcomes: shares (0–1) and the median and 95th percentile of time and bytes. */
export function summarize(rows: readonly { verdict: EvalVerdict; outcome: EvalOutcome }[]): EvalSummary {
	const share = (pick: (verdict: EvalVerdict) => boolean) => (rows.length === 0 ? 0 : rows.filter((row) => pick(row.verdict)).length / rows.length);
	const ms = rows.map((row) => row.outcome.ms).sort((a, b) => a - b);
	const bytes = rows.flatMap((row) => (row.outcome.bytes === undefined ? [] : [row.outcome.bytes])).sort((a, b) => a - b);
	return {
		count: rows.length,
		episode: share((v) => v.episode),
		place: share((v) => v.place),
		titleLink: share((v) => v.titleLink),
		medianMs: quantile(ms, 0.5) ?? NaN,
		p95Ms: quantile(ms, 0.95) ?? NaN,
		...(bytes.length > 0 ? { medianBytes: quantile(bytes, 0.5), p95Bytes: quantile(bytes, 0.95) } : {}),
	};
}

/** A set of targets: shares of phrase and topic queries (0–1), and first-query bytes of phrase queries (KB of 1,000 bytes). */
export interface EvalTargets {
	phraseEpisode: number;
	phraseTurn: number;
	phraseTitleLink?: number;
	topicChapter?: number;
	medianBytes: number;
	p95Bytes: number;
}

/**
 * The targets of issue 13: on the seed site, and on the 2,000-episode bench
 * site, where a common word's index chunk is ten times larger (the title link
 * and topic queries have no target there: the bench corpus repeats its
 * source turns, so a topic's words are said alike in many episodes).
 */
export const TARGETS = {
	seed: { phraseEpisode: 0.99, phraseTurn: 0.97, phraseTitleLink: 0.97, topicChapter: 0.85, medianBytes: 250_000, p95Bytes: 350_000 },
	large: { phraseEpisode: 0.95, phraseTurn: 0.95, medianBytes: 400_000, p95Bytes: 700_000 },
} as const satisfies Record<string, EvalTargets>;

/**
 * The targets a summary misses, as sentences (empty when all are met). Bytes
 * are judged only where they were measured (each phrase in a fresh context),
 * topics only where topics were asked.
 */
export function missedTargets(phrases: EvalSummary, topics: EvalSummary | undefined, targets: EvalTargets = TARGETS.seed): string[] {
	const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
	const kb = (n: number) => `${(n / 1000).toFixed(0)} KB`;
	const missed: string[] = [];
	if (phrases.episode < targets.phraseEpisode) missed.push(`phrase: right episode first ${pct(phrases.episode)} < ${pct(targets.phraseEpisode)}`);
	if (phrases.place < targets.phraseTurn) missed.push(`phrase: first place on the exact turn ${pct(phrases.place)} < ${pct(targets.phraseTurn)}`);
	if (targets.phraseTitleLink !== undefined && phrases.titleLink < targets.phraseTitleLink) missed.push(`phrase: title link on the exact turn ${pct(phrases.titleLink)} < ${pct(targets.phraseTitleLink)}`);
	if (targets.topicChapter !== undefined && topics && topics.count > 0 && topics.place < targets.topicChapter) missed.push(`topic: first place in the chapter ${pct(topics.place)} < ${pct(targets.topicChapter)}`);
	if (phrases.medianBytes !== undefined && phrases.medianBytes > targets.medianBytes) missed.push(`phrase: first-query bytes median ${kb(phrases.medianBytes)} > ${kb(targets.medianBytes)}`);
	if (phrases.p95Bytes !== undefined && phrases.p95Bytes > targets.p95Bytes) missed.push(`phrase: first-query bytes p95 ${kb(phrases.p95Bytes)} > ${kb(targets.p95Bytes)}`);
	return missed;
}
