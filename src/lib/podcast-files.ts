/**
 * The machine-readable files podcast apps read, in the Podcasting 2.0
 * formats: JSON chapters 1.2, JSON transcripts and WebVTT. Pure functions of
 * an episode entry; the endpoints in src/pages only serve their output.
 */
import type { EpisodeEntry } from '../schemas/entry.ts';
import { srtTime, vttTime } from '../shared/time.ts';

/** JSON chapters 1.2: https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/jsonChapters.md */
export interface ChaptersFile {
	version: '1.2.0';
	title: string;
	podcastName: string;
	chapters: { startTime: number; title: string; url: string }[];
}

/** Chapters of an episode; `url` is the chapter's heading on the episode page. */
export function chaptersFile(episode: Pick<EpisodeEntry, 'title' | 'show' | 'chapters'>, pageUrl: string): ChaptersFile {
	return {
		version: '1.2.0',
		title: episode.title,
		podcastName: episode.show,
		chapters: episode.chapters.map((chapter) => ({ startTime: chapter.start, title: chapter.title, url: `${pageUrl}#${chapter.id}` })),
	};
}

/** One segment per speaker label, as in the Podcasting 2.0 JSON transcript format. */
export interface TranscriptSegment {
	/** Absent where the transcript names no speaker. */
	speaker?: string;
	startTime?: number;
	endTime?: number;
	body: string;
}

/** JSON transcript: https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/examples/transcripts/transcripts.md */
export interface TranscriptFile {
	version: '1.0.0';
	segments: TranscriptSegment[];
}

/** The name a turn is attributed to: the speaker's full name; none for a turn the transcript names no speaker for. */
function speakerName(episode: EpisodeEntry, id: string | undefined): string | undefined {
	if (id === undefined) return undefined;
	return episode.speakers.find((speaker) => speaker.id === id)?.name ?? id;
}

/** The turn's text without timestamps: its paragraphs joined by a blank line. */
export function turnBody(paragraphs: readonly { text: string }[]): string {
	return paragraphs.map((paragraph) => paragraph.text).join('\n\n');
}

/** The transcript as segments, one per turn, with times where the dump gives them. */
export function transcriptFile(episode: EpisodeEntry): TranscriptFile {
	return {
		version: '1.0.0',
		segments: (episode.transcript?.turns ?? []).map((turn) => ({
			...(turn.speaker !== undefined ? { speaker: speakerName(episode, turn.speaker) } : {}),
			...(turn.start !== undefined ? { startTime: turn.start } : {}),
			...(turn.end !== undefined ? { endTime: turn.end } : {}),
			body: turnBody(turn.paragraphs),
		})),
	};
}

/** Escapes cue text for WebVTT. */
function vttText(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/-->/g, '--&gt;');
}

/** One caption: a stretch of the episode and who says what in it. */
export interface Cue {
	start: number;
	end: number;
	/** Full name of the speaker whose turn starts the cue; absent where the transcript names no speaker. */
	speaker: string | undefined;
	/** What is said, one line per paragraph; a turn merged into the cue starts its line with its speaker. */
	text: string;
}

/**
 * The transcript as captions, one cue per turn, shared by WebVTT and SubRip.
 * A cue needs both times: a turn without a start takes the previous cue's
 * end, one without an end the next known start (or the episode's end). Turns
 * whose times cannot be placed after the previous cue are merged into it, so
 * cues never overlap and their starts increase.
 */
export function transcriptCues(episode: EpisodeEntry): Cue[] {
	const turns = episode.transcript?.turns ?? [];
	const cues: Cue[] = [];
	for (const [i, turn] of turns.entries()) {
		const previous = cues.at(-1);
		const start = turn.start ?? previous?.end ?? 0;
		const nextStart = turns.slice(i + 1).find((t) => t.start !== undefined)?.start;
		const end = turn.end ?? nextStart ?? Math.max(episode.duration, start + 1);
		const speaker = speakerName(episode, turn.speaker);
		// A blank line would end a caption early in both formats.
		const text = turn.paragraphs
			.map((paragraph) => paragraph.text.replace(/\s*\n\s*/g, ' ').trim())
			.filter(Boolean)
			.join('\n');
		if (previous && (start < previous.end || end <= start)) {
			previous.text += `\n${speaker === previous.speaker || speaker === undefined ? '' : `${speaker}: `}${text}`;
			previous.end = Math.max(previous.end, end);
			continue;
		}
		cues.push({ start, end: Math.max(end, start + 1), speaker, text });
	}
	return cues;
}

/** The transcript as WebVTT, one cue per turn (see `transcriptCues`) with a voice tag. */
export function transcriptVtt(episode: EpisodeEntry): string {
	const body = transcriptCues(episode).map((cue, i) => `${i + 1}\n${vttTime(cue.start)} --> ${vttTime(cue.end)}\n${cue.speaker === undefined ? '' : `<v ${vttText(cue.speaker)}>`}${vttText(cue.text)}`);
	return `WEBVTT\n\n${body.join('\n\n')}\n`;
}

/**
 * The transcript as SubRip (`.srt`), the captions format most players and
 * editors read: the same cues as the WebVTT file, numbered from 1, times as
 * `HH:MM:SS,mmm`, the speaker's name before the text. SubRip has no escapes;
 * players read `<b>`, `<i>` and `<font>` as styling, so angle brackets from
 * the dump become look-alike characters there and nothing else changes.
 */
export function transcriptSrt(episode: EpisodeEntry): string {
	const srtText = (text: string) => text.replace(/</g, '‹').replace(/>/g, '›');
	const body = transcriptCues(episode).map((cue, i) => `${i + 1}\n${srtTime(cue.start)} --> ${srtTime(cue.end)}\n${srtText(cue.speaker === undefined ? cue.text : `${cue.speaker}: ${cue.text}`)}`);
	return `${body.join('\n\n')}\n`;
}
