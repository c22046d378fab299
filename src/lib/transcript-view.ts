/**
 * The transcript as the page shows it: speaker turns with the chapter
 * headings placed where each chapter starts, and the dump's own section
 * headings where it put them. A dump heading that repeats the chapter title
 * at the same place is shown once.
 */
import type { EpisodeEntry } from '../schemas/entry.ts';
import type { Chapter, Speaker, TranscriptHeading, Turn } from '../schemas/episode.ts';

/** One thing in the rendered transcript, in reading order. */
export type TranscriptItem =
	| { kind: 'chapter'; chapter: Chapter; alias?: string }
	| { kind: 'heading'; heading: TranscriptHeading }
	| { kind: 'turn'; turn: Turn; speaker?: Speaker | undefined };

const comparable = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Interleaves chapters and headings with the turns. A chapter goes before the
 * first turn that starts at or after it (turns without a time count as
 * starting at the last known time); chapters after the last turn go at the end.
 */
export function transcriptItems(episode: EpisodeEntry): TranscriptItem[] {
	const transcript = episode.transcript;
	if (!transcript) return [];
	const speakers = new Map(episode.speakers.map((speaker) => [speaker.id, speaker]));
	const chapters = [...episode.chapters].sort((a, b) => a.start - b.start);
	const items: TranscriptItem[] = [];
	let next = 0;
	let lastKnown = 0;
	for (const [index, turn] of transcript.turns.entries()) {
		lastKnown = turn.start ?? lastKnown;
		const placed: TranscriptItem[] = [];
		while (next < chapters.length && chapters[next]!.start <= lastKnown) placed.push({ kind: 'chapter', chapter: chapters[next++]! });
		for (const heading of transcript.headings.filter((h) => h.before === index)) {
			const twin = placed.find((item) => item.kind === 'chapter' && !item.alias && comparable(item.chapter.title) === comparable(heading.text));
			if (twin?.kind === 'chapter') twin.alias = heading.id;
			else placed.push({ kind: 'heading', heading });
		}
		items.push(...placed, { kind: 'turn', turn, speaker: turn.speaker === undefined ? undefined : speakers.get(turn.speaker)! });
	}
	while (next < chapters.length) items.push({ kind: 'chapter', chapter: chapters[next++]! });
	return items;
}

/**
 * The heading level of each of the dump's own headings: below a chapter
 * heading (h3) it is an h4; before the first chapter it is an h3 itself, so
 * the outline never skips a level.
 */
export function headingLevels(items: readonly TranscriptItem[]): Map<TranscriptItem, 3 | 4> {
	const levels = new Map<TranscriptItem, 3 | 4>();
	let afterChapter = false;
	for (const item of items) {
		if (item.kind === 'chapter') afterChapter = true;
		if (item.kind === 'heading') levels.set(item, afterChapter ? 4 : 3);
	}
	return levels;
}
