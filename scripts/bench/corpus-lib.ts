/**
 * A synthetic dump of N episodes made from the real seed dump, for benchmarks.
 *
 * Each synthetic episode takes a real episode as its template and keeps its
 * description, show notes and chapter list byte for byte (so the same glued
 * headings, list variants and footers reach the parser), but gets a unique
 * title, its own publication date, new guest names, and a transcript of the
 * template's layout whose turns are shuffled, shortened or lengthened and
 * mixed with turns of other episodes of the same layout, re-labelled to the
 * template's speakers and re-timed so times still increase. Templates are
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

/** A transcript of the template's layout: its turns shuffled, resized and mixed with turns of other episodes. */
function recombineTurns(template: Template, pool: readonly Chunk[], random: Random): { text: string; source: number }[] {
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
	return [first!, ...middle, ...(last ? [last] : [])].map((chunk, i) => ({ text: relabel(chunk), source: i }));
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
			const pieces = recombineTurns(template, pools.get(template.format) ?? [], random);
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
