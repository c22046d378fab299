/**
 * Finds the parts of an episode body: description, show notes, chapter list,
 * transcript and footer. Their headings are glued to the text around them
 * (`…* FigureChapters* [00:00:00] Introductions…`), and some are missing.
 */
import type { SeamContext } from './glue.ts';
import { CHAPTER_ITEM, parseChapterList, type ChapterList } from './chapters.ts';
import { FIRST_LABEL_SOURCE } from './labels.ts';
import { CHAPTERS_TITLES, SHOW_NOTES_TITLES, TRANSCRIPT_TITLES, titlesSource } from './section-titles.ts';

/** The kinds of part a body has, in the model's terms. */
export type SectionKind = 'description' | 'showNotes' | 'chapters' | 'transcript' | 'footer';

/** A part of the body: `[start, end)` offsets, and the heading as written where it has one. */
export interface Section {
	kind: SectionKind;
	start: number;
	end: number;
	/** The heading as written (`Timestamps & Show Notes`), not part of the content. */
	heading?: string;
	/** Offset where the content starts, after the heading. */
	contentStart: number;
}

/** The body cut into sections that together cover it from start to end, in order. */
export interface BodySections {
	sections: Section[];
	/** The chapter list, already read, when the body has one. */
	chapterList?: ChapterList;
}

/** The footer every episode ends with: ` Get full access to Latent.Space at www.latent.space/subscribe`. */
const FOOTER_START = 'Get full access to ';
const FOOTER_REST = /Get full access to \S[^\n]*? at \S+\s*$/uy;

/**
 * Where the footer starts (with the whitespace before it), or undefined. Only
 * the places where its words occur are tried: a regex starting with `\s*`
 * would be tried at every character of the body.
 */
export function footerStart(body: string): number | undefined {
	for (let at = body.indexOf(FOOTER_START); at >= 0; at = body.indexOf(FOOTER_START, at + 1)) {
		FOOTER_REST.lastIndex = at;
		if (!FOOTER_REST.test(body)) continue;
		let start = at;
		while (start > 0 && /\s/u.test(body[start - 1]!)) start--;
		return start;
	}
	return undefined;
}

/**
 * The transcript heading: `Transcript`, `Transcripts` or `Transcription`
 * directly followed by the first label (`Alessio [00:00:00]:`, `[00:00:00]`
 * or `Swyx:`), which tells it from the word used in a sentence.
 */
const TRANSCRIPT_HEADING = new RegExp(
	String.raw`(${titlesSource(TRANSCRIPT_TITLES)})(?=\[\d{1,2}:\d{2}|${FIRST_LABEL_SOURCE}(?: \[\d{1,2}:\d{2}(?::\d{2})?\])?:+\s)`,
	'u',
);

/** A chapter-list heading glued to the text after it (`Timestamps* [`, `Chapters* `, `Timestampsthe cleaned…`). */
const CHAPTERS_HEADING = new RegExp(`(${titlesSource(CHAPTERS_TITLES)})(?=\\S)`, 'gu');

/** A show-notes heading glued to what follows (`Show Notes* Suno`, `Show NotesCompanies…`). */
export const SHOW_NOTES_HEADING = new RegExp(`${titlesSource(SHOW_NOTES_TITLES)}(?=\\S)`, 'u');

/** How far before the first chapter item its heading may stand (`Timestampsthe cleaned part is only part 2:`). */
const CHAPTER_HEADING_REACH = 120;

/**
 * Cuts a body into sections. The transcript starts at its heading; the
 * chapter list at its heading or, without one, at the first `* [hh:mm:ss]`
 * item; show notes at `Show Notes`. What follows the chapter list before the
 * next section (`Papers covered* …`, a closing remark) is filed with the show
 * notes. The description is everything before the first section.
 */
export function findSections(body: string, context: SeamContext): BodySections {
	const footer = footerStart(body);
	const contentEnd = footer ?? body.length;
	const content = body.slice(0, contentEnd);

	const chapterItem = CHAPTER_ITEM.exec(content);
	// The transcript heading comes after the chapter list, which mentions none.
	const transcriptMatch = matchFrom(TRANSCRIPT_HEADING, content, chapterItem?.index ?? 0);
	const transcriptStart = transcriptMatch?.index ?? contentEnd;
	const item = chapterItem && chapterItem.index < transcriptStart ? chapterItem : undefined;

	const starts: Section[] = [];
	let chapterList: ChapterList | undefined;
	if (item) {
		const windowStart = Math.max(0, item.index - CHAPTER_HEADING_REACH);
		// One character past the item's start, so a heading glued to it (`Chapters* [`) is followed by something.
		const heading = [...content.slice(windowStart, item.index + 1).matchAll(CHAPTERS_HEADING)].at(-1);
		const headingStart = heading ? windowStart + heading.index : item.index;
		const listText = content.slice(item.index, transcriptStart);
		chapterList = parseChapterList(listText, new RegExp(`${titlesSource(SHOW_NOTES_TITLES)}(?=\\S|$)`, 'u'), context);
		const introText = heading ? content.slice(headingStart + heading[0].length, item.index) : '';
		starts.push({
			kind: 'chapters',
			start: headingStart,
			end: item.index + chapterList.end,
			contentStart: headingStart + (heading?.[0].length ?? 0),
			...(heading ? { heading: heading[0] } : {}),
		});
		if (introText.trim()) chapterList.intro.unshift(introText.trim());
		const after = item.index + chapterList.end;
		if (content.slice(after, transcriptStart).trim() && !SHOW_NOTES_HEADING.test(content.slice(after, after + 11))) {
			starts.push({ kind: 'showNotes', start: after, end: after, contentStart: after });
		}
	}
	for (const match of content.slice(0, transcriptStart).matchAll(new RegExp(SHOW_NOTES_HEADING, 'gu'))) {
		const insideChapters = starts.some((s) => s.kind === 'chapters' && match.index >= s.start && match.index < s.end);
		if (!insideChapters) {
			starts.push({ kind: 'showNotes', start: match.index, end: match.index, heading: match[0], contentStart: match.index + match[0].length });
			break;
		}
	}
	if (transcriptMatch) {
		starts.push({
			kind: 'transcript',
			start: transcriptStart,
			end: contentEnd,
			heading: transcriptMatch[1]!,
			contentStart: transcriptStart + transcriptMatch[1]!.length,
		});
	}
	starts.sort((a, b) => a.start - b.start);

	// Each section runs to the start of the next; the chapter list keeps its own end.
	const sections: Section[] = [];
	const firstStart = starts[0]?.start ?? contentEnd;
	sections.push({ kind: 'description', start: 0, end: firstStart, contentStart: 0 });
	for (const [i, section] of starts.entries()) {
		const next = starts[i + 1]?.start ?? contentEnd;
		sections.push({ ...section, end: section.kind === 'chapters' ? Math.min(section.end, next) : next });
	}
	if (footer !== undefined) sections.push({ kind: 'footer', start: contentEnd, end: body.length, contentStart: contentEnd });
	return { sections, ...(chapterList ? { chapterList } : {}) };
}

/** `pattern.exec` starting at `from`, with offsets into the whole text. */
function matchFrom(pattern: RegExp, text: string, from: number): RegExpExecArray | undefined {
	const sticky = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
	sticky.lastIndex = from;
	return sticky.exec(text) ?? undefined;
}
