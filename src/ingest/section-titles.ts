/**
 * The titles the podcast's posts give their sections, in one place: the dump
 * parser finds them glued to the text around them, the feed parser finds them
 * as paragraphs or headings of their own. Longer titles come first, so a
 * pattern built from a list prefers `Timestamps & Show Notes` to `Timestamps`.
 */

/** Titles of the chapter list (`Timestamps & Show Notes` also holds the show notes, as notes of chapters). */
export const CHAPTERS_TITLES = ['Timestamps & Show Notes', 'Podcast Timestamps', 'Timestamps', 'Chapters'] as const;
/** Titles of the show notes. */
export const SHOW_NOTES_TITLES = ['Show Notes'] as const;
/** Titles of the transcript. */
export const TRANSCRIPT_TITLES = ['Transcripts', 'Transcript', 'Transcription'] as const;

/** The kinds of section a title can start. */
export type SectionTitleKind = 'chapters' | 'showNotes' | 'transcript';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A regex alternation of titles, longest first: `(?:Timestamps & Show Notes|…)`. */
export function titlesSource(titles: readonly string[]): string {
	return `(?:${[...titles].sort((a, b) => b.length - a.length).map(escape).join('|')})`;
}

const WHOLE = {
	chapters: new RegExp(`^${titlesSource(CHAPTERS_TITLES)}$`, 'i'),
	showNotes: new RegExp(`^${titlesSource(SHOW_NOTES_TITLES)}$`, 'i'),
	transcript: new RegExp(`^${titlesSource(TRANSCRIPT_TITLES)}$`, 'i'),
} as const;

/**
 * The section a block's whole text names, or undefined: `Chapters`,
 * `Timestamps:`, `Show notes`, `Transcript:` (case and one closing colon
 * do not matter, as the posts vary in both).
 */
export function sectionTitleKind(text: string): SectionTitleKind | undefined {
	const title = text.trim().replace(/\s*:$/, '').replace(/\s+/g, ' ');
	if (WHOLE.transcript.test(title)) return 'transcript';
	if (WHOLE.chapters.test(title)) return 'chapters';
	if (WHOLE.showNotes.test(title)) return 'showNotes';
	return undefined;
}
