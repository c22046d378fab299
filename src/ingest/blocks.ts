/** Recovers paragraphs, headings and lists from a stretch of flattened prose. */
import type { Block, ListItem } from '../schemas/episode.ts';
import type { AnchorRegistry } from '../shared/slug.ts';
import { slugify } from '../shared/slug.ts';
import { findSeams, seamCandidates, splitAtBlockBoundaries, type SeamContext } from './glue.ts';
import { parseInline } from './inline.ts';

/** Longest text, in words and characters, that still reads as a heading. */
const MAX_HEADING_WORDS = 12;
const MAX_HEADING_CHARS = 100;

/**
 * True when text can be a heading: short, a single phrase (no sentence end
 * inside it), not ending like a clause that goes on (`,` `;` `(`).
 */
export function looksLikeHeading(text: string): boolean {
	const trimmed = text.trim();
	if (!trimmed || trimmed.length > MAX_HEADING_CHARS) return false;
	if (trimmed.split(/\s+/).length > MAX_HEADING_WORDS) return false;
	if (/[.!?…]["”’)]?\s/.test(trimmed)) return false;
	if (/[,;(“‘—–-]$/.test(trimmed) || /\.$/.test(trimmed) || /^[-–—•]/.test(trimmed)) return false;
	return /\p{L}/u.test(trimmed);
}

/** Offset just after the last sentence end (`. `, `! `, `? `) before `index`, or 0. */
function sentenceStartBefore(text: string, index: number): number {
	const before = text.slice(0, index);
	let start = 0;
	for (const match of before.matchAll(/[.!?…]["”’)]?\s+/g)) start = match.index + match[0].length;
	return start;
}

/** Offsets in `text[from, to)` where a capitalised word is glued to the word before and the whole is no known word. */
function gluedJoins(text: string, from: number, to: number, context: SeamContext): number[] {
	const joins: number[] = [];
	for (const match of text.slice(from, to).matchAll(/\S+/g)) {
		for (const point of seamCandidates(match[0])) {
			const word = /[\p{L}\p{N}]*$/u.exec(match[0].slice(0, point))![0] + /^[\p{L}\p{N}]*/u.exec(match[0].slice(point))![0];
			if (!context.vocabulary.has(word)) joins.push(from + match.index + point);
		}
	}
	return joins;
}

/** A piece of prose: either running text or a heading recovered from a seam. */
export type ProseSegment = { kind: 'text'; text: string } | { kind: 'heading'; text: string };

/**
 * Splits one block of prose at glued headings: a short phrase that starts a
 * block or follows a sentence end and runs into the next paragraph without a
 * space (`…his definition of useful AGI.` | `Why Google *couldn’t* make GPT-3` |
 * `While we wanted…`). The heading ends at a strong seam and starts after the
 * previous sentence end or seam.
 */
export function splitGluedHeadings(text: string, context: SeamContext): ProseSegment[] {
	const segments: ProseSegment[] = [];
	const seams = findSeams(text, context);
	let cursor = 0;
	for (const [n, seam] of seams.entries()) {
		if (seam.strength !== 'strong' || seam.index <= cursor) continue;
		const previousSeam = seams
			.slice(0, n)
			.filter((s) => s.index > cursor)
			.at(-1)?.index;
		let start = Math.max(cursor, sentenceStartBefore(text, seam.index), previousSeam ?? 0);
		if (!looksLikeHeading(text.slice(start, seam.index))) {
			// The sentence before is too long to be a heading: a glued join inside it may be where the heading starts.
			const join = gluedJoins(text, start, seam.index, context).find((index) => looksLikeHeading(text.slice(index, seam.index)));
			if (join === undefined) continue;
			start = join;
		}
		const heading = text.slice(start, seam.index);
		const before = text.slice(cursor, start).trim();
		if (before) segments.push({ kind: 'text', text: before });
		segments.push({ kind: 'heading', text: heading.trim() });
		cursor = seam.index;
	}
	const rest = text.slice(cursor).trim();
	if (rest) segments.push({ kind: 'text', text: rest });
	return segments;
}

/**
 * Finds the items of a glued list (`* ACT-1 (Sept 2022): …* Persimmon-8B …`)
 * as `[start, end)` offsets of their text. A `*` followed by a space separates
 * items unless it closes an emphasis opened in the same item (`* a *big* deal`)
 * or ends a run of stars (`F*** you`).
 */
export function listItemSpans(text: string): [number, number][] {
	const spans: [number, number][] = [];
	let start = /^\s*\*\s/.exec(text)?.[0].length ?? 0;
	let emphasisOpen = false;
	for (let i = start; i < text.length; i++) {
		if (text[i] !== '*') continue;
		const prev = text[i - 1];
		const next = text[i + 1];
		const opensEmphasis = (prev === undefined || /[\s(\[“"‘]/.test(prev)) && next !== undefined && !/[\s*]/.test(next);
		if (opensEmphasis) {
			emphasisOpen = true;
		} else if (next === ' ' && prev !== '*' && !emphasisOpen) {
			spans.push([start, i]);
			start = i + 2;
			i++;
		} else if (emphasisOpen && prev !== undefined && !/\s/.test(prev)) {
			emphasisOpen = false;
		}
	}
	spans.push([start, text.length]);
	return spans;
}

/** The trimmed, non-empty item texts of a glued list (see `listItemSpans`). */
export function splitListItems(text: string): string[] {
	return listItemSpans(text)
		.map(([start, end]) => text.slice(start, end).trim())
		.filter((item) => item.length > 0);
}

/**
 * The last item of a list may carry the paragraph that followed the list
 * (`* Jan ZhengOur birthday wishes…`, `* Hiring at ReplicateThis summary…`):
 * splits it at the first strong seam whose remainder reads as a sentence or a
 * heading plus text, and returns `[item, rest]`.
 */
export function splitTrailingProse(item: string, context: SeamContext): [string, string | undefined] {
	for (const seam of findSeams(item, context)) {
		if (seam.strength !== 'strong') continue;
		const rest = item.slice(seam.index);
		const restWords = rest.trim().split(/\s+/).length;
		if (restWords < 6 && !/[.!?:]["”’)]?$/.test(rest.trim())) continue;
		// A heading between the item's last sentence and the prose goes with the prose: `…matures. Full Video PodcastAs…`.
		const headingStart = sentenceStartBefore(item, seam.index);
		const cut = headingStart > 0 && looksLikeHeading(item.slice(headingStart, seam.index)) ? headingStart : seam.index;
		return [item.slice(0, cut).trim(), item.slice(cut).trim()];
	}
	return [item, undefined];
}

/** Options for `parseBlocks`. */
export interface BlockOptions {
	context: SeamContext;
	anchors: AnchorRegistry;
	/** Level of recovered headings: 2 in the description, 3 under a section such as Show notes. */
	headingLevel: 2 | 3;
}

/** Heading block with an anchor id claimed on the page. */
export function headingBlock(text: string, level: 2 | 3 | 4, anchors: AnchorRegistry): Block {
	const slug = slugify(text, 60) || 'section';
	return { type: 'heading', level, text, id: anchors.claim(/^[a-z]/.test(slug) ? slug : `s-${slug}`) };
}

function listItem(text: string): ListItem {
	return { content: parseInline(text) };
}

/**
 * Parses flattened prose into blocks: splits at block boundaries, gathers
 * `* ` pieces into lists (moving prose glued to the last item out of it), and
 * recovers glued headings. Consecutive lists separated only by a boundary are
 * one list.
 */
export function parseBlocks(text: string, options: BlockOptions): Block[] {
	const blocks: Block[] = [];
	const pending = splitAtBlockBoundaries(text);
	let list: ListItem[] | undefined;
	const closeList = () => {
		if (list?.length) blocks.push({ type: 'list', items: list });
		list = undefined;
	};
	while (pending.length > 0) {
		const piece = pending.shift()!;
		const startsWithItem = /^\*\s/.test(piece);
		const spans = listItemSpans(piece);
		if (!startsWithItem && spans.length === 1) {
			closeList();
			blocks.push(...proseBlocks(piece, options, false));
			continue;
		}
		// Prose before the first item (`Papers covered* …`, `…next year: * NVIDIA is…`) stays prose.
		const lead = startsWithItem ? '' : piece.slice(0, spans[0]![1]).trim();
		const items = (startsWithItem ? spans : spans.slice(1)).map(([start, end]) => piece.slice(start, end).trim()).filter(Boolean);
		if (lead) {
			closeList();
			blocks.push(...proseBlocks(lead, options, true));
		}
		if (items.length > 0) {
			const [last, rest] = splitTrailingProse(items.at(-1)!, options.context);
			items[items.length - 1] = last;
			if (rest) pending.unshift(rest);
		}
		list ??= [];
		list.push(...items.filter(Boolean).map(listItem));
	}
	closeList();
	return blocks;
}

/**
 * Blocks of one piece of prose: paragraphs and the headings glued into them.
 * A short phrase without a colon right before a list (`Papers covered`) is the list's heading.
 */
function proseBlocks(piece: string, options: BlockOptions, beforeList: boolean): Block[] {
	const segments = splitGluedHeadings(piece, options.context);
	const only = segments.length === 1 ? segments[0]! : undefined;
	if (beforeList && only?.kind === 'text' && looksLikeHeading(only.text) && !only.text.includes(':') && only.text.split(/\s+/).length <= 5) {
		return [headingBlock(only.text, options.headingLevel, options.anchors)];
	}
	return segments.map((segment) =>
		segment.kind === 'heading'
			? headingBlock(segment.text, options.headingLevel, options.anchors)
			: { type: 'paragraph', content: parseInline(segment.text) },
	);
}
