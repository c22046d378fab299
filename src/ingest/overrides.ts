/**
 * Heading corrections from overrides.json: text the parser left in a
 * paragraph that is really a heading, and headings it invented from text.
 * Pure functions of an episode; the speaker, title and slug corrections are
 * applied while the episode is assembled (`assembleEpisode`).
 */
import type { Block, Episode, Inline, TranscriptHeading } from '../schemas/episode.ts';
import { isPageId } from '../shared/page-ids.ts';
import { AnchorRegistry, slugify } from '../shared/slug.ts';
import { headingBlock } from './blocks.ts';
import { inlineText, parseInline } from './inline.ts';

/** Every anchor id the episode's content already uses, so a new heading never takes one (the page's own: `isPageId`). */
function usedIds(episode: Episode): string[] {
	const blockIds = (blocks: readonly Block[]) => blocks.flatMap((block) => (block.type === 'heading' ? [block.id] : []));
	return [
		...blockIds(episode.description),
		...blockIds(episode.showNotes),
		...episode.chapters.map((chapter) => chapter.id),
		...(episode.transcript?.turns.map((turn) => turn.id) ?? []),
		...(episode.transcript?.headings.map((heading) => heading.id) ?? []),
	];
}

/** A transcript heading id, made as the parser makes them. */
function transcriptHeadingId(text: string, anchors: AnchorRegistry): string {
	const slug = slugify(text, 50) || 'section';
	return anchors.claim(/^[a-z]/.test(slug) ? slug : `s-${slug}`);
}

/** Turns the prose heading with this text back into text, at the start of the paragraph after it. */
function unmarkProseHeading(blocks: Block[], text: string): boolean {
	const index = blocks.findIndex((block) => block.type === 'heading' && block.text.trim() === text.trim());
	if (index < 0) return false;
	const heading = blocks[index]!;
	if (heading.type !== 'heading') return false;
	const next = blocks[index + 1];
	if (next?.type === 'paragraph') blocks.splice(index, 2, { type: 'paragraph', content: [...parseInline(`${heading.text} `), ...next.content] });
	else blocks.splice(index, 1, { type: 'paragraph', content: parseInline(heading.text) });
	return true;
}

/** Splits the first paragraph that contains the text into paragraph, heading, paragraph. */
function markProseHeading(blocks: Block[], text: string, level: 2 | 3, anchors: AnchorRegistry): boolean {
	for (const [index, block] of blocks.entries()) {
		if (block.type !== 'paragraph') continue;
		// As the source writes it: emphasis keeps its `*`, so a heading's `text` round-trips.
		const source = inlineText(block.content, true);
		const at = source.indexOf(text);
		if (at < 0) continue;
		const before = source.slice(0, at).trim();
		const after = source.slice(at + text.length).trim();
		const replacement: Block[] = [
			...(before ? [{ type: 'paragraph' as const, content: parseInline(before) }] : []),
			headingBlock(text.trim(), level, anchors),
			...(after ? [{ type: 'paragraph' as const, content: parseInline(after) }] : []),
		];
		blocks.splice(index, 1, ...replacement);
		return true;
	}
	return false;
}

/** Turns a transcript heading back into text: the end of the turn before it (or the start of the first turn). */
function unmarkTranscriptHeading(episode: Episode, text: string): boolean {
	const transcript = episode.transcript;
	const index = transcript?.headings.findIndex((heading) => heading.text.trim() === text.trim()) ?? -1;
	if (!transcript || index < 0) return false;
	const [heading] = transcript.headings.splice(index, 1) as [TranscriptHeading];
	const previous = transcript.turns[heading.before - 1];
	if (previous) {
		const last = previous.paragraphs.at(-1)!;
		last.text = `${last.text} ${heading.text}`.trim();
	} else {
		const first = transcript.turns[0]!.paragraphs[0]!;
		first.text = `${heading.text} ${first.text}`.trim();
	}
	return true;
}

/** Makes text at the end of a turn (or the start of one) a heading before the next turn (or that one). */
function markTranscriptHeading(episode: Episode, text: string, anchors: AnchorRegistry): boolean {
	const transcript = episode.transcript;
	if (!transcript) return false;
	const wanted = text.trim();
	for (const [i, turn] of transcript.turns.entries()) {
		const last = turn.paragraphs.at(-1)!;
		const next = transcript.turns[i + 1];
		if (next && last.text.endsWith(wanted) && last.text.length > wanted.length) {
			last.text = last.text.slice(0, -wanted.length).trim();
			const heading = { id: transcriptHeadingId(wanted, anchors), text: wanted, before: i + 1, ...(next.start !== undefined ? { start: next.start } : {}) };
			transcript.headings.push(heading);
			return true;
		}
		const first = turn.paragraphs[0]!;
		if (first.text.startsWith(wanted) && first.text.length > wanted.length) {
			first.text = first.text.slice(wanted.length).trim();
			transcript.headings.push({ id: transcriptHeadingId(wanted, anchors), text: wanted, before: i, ...(turn.start !== undefined ? { start: turn.start } : {}) });
			return true;
		}
	}
	return false;
}

/**
 * Applies heading corrections to a copy of the episode: `remove` turns a
 * heading (in the description, show notes or transcript) back into the text
 * around it; `add` makes text a heading where it stands in a paragraph, or
 * where it ends or starts a transcript turn. Returns the corrected episode and
 * a description of each correction that matched nothing.
 */
export function correctHeadings(episode: Episode, corrections: { add: readonly string[]; remove: readonly string[] }): { episode: Episode; unmatched: string[] } {
	if (corrections.add.length === 0 && corrections.remove.length === 0) return { episode, unmatched: [] };
	const result = structuredClone(episode);
	const unmatched: string[] = [];
	for (const text of corrections.remove) {
		const done = unmarkProseHeading(result.description, text) || unmarkProseHeading(result.showNotes, text) || unmarkTranscriptHeading(result, text);
		if (!done) unmatched.push(`headings.remove “${text}” is no heading of the episode`);
	}
	const anchors = new AnchorRegistry(usedIds(result), isPageId);
	for (const text of corrections.add) {
		const done =
			markProseHeading(result.description, text, 2, anchors) || markProseHeading(result.showNotes, text, 3, anchors) || markTranscriptHeading(result, text, anchors);
		if (!done) unmatched.push(`headings.add “${text}” is in no paragraph and at no turn's start or end`);
	}
	result.transcript?.headings.sort((a, b) => a.before - b.before);
	return { episode: result, unmatched };
}
