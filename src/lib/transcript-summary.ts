/**
 * Counts of a transcript, made once when the content collection loads an
 * entry, so pages that list or compare episodes never walk the text.
 */
import type { EpisodeEntry, EpisodeSummary, SpeakerCount, TranscriptSummary } from '../schemas/entry.ts';
import type { Transcript } from '../schemas/episode.ts';

/** Words in a piece of text: runs of non-space characters. */
export const countWords = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** Turns and words in a transcript, in all and per speaker id. */
export function summarizeTranscript(transcript: Transcript): TranscriptSummary {
	const speakers: Record<string, SpeakerCount> = {};
	let words = 0;
	for (const turn of transcript.turns) {
		const turnWords = turn.paragraphs.reduce((sum, paragraph) => sum + countWords(paragraph.text), 0);
		if (turn.speaker !== undefined) {
			const count = (speakers[turn.speaker] ??= { turns: 0, words: 0 });
			count.turns++;
			count.words += turnWords;
		}
		words += turnWords;
	}
	return { turns: transcript.turns.length, words, speakers };
}

/**
 * The entry as the collection keeps it: its transcript replaced by the counts
 * (and the entry file's `generated` note left out, which is for people only).
 */
export function summarizeEpisode({ transcript, ...entry }: EpisodeEntry & { generated?: string }): EpisodeSummary {
	const { generated: _, ...rest } = entry;
	return transcript ? { ...rest, transcript: summarizeTranscript(transcript) } : rest;
}
