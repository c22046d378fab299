/**
 * Transcripts that kept their paragraphs: a feed post gives each turn (or
 * caption line) a `<p>` of its own and marks speaker labels in bold, so no
 * label has to be guessed from glued text as in the dump. The layouts the
 * podcast's feed really uses:
 * - `<strong>Alessio</strong> [00:00:00]: text` (`name-time-colon`, as in the dump)
 * - `<strong>Alessio:</strong> [00:00:00] text` (`name-colon-time-start`)
 * - `<strong>Alessio</strong>: text [00:00:14]`, the time closing the turn (`name-colon-time`, as in the dump)
 * - `[00:00:00] <strong>swyx:</strong> text` with `[00:00:00] Heading` lines (`time-name-colon`, as in the dump)
 * - `<strong>Alessio:</strong> text` without times (`name-colon`)
 * - `[00:00:00] text` with no speaker at all (`time-text`)
 * - plain paragraphs with neither (`plain`)
 * Times are read with the dump's timestamp rule, and heading lines with its
 * heading rule, so both sources agree where their layouts coincide.
 */
import type { TranscriptFormat } from '../schemas/episode.ts';
import { TIMESTAMP_SOURCE } from '../shared/time.ts';
import { looksLikeHeading } from './blocks.ts';
import { MAX_HEADING_LINE_CHARS } from './labels.ts';
import { chainEnds, findTimestamps, type RawParagraph, type RawTranscript, type RawTranscriptHeading, type RawTurn } from './transcript.ts';

/** One paragraph of a transcript as the post has it. */
export interface TranscriptLine {
	/** Text before the bold label: nothing, or a timestamp (`[00:00:00] `). */
	lead: string;
	/** The bold label as written, without the colon after it; absent when the paragraph starts with no bold label. */
	label?: string;
	/** Whether the bold part closed with a colon (`<strong>Alessio:</strong>`): a label, never a heading. */
	labelColon?: boolean;
	/** The paragraph's text after the label (all of it when there is no label), timestamps still in it. */
	text: string;
	/** Whether the post marks the line as a heading (`<h3>[00:02:10] Why process supervision</h3>`). */
	heading?: boolean;
}

/** A line once its times are read. */
interface ReadLine {
	label?: string;
	/** Whether the line is a bold phrase on its own (`<strong>Introducing Wing</strong>`), or a heading the post marks as one. */
	boldOnly: boolean;
	/** Whether the post marks the line as a heading. */
	heading?: boolean;
	/** The time that opens the line: before or right after its label, or at its start. */
	start?: number;
	/** Where that time stood, for the layout. */
	startAt?: 'before-label' | 'after-label-colon' | 'after-label' | 'line';
	/** A time that closes the line (`…how's it going? [00:00:14]`). */
	close?: number;
	/** The text without its opening and closing times, cut into paragraphs at the times inside it. */
	paragraphs: RawParagraph[];
	/** 0-based index of the line, as the turn's offset. */
	index: number;
}

const LEADING_STAMP = new RegExp(String.raw`^\s*${TIMESTAMP_SOURCE}(:?)\s*`);
const CLOSING_STAMP = new RegExp(String.raw`\s*${TIMESTAMP_SOURCE}\s*$`);
/** Characters that are no text (zero-width spaces the posts leave in empty lines). */
const INVISIBLE = /[\u200b\u200c\u200d\u2060\ufeff]/g;

/** Text with invisible characters removed and whitespace collapsed. */
function clean(text: string): string {
	return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** Seconds of the first timestamp in `text` (already known to be one). */
function secondsOf(text: string): number {
	return findTimestamps(text)[0]!.seconds;
}

/**
 * Reads a line's times: the one before or after its label (or at its start)
 * opens it, one at its end closes it, and any inside it start a new paragraph.
 */
export function readTranscriptLine(line: TranscriptLine, index: number): ReadLine {
	const read: ReadLine = { boldOnly: false, paragraphs: [], index };
	let text = line.text;
	if (line.heading) {
		const stamp = LEADING_STAMP.exec(text);
		if (stamp) read.start = secondsOf(stamp[0]);
		return { ...read, boldOnly: true, heading: true, label: clean(stamp ? text.slice(stamp[0].length) : text) };
	}
	const lead = clean(line.lead);
	if (line.label !== undefined) {
		read.label = line.label;
		if (lead) {
			read.start = secondsOf(lead);
			read.startAt = 'before-label';
		}
		text = text.replace(/^\s*:+/, '');
		const stamp = LEADING_STAMP.exec(text);
		if (stamp && read.start === undefined) {
			read.start = secondsOf(stamp[0]);
			read.startAt = stamp[4] ? 'after-label-colon' : 'after-label';
			text = text.slice(stamp[0].length).replace(/^\s*:+/, '');
		}
		read.boldOnly = !line.labelColon && !lead && !clean(text);
	} else {
		const stamp = LEADING_STAMP.exec(text);
		if (stamp) {
			read.start = secondsOf(stamp[0]);
			read.startAt = 'line';
			text = text.slice(stamp[0].length);
		}
	}
	const closing = CLOSING_STAMP.exec(text);
	if (closing && clean(text.slice(0, closing.index))) {
		read.close = secondsOf(closing[0]);
		text = text.slice(0, closing.index);
	}
	// Times inside the text start a new paragraph, as mid-turn timestamps do in the dump.
	let cursor = 0;
	let paragraphStart: number | undefined;
	for (const stamp of findTimestamps(text)) {
		const piece = clean(text.slice(cursor, stamp.index));
		if (piece) read.paragraphs.push(paragraphStart === undefined ? { text: piece } : { start: paragraphStart, text: piece });
		paragraphStart = stamp.seconds;
		cursor = stamp.end;
	}
	const rest = clean(text.slice(cursor));
	if (rest) read.paragraphs.push(paragraphStart === undefined ? { text: rest } : { start: paragraphStart, text: rest });
	return read;
}

/** The words of a line's text, for the heading rule. */
const lineText = (line: ReadLine) => line.paragraphs.map((p) => p.text).join(' ');

/**
 * A heading line inside a transcript: a bold phrase on its own line, or a
 * short phrase that does not end like a sentence, stands at the same time as
 * the line after it, and is followed by a new sentence (`[00:00:19]
 * Introducing Joseph` `[00:00:19] Joseph, you and I…`). `[01:09:10] This was`
 * `[01:09:10] … great.` is a sentence cut in two, not a heading.
 */
export function isTranscriptHeadingLine(line: ReadLine, next: ReadLine | undefined): boolean {
	if (line.heading) return true;
	if (line.boldOnly) return line.label !== undefined && looksLikeHeading(line.label);
	if (line.label !== undefined || line.start === undefined || !next || next.start !== line.start) return false;
	const text = lineText(line);
	// What is said next, not who says it: `[01:09:10] This was` `[01:09:10] Reza Shabani: great.` goes on a sentence.
	const nextText = lineText(next);
	return text.split(' ').length >= 2 && text.length <= MAX_HEADING_LINE_CHARS && looksLikeHeading(text) && !/[.,;:!?…]$/.test(text) && /^[\p{Lu}\p{N}"“]/u.test(nextText);
}

/** The layout of a transcript's lines, from where their times stand. */
export function lineLayout(lines: readonly ReadLine[]): TranscriptFormat {
	const labelled = lines.filter((line) => line.label !== undefined && !line.boldOnly);
	if (labelled.length === 0) return lines.some((line) => line.start !== undefined) ? 'time-text' : 'plain';
	const counts = new Map<TranscriptFormat, number>();
	const add = (format: TranscriptFormat) => counts.set(format, (counts.get(format) ?? 0) + 1);
	for (const line of labelled) {
		if (line.startAt === 'before-label') add('time-name-colon');
		else if (line.startAt === 'after-label-colon') add('name-time-colon');
		else if (line.startAt === 'after-label') add('name-colon-time-start');
		else if (line.close !== undefined) add('name-colon-time');
	}
	const ranked = [...counts].sort((a, b) => b[1] - a[1]);
	return ranked[0]?.[0] ?? 'name-colon';
}

/**
 * Reads a transcript given as lines. A line with a label starts a turn; a
 * line without one goes on the turn above, or, in a transcript that names no
 * speaker at all, is a turn of its own with no speaker. Words before the
 * first label are kept as a turn with no speaker, never dropped. Where times
 * close turns (`name-colon-time`), a turn without a time of its own starts
 * where the one above it closed, and the first starts at 0, as in the dump.
 */
export function parseTranscriptLines(input: readonly TranscriptLine[]): RawTranscript {
	const lines = input.map(readTranscriptLine).filter((line) => line.paragraphs.length > 0 || line.label !== undefined);
	const format = lineLayout(lines);
	const named = format !== 'time-text' && format !== 'plain';
	const turns: RawTurn[] = [];
	const headings: RawTranscriptHeading[] = [];
	let closed: number | undefined;
	for (const [i, line] of lines.entries()) {
		if (isTranscriptHeadingLine(line, lines[i + 1])) {
			headings.push({ text: line.boldOnly ? line.label! : lineText(line), before: turns.length, ...(line.start !== undefined ? { start: line.start } : {}) });
			continue;
		}
		const current = turns.at(-1);
		if ((line.label !== undefined && !line.boldOnly) || !named || !current) {
			const start = line.start ?? (format === 'name-colon-time' ? (closed ?? (turns.length === 0 ? 0 : undefined)) : undefined);
			const label = line.boldOnly ? undefined : line.label;
			const turn: RawTurn = { ...(label !== undefined ? { label } : {}), paragraphs: [], offset: line.index };
			if (start !== undefined) turn.start = start;
			// A bold phrase that is no heading is said, not a label: keep its words.
			if (line.boldOnly && line.label) turn.paragraphs.push({ text: line.label });
			for (const paragraph of line.paragraphs) {
				const first = turn.paragraphs.length === 0 && (paragraph.start === undefined || paragraph.start === start);
				turn.paragraphs.push(first ? { text: paragraph.text } : paragraph);
			}
			if (line.close !== undefined) turn.end = line.close;
			turns.push(turn);
		} else {
			const lineStart = line.start ?? (format === 'name-colon-time' ? closed : undefined);
			if (line.boldOnly && line.label) current.paragraphs.push({ text: line.label });
			for (const [n, paragraph] of line.paragraphs.entries()) {
				const start = n === 0 ? lineStart : paragraph.start;
				current.paragraphs.push(start === undefined ? { text: paragraph.text } : { start, text: paragraph.text });
			}
			if (line.close !== undefined) current.end = line.close;
		}
		closed = line.close;
	}
	for (const turn of turns) if (turn.paragraphs.length === 0) turn.paragraphs.push({ text: '' });
	chainEnds(turns);
	return { format, turns, headings };
}
