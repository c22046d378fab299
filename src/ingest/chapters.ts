/** The chapter list: `* [00:01:14] Title`, `* Title [00:01:11]`, with notes nested under chapters. */
import { TIMESTAMP_SOURCE, timestampToSeconds } from '../shared/time.ts';
import { isBlockBoundary, type SeamContext } from './glue.ts';
import { listItemSpans, splitTrailingProse } from './blocks.ts';
import { ParseProblem } from './problems.ts';

/** A chapter as written in the list, before anchors are assigned. */
export interface RawChapter {
	start: number;
	title: string;
	notes: string[];
	/** Offset of the item in the text given to `parseChapterList`, for error positions. */
	offset: number;
}

/** The result of reading a chapter list. */
export interface ChapterList {
	chapters: RawChapter[];
	/** Items before the first chapter (rare): kept as an introduction. */
	intro: string[];
	/** Offset where the list ends: what follows (`Papers covered…`) is not part of it. */
	end: number;
}

const LEADING_TIME = new RegExp(String.raw`^${TIMESTAMP_SOURCE}\s*([\s\S]*)$`);
const TRAILING_TIME = new RegExp(String.raw`^([\s\S]*?)\s*${TIMESTAMP_SOURCE}$`);
/** A time without brackets opening an item, with or without a colon: `00:29: Logan’s path to OpenAI`, `00:05:00 In this section…`. */
const BARE_LEADING_TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?:?\s+(\S[\s\S]*)$/;
/** A chapter item, in either order, as it appears glued in a body: used to find where a list starts. */
export const CHAPTER_ITEM = new RegExp(String.raw`\*\s*${TIMESTAMP_SOURCE}|\*\s[^*\[\]]{1,160}?\s?${TIMESTAMP_SOURCE}(?=\*|\s*$|\p{Lu})`, 'u');

/**
 * Reads one list item as a chapter: `[00:01:14] Title`, `Title [00:01:11]` or
 * `00:29: Title` (the feed's posts write times without brackets too).
 * Returns undefined for an item without a timestamp (a note), and throws a
 * `ParseProblem` for a timestamp that cannot be read (`[00:75:00]`).
 */
export function readChapterItem(item: string): { start: number; title: string } | undefined {
	const leading = LEADING_TIME.exec(item) ?? BARE_LEADING_TIME.exec(item);
	const trailing = leading ? undefined : TRAILING_TIME.exec(item);
	const match = leading ?? trailing;
	if (!match) return undefined;
	const [h, m, s] = leading ? [match[1]!, match[2]!, match[3]] : [match[2]!, match[3]!, match[4]];
	const title = (leading ? match[4]! : match[1]!).trim();
	const start = timestampToSeconds(h, m, s);
	if (start === undefined) throw new ParseProblem('chapters', `unreadable timestamp in chapter “${item.slice(0, 80)}”`);
	if (!title) throw new ParseProblem('chapters', `chapter at [${h}:${m}${s ? `:${s}` : ''}] has no title`);
	return { start, title };
}

/**
 * Where a list item stops belonging to the list: at a section heading glued to
 * it (`…from LeoShow Notes`), or at a block boundary inside it (`State Space
 * Models (Chris Ré)Papers covered`). Returns the offset inside the item, or -1.
 */
export function itemEnd(item: string, sectionHeading: RegExp): number {
	const heading = sectionHeading.exec(item);
	for (let i = 1; i < item.length; i++) {
		if (heading && i === heading.index) return i;
		if (isBlockBoundary(item, i) && item[i] !== '*') return i;
	}
	return heading ? heading.index : -1;
}

/**
 * Reads a chapter list that starts at the beginning of `text`. Items without
 * a timestamp become notes of the chapter before them (the `Timestamps & Show
 * Notes` layout). The list ends at the first item that has prose or a section
 * heading glued to it; for the last item, prose glued at a seam
 * (`…Hiring at ReplicateThis summary covers…`) also ends it.
 */
export function parseChapterList(text: string, sectionHeading: RegExp, context: SeamContext): ChapterList {
	const chapters: RawChapter[] = [];
	const intro: string[] = [];
	const spans = listItemSpans(text);
	let end = text.length;
	for (const [n, [start, spanEnd]] of spans.entries()) {
		let item = text.slice(start, spanEnd);
		let stop = itemEnd(item, sectionHeading);
		if (stop < 0 && n === spans.length - 1) {
			const [kept, rest] = splitTrailingProse(item.trim(), context);
			if (rest !== undefined) stop = item.indexOf(rest);
			else if (kept !== item.trim()) stop = item.indexOf(kept) + kept.length;
		}
		if (stop >= 0) {
			item = item.slice(0, stop);
			end = start + stop;
		}
		const trimmed = item.trim();
		if (trimmed) {
			const chapter = readChapterItem(trimmed);
			if (chapter) chapters.push({ ...chapter, notes: [], offset: start });
			else if (chapters.length > 0) chapters.at(-1)!.notes.push(trimmed);
			else intro.push(trimmed);
		}
		if (stop >= 0) break;
	}
	return { chapters, intro, end };
}
