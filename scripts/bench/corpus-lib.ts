/**
 * A synthetic dump of N episodes made from the real seed dump, for benchmarks.
 *
 * Each synthetic episode takes a real episode as its template and keeps its
 * description, show notes and chapter list byte for byte (so the same glued
 * headings, list variants and footers reach the parser), but gets a unique
 * title, its own publication date, new guest names, and a transcript of the
 * template's layout whose turns are shuffled, shortened or lengthened and
 * mixed with turns of other episodes of the same layout, re-labelled to the
 * template's speakers and re-timed so times still increase. The words of
 * each turn are then re-spliced (see `spliceProse`), so that runs of words
 * are new combinations rather than verbatim copies of a seed turn that
 * reappears in a hundred episodes. Templates are
 * used in turn (a fresh permutation for every 20 episodes), so every size has
 * the seed's mix: three transcript layouts, episodes without transcript, every
 * chapter-list variant.
 *
 * Pure: text in, text out; `scripts/bench/corpus.ts` does the file I/O.
 */
import { splitDump, type RawEpisode } from '../../src/ingest/dump.ts';
import { Vocabulary } from '../../src/ingest/glue.ts';
import { findSections } from '../../src/ingest/sections.ts';
import { guestsFromTitle } from '../../src/ingest/speakers.ts';
import { parseTranscript } from '../../src/ingest/transcript.ts';
import { TIMESTAMP_SOURCE, timestampToSeconds } from '../../src/shared/time.ts';
import type { TranscriptFormat } from '../../src/schemas/episode.ts';
import type { Host } from '../../src/schemas/site.ts';
import { seededRandom, type Random } from './random.ts';

/** What to generate. */
export interface CorpusOptions {
	/** Number of episodes. */
	episodes: number;
	/** Seed of the random choices; the same seed gives the same bytes. */
	seed?: number;
	/** Publication time of the newest episode; older ones go back 1–6 days each. */
	newest?: Date;
	/** Re-splice the words of transcript turns (default true); false keeps every seed turn's words as written, as the generator did before. */
	splice?: boolean;
	/** The known words the ingest reads the seed with (content/vocabulary.json), so templates split as the site's pages do. */
	words?: readonly string[];
}

/** A turn of a real transcript as written, label first (after its timestamp in `[ts] Name:`). */
interface Chunk {
	text: string;
	/** The speaker label as written in `text`. */
	label: string;
	host: boolean;
	/** Index of the template it comes from. */
	template: number;
}

/** A real episode cut into the parts the generator changes and the parts it keeps. */
interface Template {
	raw: RawEpisode;
	guests: string[];
	/** Body text before the chapter list (description, show notes), kept as is. */
	head: string;
	/** The chapter list, whose times are scaled to the new transcript's length. */
	chapters: string;
	/** Between the chapter list and the transcript (show notes after the list), kept as is. */
	middle: string;
	/** The transcript heading as written (`Transcript`), when there is a transcript. */
	transcriptHeading: string;
	/** Transcript text before its first label (a heading), kept as is. */
	lead: string;
	format?: TranscriptFormat;
	turns: Chunk[];
	/** The footer (`Get full access to …`), kept as is. */
	footer: string;
	/** Last time in the transcript, to scale chapter times. */
	duration: number;
}

const TIMESTAMP = new RegExp(TIMESTAMP_SOURCE, 'g');
/** Speech rate used to time recombined turns: 150 words a minute, the rate the parser assumes. */
const WORDS_PER_SECOND = 2.5;

/** Given names and family names for synthetic guests: shaped like the names the parser accepts, unlike any seed name. */
const GIVEN = ['Priya', 'Mateo', 'Ingrid', 'Kofi', 'Yuki', 'Lena', 'Tomas', 'Amara', 'Rafael', 'Sofia', 'Nikhil', 'Elena', 'Jonas', 'Meiling', 'Omar', 'Clara', 'Dmitri', 'Hana', 'Luca', 'Zara', 'Arjun', 'Freya', 'Kenji', 'Noor'];
const FAMILY = ['Raman', 'Okafor', 'Lindqvist', 'Tanaka', 'Moreau', 'Castillo', 'Novak', 'Haddad', 'Petrov', 'Nakamura', 'Schulz', 'Andersen', 'Kowalski', 'Ferreira', 'Mensah', 'Iyer', 'Larsen', 'Bauer', 'Rossi', 'Varga'];

/** The host labels of the show, lower-cased, to tell hosts' turns from guests'. */
function hostLabels(hosts: readonly Host[]): Set<string> {
	return new Set(hosts.flatMap((host) => host.aliases.map((alias) => alias.toLowerCase())));
}

/** Cuts a real episode into a template, using the parser's own section and turn finders. */
function toTemplate(raw: RawEpisode, index: number, vocabulary: Vocabulary, hosts: readonly Host[]): Template {
	const guests = guestsFromTitle(raw.title);
	const names = new Set<string>([...hosts.flatMap((host) => host.aliases), ...guests, ...guests.map((guest) => guest.split(' ')[0]!)]);
	const { sections } = findSections(raw.body, { vocabulary, names });
	const body = raw.body;
	const chapters = sections.find((s) => s.kind === 'chapters');
	const transcript = sections.find((s) => s.kind === 'transcript');
	const footer = sections.find((s) => s.kind === 'footer');
	const contentEnd = footer?.start ?? body.length;
	const transcriptStart = transcript?.start ?? contentEnd;
	const template: Template = {
		raw,
		guests,
		head: body.slice(0, chapters?.start ?? transcriptStart),
		chapters: chapters ? body.slice(chapters.start, chapters.end) : '',
		middle: chapters ? body.slice(chapters.end, transcriptStart) : '',
		transcriptHeading: transcript?.heading ?? '',
		lead: '',
		turns: [],
		footer: body.slice(contentEnd),
		duration: 0,
	};
	if (transcript) {
		const text = body.slice(transcript.contentStart, transcript.end);
		const parsed = parseTranscript(text, names);
		const isHost = hostLabels(hosts);
		template.format = parsed.format;
		template.lead = text.slice(0, parsed.turns[0]!.offset);
		template.turns = parsed.turns.map((turn, i) => ({
			text: text.slice(turn.offset, parsed.turns[i + 1]?.offset ?? text.length),
			label: turn.label ?? '',
			host: isHost.has((turn.label ?? '').toLowerCase()),
			template: index,
		}));
		template.duration = Math.max(0, ...[...text.matchAll(TIMESTAMP)].map((m) => timestampToSeconds(m[1]!, m[2]!, m[3]) ?? 0));
	}
	return template;
}

/** Writes seconds the way `like` was written: same number of hour digits, or `mm:ss`. */
export function formatStampLike(seconds: number, like: string): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	const h = Math.floor(seconds / 3600);
	const m = Math.floor((seconds % 3600) / 60);
	const s = seconds % 60;
	const parts = /^\[(\d{1,2}):(\d{2})(?::(\d{2}))?\]$/.exec(like);
	if (parts && parts[3] === undefined && seconds < 100 * 60) return `[${pad(Math.floor(seconds / 60))}:${pad(s)}]`;
	const hours = parts && parts[1]!.length === 1 && h < 10 ? String(h) : pad(h);
	return `[${hours}:${pad(m)}:${pad(s)}]`;
}

/**
 * True when the text between two timestamps reads as a transcript heading of
 * the `[ts] Heading[ts] Name:` layout, which must keep the same time as the
 * turn after it (the parser's rule, mirrored so re-timing keeps headings).
 */
function isHeadingLine(text: string): boolean {
	const trimmed = text.trim();
	return trimmed.length > 0 && trimmed.length <= 150 && trimmed.split(/\s+/).length >= 2 && !/[.,;:!…?]$/.test(trimmed);
}

/**
 * Re-times a recombined transcript: every timestamp, in order, gets a time
 * that increases with the words spoken since the one before. Timestamps that
 * were next to each other in one original turn keep their original gap, and a
 * heading line keeps the time of the turn it introduces.
 */
export function retime(pieces: readonly { text: string; source: number }[]): { text: string; duration: number } {
	let clock: number | undefined;
	let previous: { source: number; seconds: number } | undefined;
	let out = '';
	let pendingText = '';
	for (const piece of pieces) {
		let cursor = 0;
		for (const match of piece.text.matchAll(TIMESTAMP)) {
			const original = timestampToSeconds(match[1]!, match[2]!, match[3]) ?? 0;
			const between = pendingText + piece.text.slice(cursor, match.index);
			if (clock === undefined) clock = original;
			else if (previous && previous.source === piece.source && pendingText === '') clock += Math.max(0, original - previous.seconds);
			else if (!isHeadingLine(between)) clock += Math.max(1, Math.round(between.split(/\s+/).filter(Boolean).length / WORDS_PER_SECOND));
			out += piece.text.slice(cursor, match.index) + formatStampLike(clock, match[0]);
			cursor = match.index + match[0].length;
			pendingText = '';
			previous = { source: piece.source, seconds: original };
		}
		out += piece.text.slice(cursor);
		pendingText += piece.text.slice(cursor);
	}
	return { text: out, duration: clock ?? 0 };
}

/** Scales every timestamp in a chapter list by `factor`, keeping each one's written form. */
export function scaleChapterTimes(text: string, factor: number): string {
	return text.replace(TIMESTAMP, (stamp, h: string, m: string, s?: string) =>
		formatStampLike(Math.round((timestampToSeconds(h, m, s) ?? 0) * factor), stamp),
	);
}

/**
 * Replaces each word of the template's guest names with the matching word of
 * new names: as a whole word, or as a speaker label glued to the sentence
 * before it (`…to makeNathan [00:43:29]:`), which the parser finds only by name.
 */
function renameGuests(text: string, renames: ReadonlyMap<string, string>): string {
	if (renames.size === 0) return text;
	const words = [...renames.keys()].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
	const alternatives = words.join('|');
	const pattern = new RegExp(`(?<!\\p{L})(?:${alternatives})(?!\\p{L})|(?:${alternatives})(?= ?\\[\\d{1,2}:\\d{2}(?::\\d{2})?\\]:|:\\s)`, 'gu');
	return text.replace(pattern, (word) => renames.get(word)!);
}

/** New names for the template's guests, word for word, so the title still names them the same way. */
function guestRenames(guests: readonly string[], random: Random): Map<string, string> {
	const renames = new Map<string, string>();
	for (const guest of guests) {
		const words = guest.split(' ');
		const replacement = [random.pick(GIVEN), ...words.slice(1).map(() => random.pick(FAMILY))];
		words.forEach((word, i) => {
			if (!renames.has(word) && /^\p{Lu}/u.test(word)) renames.set(word, replacement[i]!);
		});
	}
	return renames;
}

/** Shortest and longest run of words copied from one place of the seed before the splicer jumps elsewhere (from a word that allows it). */
const PIECE_WORDS = [1, 4] as const;
/** How far from its old length a rewritten segment may end, to end on a pair of words the seed says. */
const END_SLACK_WORDS = 4;
/** A jump is made only from a word the seed follows with at least this many different words… */
const HUB_NEXT_WORDS = 8;
/** …none of them in more than this share of its places. */
const HUB_TOP_SHARE = 0.25;
/** Words of the transcript's opening turn kept as written: the introduction, which names the (renamed) guests. */
const OPENING_KEPT_WORDS = 60;
/** A segment shorter than this that does not end like a sentence might read as a heading line once resized, so it is kept. */
const MIN_UNPUNCTUATED_SEGMENT_CHARS = 300;
/**
 * A sentence end after which the parser looks for a heading glued to the
 * next label (`gluedHeadingBefore`): the words from the last one on are kept,
 * and with them everything the label rules read at the end (they stop at
 * the last of these or of `)]:,;-`, which comes no earlier).
 */
const STOP = /[.?!…"”]/;
/** A word that ends a sentence: the next one may start any sentence of the seed. */
const SENTENCE_END = /[.?!…]["”)]?$/;
/** Words that may never be spliced in: a colon could make a speaker label, a bracket a timestamp. */
const UNSPLICEABLE = /[:[\]]/;

/** The words of a text segment, with their places. */
interface Word {
	text: string;
	start: number;
	end: number;
}

/**
 * The part of a segment between two timestamps that the splicer may rewrite,
 * as word indices `[from, to)`, or undefined when the segment must stay as
 * written. Kept: the words up to a speaker label's colon near the start and
 * one word after it (what the layouts' label rules read), the words from the
 * last sentence end on (what the glued-label and glued-heading rules read at
 * the end), and short segments that do not end like a sentence (heading lines).
 */
export function spliceableRange(segment: string, words: readonly Word[], keep = 0): { from: number; to: number } | undefined {
	const trimmed = segment.trim();
	if (!/[.,;:!…?]$/.test(trimmed) && trimmed.length < MIN_UNPUNCTUATED_SEGMENT_CHARS) return undefined;
	const colon = words.slice(0, 6).findIndex((word) => word.text.endsWith(':'));
	const from = Math.max(keep, colon + 2, 2);
	let to = words.length - 1;
	while (to > from && !STOP.test(words[to]!.text)) to--;
	if (to - from < 4 || words.slice(to).some((word) => word.text.includes(':'))) return undefined;
	return { from, to };
}

/** The segments of a turn between its timestamps, as character ranges. */
function segments(text: string): { start: number; end: number }[] {
	const out: { start: number; end: number }[] = [];
	let cursor = 0;
	for (const match of text.matchAll(TIMESTAMP)) {
		out.push({ start: cursor, end: match.index });
		cursor = match.index + match[0].length;
	}
	out.push({ start: cursor, end: text.length });
	return out;
}

const wordsOf = (text: string, offset: number): Word[] =>
	[...text.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: offset + m.index, end: offset + m.index + m[0].length }));

/**
 * The seed's spoken words of one speaker role, in order, with where each word
 * occurs, so a splice can continue after the same word somewhere else (every
 * pair of neighbouring words it writes is then a pair the seed says).
 */
export class ProsePool {
	/** Words of every rewritable range, each range followed by an empty string that ends it. */
	readonly words: string[] = [];
	/** Where each word occurs with a spliceable word after it. */
	readonly #after1 = new Map<string, number[]>();
	/** Every pair of neighbouring words, `a b`. */
	readonly #pairs = new Set<string>();
	/** Places of words that end a sentence, with a word after them: any of them can follow any sentence. */
	readonly #sentenceEnds: number[] = [];
	/** Whether each word is a place to jump from, decided once. */
	readonly #hubs = new Map<string, boolean>();
	/** Places with a spliceable word after them, for a jump when no place says the same words. */
	readonly #places: number[] = [];

	/** Adds the rewritable words of one seed turn. */
	add(text: string): void {
		const from = this.words.length;
		for (const segment of segments(text)) {
			const words = wordsOf(text.slice(segment.start, segment.end), segment.start);
			const range = spliceableRange(text.slice(segment.start, segment.end), words);
			if (!range) continue;
			for (const word of words.slice(range.from - 1, range.to)) this.words.push(UNSPLICEABLE.test(word.text) ? '' : word.text);
			this.words.push('');
		}
		for (let i = from; i + 1 < this.words.length; i++) {
			if (!this.words[i] || !this.words[i + 1]) continue;
			this.#places.push(i);
			if (SENTENCE_END.test(this.words[i]!)) this.#sentenceEnds.push(i);
			this.#pairs.add(`${this.words[i]} ${this.words[i + 1]}`);
			push(this.#after1, this.words[i]!, i);
		}
	}

	/** True when the seed says `b` right after `a`. */
	says(a: string, b: string): boolean {
		return this.#pairs.has(`${a} ${b}`);
	}

	/**
	 * True when a jump from `word` goes somewhere new: the seed says it in
	 * enough places, followed by enough different words, none of them most of
	 * the time (after `kind` comes `of`, so a jump there repeats the seed).
	 */
	isHub(word: string): boolean {
		// An episode whose hosts (or guests) say too little to splice from keeps their words as they are.
		if (this.#places.length === 0) return false;
		if (SENTENCE_END.test(word)) return true;
		let hub = this.#hubs.get(word);
		if (hub === undefined) {
			const places = this.#after1.get(word) ?? [];
			const next = new Map<string, number>();
			for (const place of places) next.set(this.words[place + 1]!, (next.get(this.words[place + 1]!) ?? 0) + 1);
			hub = next.size >= HUB_NEXT_WORDS && Math.max(...next.values()) <= HUB_TOP_SHARE * places.length;
			this.#hubs.set(word, hub);
		}
		return hub;
	}

	/**
	 * A place other than `not` where `last` occurs with a word after it, or
	 * after a sentence any sentence's end; failing both, any place (an
	 * unmatched seam, for words the seed says only once).
	 */
	jump(last: string, not: number, random: Random): number {
		const places = SENTENCE_END.test(last) ? this.#sentenceEnds : this.#after1.get(last);
		if (!places || places.length === 0 || (places.length === 1 && places[0] === not)) return random.pick(this.#places);
		const i = random.int(0, places.length - 1);
		return places[i] === not ? places[(i + 1) % places.length]! : places[i]!;
	}
}

function push(map: Map<string, number[]>, key: string, value: number): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

/**
 * Rewrites the words of each long enough segment of a turn (see
 * `spliceableRange`). After the kept opening words it copies 1–4 words from
 * one place of the seed said by the same role (in the episode's template), then jumps to another place
 * where the seed says the last word (or, after a sentence, to any sentence's
 * start) and goes on from there, until it has about as many words as the
 * segment had. Every pair of neighbouring words is one the seed says (or a
 * sentence's end and another's start), so the words keep their frequencies
 * and their local grammar, but runs of six words are mostly new. It stops
 * within a few words of the old length, after a word the seed says before
 * the kept end if it finds one.
 */
export class Splicer {
	readonly #pools: { host: ProsePool; guest: ProsePool };
	readonly #random: Random;
	/** Words written minus words replaced so far: when positive, a segment that finds no good place to stop stops short. */
	#drift = 0;

	constructor(pools: { host: ProsePool; guest: ProsePool }, random: Random) {
		this.#pools = pools;
		this.#random = random;
	}

	/** The turn `text` (label first) with its words re-spliced from the pool of its role; its first `keepWords` words stay. */
	splice(text: string, host: boolean, keepWords = 0): string {
		const pool = this.#pools[host ? 'host' : 'guest'];
		let out = '';
		let cursor = 0;
		let kept = keepWords;
		for (const segment of segments(text)) {
			const words = wordsOf(text.slice(segment.start, segment.end), segment.start);
			const range = spliceableRange(text.slice(segment.start, segment.end), words, kept);
			kept = Math.max(0, kept - words.length);
			if (!range) continue;
			const written = this.#walk(pool, words, range);
			this.#drift += written.length - (range.to - range.from);
			out += text.slice(cursor, words[range.from]!.start) + written.join(' ');
			cursor = words[range.to - 1]!.end;
		}
		return out + text.slice(cursor);
	}

	/** New words for `words[range.from, range.to)`. */
	#walk(pool: ProsePool, words: readonly Word[], range: { from: number; to: number }): string[] {
		const target = range.to - range.from;
		const next = words[range.to]!.text;
		const limit = this.#drift > 0 ? target : target + END_SLACK_WORDS;
		const written: string[] = [];
		let last = words[range.from - 1]!.text;
		// From a word the seed says rarely, every copy of this turn would jump to the same few places: say the turn's own next words first.
		while (written.length < target && !pool.isHub(last)) written.push((last = words[range.from + written.length]!.text));
		let at = -1;
		let left = 0;
		while (written.length < limit) {
			if (written.length >= target - END_SLACK_WORDS && pool.says(last, next)) break;
			if (at < 0 || !pool.words[at + 1] || (left <= 0 && pool.isHub(last))) {
				at = pool.jump(last, at, this.#random);
				left = this.#random.int(...PIECE_WORDS);
			}
			at++;
			left--;
			last = pool.words[at]!;
			written.push(last);
		}
		return written;
	}
}

/** A transcript of the template's layout: its turns shuffled, resized and mixed with turns of other episodes. */
function recombineTurns(template: Template, pool: readonly Chunk[], random: Random, splice: (chunk: Chunk, text: string, opening: boolean) => string): { text: string; source: number }[] {
	const [first, ...rest] = template.turns;
	const last = rest.pop();
	const guestLabels = [...new Set(template.turns.filter((t) => !t.host).map((t) => t.label))];
	const hostLabelsUsed = [...new Set(template.turns.filter((t) => t.host).map((t) => t.label))];
	const foreign = pool.filter((chunk) => chunk.template !== first!.template);
	const target = Math.max(1, Math.round(rest.length * (0.6 + random.next() * 0.6)));
	const middle: Chunk[] = random.shuffle(rest).slice(0, target);
	while (middle.length < target && foreign.length > 0) middle.push(random.pick(foreign));
	// About a quarter of the turns come from other episodes, said by this episode's speakers.
	for (let i = 0; i < middle.length && foreign.length > 0; i++) if (random.next() < 0.25) middle[i] = random.pick(foreign);
	const relabel = (chunk: Chunk): string => {
		if (chunk.template === first!.template) return chunk.text;
		const labels = chunk.host ? hostLabelsUsed : guestLabels;
		const label = labels.length > 0 ? random.pick(labels) : random.pick([...guestLabels, ...hostLabelsUsed]);
		const at = chunk.text.indexOf(chunk.label);
		return chunk.text.slice(0, at) + label + chunk.text.slice(at + chunk.label.length);
	};
	// Each chunk is its own source for re-timing, so neighbouring turns never reuse an old gap.
	return [first!, ...middle, ...(last ? [last] : [])].map((chunk, i) => ({ text: splice(chunk, relabel(chunk), i === 0), source: i }));
}

/** `YYYY-MM-DD HH:MM` in UTC, as the dump's header line writes it. */
function dumpDate(date: Date): string {
	return date.toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * Generates a dump of `options.episodes` synthetic episodes from the real
 * seed dump, in exactly the dump's format (one `-` line, title, `From …` line
 * and body line per episode). Same inputs, same bytes.
 */
export function generateCorpus(seedDump: string, hosts: readonly Host[], options: CorpusOptions): string {
	const random = seededRandom(options.seed ?? 1);
	const raws = splitDump(seedDump).episodes;
	if (raws.length === 0) throw new Error('the seed dump has no episodes');
	const vocabulary = new Vocabulary(seedDump, options.words);
	const templates = raws.map((raw, i) => toTemplate(raw, i, vocabulary, hosts));
	const pools = new Map<TranscriptFormat, Chunk[]>();
	for (const template of templates) {
		if (!template.format) continue;
		pools.set(template.format, [...(pools.get(template.format) ?? []), ...template.turns.slice(1, -1)]);
	}
	// Its own stream of numbers, so titles, dates, guests and the choice of turns stay what they were before splicing.
	const spliceRandom = seededRandom((options.seed ?? 1) ^ 0x5eed);
	// Each episode's words come from its template's own turns: an episode then says about as many different words as a
	// real one (spliced from the whole seed, a transcript said 175 different words per 1,000 against the seed's 133,
	// which made Pagefind's index, and its memory, larger than an archive of real episodes would).
	const splicers = templates.map((template) => {
		const prose = { host: new ProsePool(), guest: new ProsePool() };
		for (const turn of template.turns) prose[turn.host ? 'host' : 'guest'].add(turn.text);
		return new Splicer(prose, spliceRandom);
	});
	const show = /^From\s+(.*?),\s+published at/u.exec(raws[0]!.header)?.[1] ?? 'Latent Space: The AI Engineer Podcast';

	let time = (options.newest ?? new Date(Date.UTC(2026, 8, 1, 16, 0))).getTime();
	let order: Template[] = [];
	const records: string[] = [];
	for (let n = 0; n < options.episodes; n++) {
		if (order.length === 0) order = random.shuffle(templates);
		const template = order.pop()!;
		const renames = guestRenames(template.guests, random);
		// A number in front keeps titles (and so slugs) unique without touching the guest clause the parser reads.
		const title = `${n + 1}. ${renameGuests(template.raw.title, renames)}`;
		const published = new Date(Math.floor(time / 60_000) * 60_000);
		time -= (random.int(1, 6) * 24 + random.int(-6, 6)) * 3_600_000 + random.int(0, 59) * 60_000;

		let chapters = template.chapters;
		let transcript = '';
		if (template.format) {
			const splicer = splicers[templates.indexOf(template)]!;
			const splice = (chunk: Chunk, text: string, opening: boolean) =>
				options.splice === false ? text : splicer.splice(text, chunk.host, opening ? OPENING_KEPT_WORDS : 0);
			const pieces = recombineTurns(template, pools.get(template.format) ?? [], random, splice);
			const timed = retime(pieces);
			transcript = template.transcriptHeading + template.lead + timed.text;
			if (template.duration > 0) chapters = scaleChapterTimes(chapters, timed.duration / template.duration);
		}
		const body = renameGuests(template.head + chapters + template.middle + transcript, renames) + template.footer;
		records.push(`-\n${title}\n${`From ${show}, published at ${dumpDate(published)}`}\n${body}`);
	}
	return records.join('\n');
}

/** Changes one word of one episode's body in the dump: the smallest real edit a maintainer makes. */
export function editOneEpisode(dump: string, index: number): string {
	const lines = dump.split('\n');
	const bodyLine = index * 4 + 3;
	if (!lines[bodyLine]) throw new Error(`the dump has no episode ${index}`);
	lines[bodyLine] = lines[bodyLine]!.replace(/ the /, ' the very ');
	return lines.join('\n');
}
