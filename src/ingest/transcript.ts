/**
 * The transcript, in the three layouts the dump uses:
 * - `name-time-colon`: `Alessio [00:00:00]: Hey everyone…Swyx [00:00:15]: Hey…`
 * - `time-name-colon`: `[00:00:35] Wing Lian: Annapolis.…[00:01:24] And that got me…`
 *   with section headings (`[00:02:34] SF Open Source AI Meetup[00:02:34] swyx: …`)
 * - `name-colon-time`: `Swyx: Welcome back… [00:00:13]Steve: Hey…`, where the
 *   timestamp closes the turn.
 * In all three, labels are glued to the sentence before them (`Yeah.David [00:01:02]:`).
 */
import type { TranscriptFormat } from '../schemas/episode.ts';
import { TIMESTAMP_SOURCE, timestampToSeconds } from '../shared/time.ts';
import { looksLikeHeading } from './blocks.ts';
import { GLUED_LABEL_SOURCE, LABEL_LOOKBACK_CHARS, LABEL_SOURCE, MAX_HEADING_AND_LABEL_CHARS, MAX_HEADING_LINE_CHARS, MAX_LABEL_CHARS } from './labels.ts';
import { ParseProblem } from './problems.ts';

/** A paragraph of a turn; `start` where a timestamp introduces it. */
export interface RawParagraph {
	start?: number;
	text: string;
}

/** A turn as written: the label exactly as in the source (absent where the transcript names no speaker), times where known. */
export interface RawTurn {
	label?: string;
	start?: number;
	end?: number;
	paragraphs: RawParagraph[];
	/** Offset of the label in the transcript text, for error positions. */
	offset: number;
}

/** A section heading inside the transcript, placed before turn `before`. */
export interface RawTranscriptHeading {
	text: string;
	before: number;
	start?: number;
}

/** What `parseTranscript` reads. */
export interface RawTranscript {
	format: TranscriptFormat;
	turns: RawTurn[];
	headings: RawTranscriptHeading[];
}

/** A timestamp found in the text. */
interface Stamp {
	index: number;
	end: number;
	seconds: number;
}

/** Finds every bracketed timestamp; throws on one whose minutes or seconds are out of range. */
export function findTimestamps(text: string): Stamp[] {
	const stamps: Stamp[] = [];
	for (const match of text.matchAll(new RegExp(TIMESTAMP_SOURCE, 'g'))) {
		const seconds = timestampToSeconds(match[1]!, match[2]!, match[3]);
		if (seconds === undefined) throw new ParseProblem('transcript', `unreadable timestamp ${match[0]}`, match.index);
		stamps.push({ index: match.index, end: match.index + match[0].length, seconds });
	}
	return stamps;
}

/** Characters that end a sentence, after which a glued label or heading starts. */
const SENTENCE_END = /[.?!…"”)\]]/;
/** A plausible speaker label: one to four words (`Swyx`, `AI Charlie`, `Ryan at Pixee`, `Ce / Vipul`, `n/a`). */
const LABEL_SHAPE = /^(?:[\p{L}\p{N}][\p{L}\p{N}.'’\/-]*|\/)(?: (?:[\p{L}\p{N}][\p{L}\p{N}.'’\/-]*|\/)){0,3}$/u;

/** The label that opens a `[hh:mm:ss] Name: text` line, and the space after its colon. */
const LINE_LABEL = new RegExp(String.raw`^\s*(${LABEL_SOURCE}):+\s+`, 'u');
/** The label that opens a turn of `Name: text [hh:mm:ss]`, at the start (`Swyx: Welcome back…`) or after a closing timestamp. */
const OPENING_LABEL = new RegExp(String.raw`^\s*(${LABEL_SOURCE}):+\s`, 'u');
/** A label with whatever is glued before it (a heading), up to its colon. */
const HEADING_AND_LABEL = new RegExp(String.raw`^(\s*)([^:\[\]]{0,${MAX_HEADING_AND_LABEL_CHARS}}?):+\s`, 'u');

/** True when `name` has the shape of a speaker label. */
export function isLabelShaped(name: string): boolean {
	return name.length <= MAX_LABEL_CHARS && LABEL_SHAPE.test(name) && /\p{L}/u.test(name);
}

/** True when every word of a label is capitalised or a number (`Guest 4`), as names are. */
function isNameCased(name: string): boolean {
	return name === 'n/a' || name.split(' ').every((word) => /^[\p{Lu}\p{N}/]/u.test(word) || /^(?:at|of|de|van|von)$/.test(word));
}

/**
 * Decides the layout from the shape of the labels: counts `[ts]:` (name
 * before time), `[ts] Name:` (time before name) and `. [ts]Name` (time closing
 * a turn), and takes the most common.
 */
export function detectTranscriptFormat(text: string): TranscriptFormat | undefined {
	const ts = TIMESTAMP_SOURCE;
	const counts: [TranscriptFormat, number][] = [
		['name-time-colon', text.match(new RegExp(String.raw`${ts}:`, 'g'))?.length ?? 0],
		['time-name-colon', text.match(new RegExp(String.raw`${ts} ${LABEL_SOURCE}:\s`, 'gu'))?.length ?? 0],
		['name-colon-time', text.match(new RegExp(String.raw`\s${ts}[^\s\[]`, 'g'))?.length ?? 0],
	];
	counts.sort((a, b) => b[1] - a[1]);
	if (counts[0]![1] > 0) return counts[0]![0];
	// A transcript that opens with a label and has no timestamps the counts above recognise.
	return OPENING_LABEL.test(text) ? 'name-colon-time' : undefined;
}

/**
 * The speaker name at the end of `before` (the text glued in front of a
 * label): the longest known name that ends it (`…to makeSwyx` → `Swyx`),
 * else the words after the last sentence end (`Yeah.David` → `David`).
 */
export function labelAtEnd(before: string, known: ReadonlySet<string>): string | undefined {
	let best: string | undefined;
	for (const name of known) {
		if (before.endsWith(name) && (!best || name.length > best.length)) best = name;
	}
	if (best) return best;
	const tail = cleanLabelTail(before);
	return tail && isLabelShaped(tail) ? tail : undefined;
}

/** The text after the last sentence end, when that end is glued to it: `Yeah.David` → `David`. */
function cleanLabelTail(before: string): string | undefined {
	for (let i = before.length - 1; i >= 0; i--) {
		const ch = before[i]!;
		if (SENTENCE_END.test(ch) || ch === ':' || ch === ',' || ch === '-' || ch === ';') {
			return before.slice(i + 1);
		}
	}
	return before.length <= MAX_LABEL_CHARS ? before : undefined;
}

/**
 * A heading glued between a sentence end and a label
 * (`…use it.Benchmark dramaSwyx [00:21:07]:` → `Benchmark drama`). The sentence
 * end must touch the heading; `…think to makeSwyx` has none and is no heading.
 */
export function gluedHeadingBefore(before: string): { heading: string; index: number } | undefined {
	const match = /[.?!…”"][^\s.?!…”"][^.?!…”"]*$/.exec(before);
	if (!match) return undefined;
	const heading = match[0].slice(1);
	if (!looksLikeHeading(heading) || /[,:]$/.test(heading) || heading.trim() !== heading) return undefined;
	return { heading, index: match.index + 1 };
}

/**
 * Builds the set of speaker names from labels that stand after a clear
 * sentence end or at the start. A name seen twice is a name; a name seen once
 * must be capitalised like a name and must not be another name with a heading
 * glued in front (`PyTorch MafiaAlessio`).
 */
export function knownNames(candidates: { before: string; atStart: boolean }[], extra: Iterable<string>): Set<string> {
	const counts = new Map<string, number>();
	for (const { before, atStart } of candidates) {
		const tail = atStart ? before.trim() : cleanLabelTail(before);
		if (tail && isLabelShaped(tail) && (atStart || tail.length < before.length)) counts.set(tail, (counts.get(tail) ?? 0) + 1);
	}
	const names = new Set<string>(extra);
	for (const [name, count] of counts) if (count >= 2) names.add(name);
	const confirmed = [...names];
	for (const [name, count] of counts) {
		const gluedToKnown = confirmed.some((known) => name.length > known.length && name.endsWith(known) && !/\s/.test(name[name.length - known.length - 1]!));
		if (count === 1 && isNameCased(name) && !gluedToKnown) names.add(name);
	}
	return names;
}

/** Appends text to a turn's last paragraph, or starts one. */
function addText(turn: RawTurn | undefined, text: string, start?: number): RawTurn | undefined {
	const clean = text.trim();
	if (!turn || !clean) return turn;
	const last = turn.paragraphs.at(-1);
	if (last && start === undefined) last.text = `${last.text} ${clean}`.trim();
	else turn.paragraphs.push(start === undefined ? { text: clean } : { start, text: clean });
	return turn;
}

/** Drops turns that ended up with no text (a label followed directly by another label). */
function withText(turns: RawTurn[]): RawTurn[] {
	for (const turn of turns) if (turn.paragraphs.length === 0) turn.paragraphs.push({ text: '' });
	return turns;
}

/** Sets each turn's end to the next turn's start where the layout gives no explicit end. */
export function chainEnds(turns: RawTurn[]): void {
	for (const [i, turn] of turns.entries()) {
		if (turn.end === undefined && turns[i + 1]?.start !== undefined) turn.end = turns[i + 1]!.start;
	}
}

/** Untimed labels glued after a sentence end: `…this happen.David: Yeah…`. */
function untimedLabels(text: string, names: ReadonlySet<string>, from: number, to: number): { index: number; end: number; label: string }[] {
	const found: { index: number; end: number; label: string }[] = [];
	const sorted = [...names].sort((a, b) => b.length - a.length);
	const pattern = new RegExp(String.raw`[.?!…"”)\]](${GLUED_LABEL_SOURCE}):+\s`, 'gu');
	pattern.lastIndex = from;
	for (let match = pattern.exec(text); match && match.index < to; match = pattern.exec(text)) {
		const label = sorted.find((name) => name === match![1]);
		if (label) found.push({ index: match.index + 1, end: match.index + match[0].length, label });
		pattern.lastIndex = match.index + 1;
	}
	return found;
}

/**
 * Where `text[0, end)` ends once trailing whitespace is dropped. Scans back
 * from `end`, so it costs the whitespace it skips, where
 * `text.slice(0, end).replace(/\s+$/, '')` costs the whole prefix (quadratic
 * over a transcript's labels).
 */
function trimmedEnd(text: string, end: number): number {
	let i = end;
	while (i > 0 && /\s/.test(text[i - 1]!)) i--;
	return i;
}

/** `Name [hh:mm:ss]: text`, labels glued to the sentence before them. */
function parseNameTimeColon(text: string, stamps: Stamp[], extraNames: Iterable<string>): RawTranscript {
	const labelled = stamps.filter((stamp) => text[stamp.end] === ':');
	const candidates = labelled.map((stamp) => {
		const end = trimmedEnd(text, stamp.index);
		const before = text.slice(Math.max(0, end - LABEL_LOOKBACK_CHARS), end);
		return { before, atStart: end <= LABEL_LOOKBACK_CHARS && !/[.?!:]/.test(before), stamp };
	});
	const names = knownNames(candidates, extraNames);
	type Label = { index: number; end: number; label: string; start?: number };
	const labels: Label[] = [];
	for (const { before, stamp } of candidates) {
		const label = labelAtEnd(before, names);
		if (!label) throw new ParseProblem('transcript', 'a timestamp label has no readable speaker name', stamp.index);
		const nameIndex = trimmedEnd(text, stamp.index) - label.length;
		labels.push({ index: nameIndex, end: stamp.end + /^:+\s*/.exec(text.slice(stamp.end))![0].length, label, start: stamp.seconds });
	}
	// Labels without a timestamp (`…happen.David: Yeah…`) between the timed ones.
	labels.push(...untimedLabels(text, names, 0, text.length).filter((u) => !labels.some((l) => u.index >= l.index && u.index < l.end)));
	labels.sort((a, b) => a.index - b.index);
	return assembleLabelled(text, labels, 'name-time-colon');
}

/** Builds turns from label positions; text between a sentence end and a label becomes a heading when it reads as one. */
function assembleLabelled(
	text: string,
	labels: { index: number; end: number; label: string; start?: number }[],
	format: TranscriptFormat,
): RawTranscript {
	const turns: RawTurn[] = [];
	const headings: RawTranscriptHeading[] = [];
	if (labels.length === 0) throw new ParseProblem('transcript', 'no speaker labels found in the transcript', 0);
	const lead = text.slice(0, labels[0]!.index).trim();
	if (lead) headings.push({ text: lead, before: 0 });
	for (const [i, label] of labels.entries()) {
		const nextIndex = labels[i + 1]?.index ?? text.length;
		let body = text.slice(label.end, nextIndex);
		const glued = i + 1 < labels.length ? gluedHeadingBefore(body) : undefined;
		if (glued) body = body.slice(0, glued.index);
		const turn: RawTurn = { label: label.label, paragraphs: [], offset: label.index };
		if (label.start !== undefined) turn.start = label.start;
		addText(turn, body);
		turns.push(turn);
		if (glued) headings.push({ text: glued.heading.trim(), before: i + 1, ...(labels[i + 1]!.start !== undefined ? { start: labels[i + 1]!.start } : {}) });
	}
	chainEnds(turns);
	return { format, turns: withText(turns), headings };
}

/** `[hh:mm:ss] Name: text`, with mid-turn timestamps and heading lines. */
function parseTimeNameColon(text: string, stamps: Stamp[], extraNames: Iterable<string>): RawTranscript {
	type Segment = { start: number; index: number; content: string; label?: string; body: string };
	const segments: Segment[] = stamps.map((stamp, i) => {
		const content = text.slice(stamp.end, stamps[i + 1]?.index ?? text.length);
		const label = LINE_LABEL.exec(content);
		const segment: Segment = { start: stamp.seconds, index: stamp.index, content: content.trim(), body: content.trim() };
		if (label && isLabelShaped(label[1]!)) {
			segment.label = label[1]!;
			segment.body = content.slice(label[0].length).trim();
		}
		return segment;
	});
	const nonEmpty = segments.filter((segment) => segment.content.length > 0);
	// A heading line is followed at the same time by a labelled turn and does not end like a sentence.
	const headingShaped = new Set<Segment>();
	for (const [i, segment] of nonEmpty.entries()) {
		const next = nonEmpty[i + 1];
		const words = segment.content.split(/\s+/).length;
		if (next && next.start === segment.start && next.label && words >= 2 && !/[.,;:!…]$/.test(segment.content) && segment.content.length <= MAX_HEADING_LINE_CHARS) {
			headingShaped.add(segment);
		}
	}
	const counts = new Map<string, number>();
	for (const segment of nonEmpty) {
		if (segment.label && !headingShaped.has(segment)) counts.set(segment.label, (counts.get(segment.label) ?? 0) + 1);
	}
	const names = new Set<string>(extraNames);
	for (const [name, count] of counts) if (count >= 2 || isNameCased(name)) names.add(name);

	const turns: RawTurn[] = [];
	const headings: RawTranscriptHeading[] = [];
	const lead = text.slice(0, stamps[0]?.index ?? text.length).trim();
	if (lead) headings.push({ text: lead, before: 0 });
	for (const segment of nonEmpty) {
		const isTurn = segment.label !== undefined && names.has(segment.label);
		if (headingShaped.has(segment) && !isTurn) {
			headings.push({ text: segment.content, before: turns.length, start: segment.start });
		} else if (isTurn) {
			const turn: RawTurn = { label: segment.label!, start: segment.start, paragraphs: [], offset: segment.index };
			addText(turn, segment.body, segment.start);
			turns.push(turn);
		} else if (turns.length > 0) {
			addText(turns.at(-1), segment.content, segment.start);
		} else {
			throw new ParseProblem('transcript', 'transcript text before the first speaker label', segment.index);
		}
	}
	if (turns.length === 0) throw new ParseProblem('transcript', 'no speaker labels found in the transcript', 0);
	for (const turn of turns) {
		// The first paragraph's time is the turn's start; keep it only on the turn.
		if (turn.paragraphs[0]?.start === turn.start) delete turn.paragraphs[0]!.start;
	}
	chainEnds(turns);
	return { format: 'time-name-colon', turns: withText(turns), headings };
}

/** `Name: text [hh:mm:ss]`: each timestamp closes the turn before it and opens the next. */
function parseNameColonTime(text: string, stamps: Stamp[], extraNames: Iterable<string>): RawTranscript {
	const candidates: { before: string; atStart: boolean }[] = [];
	const starts = [0, ...stamps.map((stamp) => stamp.end)];
	for (const from of starts) {
		const label = OPENING_LABEL.exec(text.slice(from));
		if (label) candidates.push({ before: label[1]!, atStart: true });
	}
	const names = knownNames(candidates, extraNames);
	type Label = { index: number; end: number; label: string; start?: number; heading?: string };
	const labels: Label[] = [];
	for (const [n, from] of starts.entries()) {
		const to = stamps[n]?.index ?? text.length;
		const segment = text.slice(from, to);
		const match = HEADING_AND_LABEL.exec(segment);
		const start = n === 0 ? 0 : stamps[n - 1]!.seconds;
		if (match) {
			const label = labelAtEnd(match[2]!, names);
			if (label && names.has(label)) {
				const headingText = match[2]!.slice(0, match[2]!.length - label.length).trim();
				labels.push({
					index: from + match[1]!.length + match[2]!.length - label.length,
					end: from + match[0].length,
					label,
					start,
					...(headingText && looksLikeHeading(headingText) ? { heading: headingText } : {}),
				});
			}
		}
		labels.push(...untimedLabels(text, names, from, to).filter((u) => !labels.some((l) => u.index >= l.index && u.index < l.end)));
	}
	labels.sort((a, b) => a.index - b.index);
	if (labels.length === 0) throw new ParseProblem('transcript', 'no speaker labels found in the transcript', 0);

	const turns: RawTurn[] = [];
	const headings: RawTranscriptHeading[] = [];
	const lead = text.slice(0, labels[0]!.index).trim();
	if (lead) headings.push({ text: lead, before: 0 });
	for (const [i, label] of labels.entries()) {
		if (label.heading) headings.push({ text: label.heading, before: i, ...(label.start !== undefined ? { start: label.start } : {}) });
		const bodyEnd = labels[i + 1] ? labels[i + 1]!.index - (labels[i + 1]!.heading ? labels[i + 1]!.heading!.length : 0) : text.length;
		const turn: RawTurn = { label: label.label, paragraphs: [], offset: label.index };
		if (label.start !== undefined) turn.start = label.start;
		// Timestamps inside the turn's text: the last one closes it, earlier ones break paragraphs.
		let cursor = label.end;
		let pendingStart: number | undefined;
		for (const stamp of stamps.filter((s) => s.index >= label.end && s.index < bodyEnd)) {
			addText(turn, text.slice(cursor, stamp.index), pendingStart);
			turn.end = stamp.seconds;
			pendingStart = stamp.seconds;
			cursor = stamp.end;
		}
		const tail = text.slice(cursor, bodyEnd);
		if (tail.trim()) {
			addText(turn, tail, pendingStart);
			delete turn.end;
		}
		turns.push(turn);
	}
	// An untimed label breaks the chain: the turn after it has no known start.
	for (const [i, label] of labels.entries()) {
		const prev = turns[i - 1];
		const isTimed = label.index === 0 || text[trimmedEnd(text, label.index - (label.heading?.length ?? 0)) - 1] === ']';
		if (!isTimed) delete turns[i]!.start;
		else if (prev?.end !== undefined) turns[i]!.start = prev.end;
	}
	return { format: 'name-colon-time', turns: withText(turns), headings };
}

/**
 * Parses a transcript in any of the three layouts. `names` are speaker names
 * known from elsewhere (the show's hosts, the episode's guests) that help to
 * find labels glued to sentences. Throws a `ParseProblem` when no layout fits.
 */
export function parseTranscript(text: string, names: Iterable<string> = []): RawTranscript {
	const stamps = findTimestamps(text);
	const format = detectTranscriptFormat(text);
	switch (format) {
		case 'name-time-colon':
			return parseNameTimeColon(text, stamps, names);
		case 'time-name-colon':
			return parseTimeNameColon(text, stamps, names);
		case 'name-colon-time':
			return parseNameColonTime(text, stamps, names);
		default:
			throw new ParseProblem('transcript', 'unknown transcript layout: no speaker labels in any known format', 0);
	}
}
