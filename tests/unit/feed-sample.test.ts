/**
 * The podcast's real feed (a 30-item sample, content/sources/latent-space-podcast.xml,
 * exactly as published): every item read, checked against its own HTML with
 * rules written independently of the parser's, and merged with the seed dump
 * without losing a turn or a chapter.
 */
import { readFileSync } from 'node:fs';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, test } from 'vitest';
import { ingestText } from './helpers/ingest.ts';
import { readFeed } from '../../src/ingest/feed.ts';
import { inlineText } from '../../src/ingest/inline.ts';
import { renderEpisodeProse } from '../../src/ingest/mdx.ts';
import { ingestSources } from '../../src/ingest/sources.ts';
import type { Block, Episode } from '../../src/schemas/episode.ts';
import { SiteConfigSchema } from '../../src/schemas/site.ts';

const site = SiteConfigSchema.parse(JSON.parse(readFileSync('content/site.json', 'utf8')));
const feedFile = 'latent-space-podcast.xml';
const feedText = readFileSync(`content/sources/${feedFile}`, 'utf8');
const seed = { file: 'latent-space.txt', text: readFileSync('content/sources/latent-space.txt', 'utf8') };
const feedOnly = ingestSources([{ file: feedFile, text: feedText }], { hosts: site.hosts });
const items = readFeed(feedText).items;

/** Words as a reader compares them: case, edge punctuation and timestamps do not count. */
function tokens(text: string): string[] {
	return text
		.replace(/[\u200b\u200c\u200d\u2060\ufeff]/g, '')
		.replace(/\[\d{1,2}:\d{2}(?::\d{2})?\]/g, ' ')
		.split(/\s+/)
		.map((token) => token.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
		.filter((token) => token && !/^\d{1,2}:\d{2}(?::\d{2})?$/.test(token));
}

const isElement = (node: RootContent | ElementContent): node is Element => node.type === 'element';
/** Text of a node as a browser reads it: text nodes joined as they stand, `<br>` a space, no script. */
function textOf(node: RootContent | ElementContent): string {
	if (node.type === 'text') return node.value;
	if (!isElement(node) || ['script', 'style', 'img', 'iframe'].includes(node.tagName)) return '';
	if (node.tagName === 'br') return ' ';
	return node.children.map(textOf).join('');
}

/** A post's block: its text, and the bold text it opens with (after at most a timestamp) and what follows that. */
interface PostBlock {
	text: string;
	bold?: string;
	/** Whether a timestamp stands before the bold text. */
	timeBefore?: boolean;
	afterBold?: string;
}

/** The post's paragraphs (and list items, headings) in order. */
function postBlocks(html: string): PostBlock[] {
	const out: PostBlock[] = [];
	const walk = (nodes: readonly (RootContent | ElementContent)[]) => {
		for (const node of nodes) {
			if (!isElement(node)) continue;
			if (/^(?:p|li|h[1-6]|figcaption|pre)$/.test(node.tagName)) {
				const at = node.children.findIndex((child) => !(child.type === 'text' && /^\s*(?:\[\d{1,2}:\d{2}(?::\d{2})?\])?\s*$/.test(child.value)));
				const first = node.children[at];
				const block: PostBlock = { text: textOf(node) };
				if (first && isElement(first) && /^(?:strong|b)$/.test(first.tagName)) {
					block.bold = textOf(first);
					block.timeBefore = node.children.slice(0, at).some((child) => child.type === 'text' && /\[/.test(child.value));
					block.afterBold = node.children.slice(at + 1).map(textOf).join('');
				}
				out.push(block);
			} else walk(node.children);
		}
	};
	walk((fromHtml(html, { fragment: true }) as Root).children);
	return out;
}

/** A speaker label: bold text at a paragraph's start, followed by a colon (inside or after it) or a time. */
function isLabel(block: PostBlock): boolean {
	if (block.bold === undefined) return false;
	const bold = block.bold.trim();
	if (!bold || bold.replace(/:$/, '').length > 40 || /[.!?,;]$/.test(bold)) return false;
	return bold.endsWith(':') || /^\s*(?::|\[\d{1,2}:\d{2})/.test(block.afterBold ?? '') || Boolean(block.timeBefore);
}

const TITLE = /^(?:transcripts?|transcription)$/i;
const isTranscriptTitle = (text: string) => TITLE.test(text.trim().replace(/:$/, ''));
const isFooter = (text: string) => /^Get full access to \S.* at \S+$/.test(text.trim());

/** Every word of the model's prose in page order: description, show notes, chapters and their notes. */
function proseTokens(episode: Episode): string[] {
	const blockText = (blocks: Block[]) =>
		blocks.flatMap((b) => (b.type === 'heading' ? [b.text] : b.type === 'paragraph' ? [inlineText(b.content)] : b.items.flatMap((i) => [inlineText(i.content), ...(i.children ?? []).map((c) => inlineText(c.content))])));
	return tokens(
		[
			...blockText(episode.description),
			episode.showNotesHeading ?? '',
			...blockText(episode.showNotes),
			episode.chaptersHeading ?? '',
			episode.chaptersIntro ?? '',
			...episode.chapters.flatMap((c) => [c.title, ...c.notes.map((n) => inlineText(n.content))]),
		].join(' '),
	);
}

/** Every word of the model's transcript, headings where they stand, speakers left out. */
function transcriptTokens(episode: Episode): string[] {
	const transcript = episode.transcript;
	if (!transcript) return [];
	const parts: string[] = [];
	for (const [i, turn] of transcript.turns.entries()) {
		parts.push(...transcript.headings.filter((h) => h.before === i).map((h) => h.text));
		parts.push(...turn.paragraphs.map((p) => p.text));
	}
	parts.push(...transcript.headings.filter((h) => h.before >= transcript.turns.length).map((h) => h.text));
	return tokens(parts.join(' '));
}

/** Index after `needle` occurs as a contiguous run in `haystack` at or after `from`, else -1. */
function runAt(haystack: readonly string[], needle: readonly string[], from = 0): number {
	outer: for (let i = from; i + needle.length <= haystack.length; i++) {
		for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
		return i + needle.length;
	}
	return -1;
}

describe('the real feed sample', () => {
	test('every item is read', () => {
		expect(items).toHaveLength(30);
		expect(feedOnly.entries).toHaveLength(30);
		expect(feedOnly.problems.filter((p) => p.severity === 'error')).toEqual([]);
	});

	for (const item of items) {
		const entry = feedOnly.entries.find((e) => e.episode?.source.line === item.line)!;
		const episode = entry.episode!;
		const blocks = postBlocks(item.html);
		const cut = blocks.findIndex((b) => isTranscriptTitle(b.text));
		const prose = (cut < 0 ? blocks : blocks.slice(0, cut)).filter((b) => !isFooter(b.text));
		const transcript = cut < 0 ? [] : blocks.slice(cut + 1).filter((b) => !isFooter(b.text));

		describe(`“${item.title.slice(0, 60)}”`, () => {
			test('no two words of a paragraph are joined or lost: each paragraph’s words stand together, in order, in the model', () => {
				const model = proseTokens(episode);
				for (const block of prose) {
					const words = tokens(block.text).filter((t) => t !== '*');
					if (words.length === 0) continue;
					expect(runAt(model, words), `“${block.text.slice(0, 100)}”`).toBeGreaterThanOrEqual(0);
				}
			});

			test('every word of the transcript section is in the model, in order (speaker labels aside)', () => {
				const model = transcriptTokens(episode);
				let position = 0;
				for (const block of transcript) {
					for (const word of tokens(isLabel(block) ? block.afterBold! : block.text)) {
						const found = model.indexOf(word, position);
						expect(found, `“${word}” of “${block.text.slice(0, 80)}”`).toBeGreaterThanOrEqual(0);
						position = found + 1;
					}
				}
			});

			test('emphasis stays emphasis: no two emphases touch, so the Markdown never has `**`', () => {
				expect(renderEpisodeProse(episode)).not.toContain('**');
			});

			test('the chapters found are the chapters listed', () => {
				const timed = prose.filter((b) => /^\s*(?:\*\s*)?(?:\[\d{1,2}:\d{2}(?::\d{2})?\]|\d{1,2}:\d{2}(?::\d{2})?:?\s)|\[\d{1,2}:\d{2}(?::\d{2})?\]\s*$/.test(b.text));
				expect(episode.chapters.map((c) => c.title)).toHaveLength(timed.length);
			});

			test('each labelled paragraph is a turn with a speaker, and its time is the turn’s start', () => {
				const labelled = transcript.filter(isLabel);
				const turns = episode.transcript?.turns ?? [];
				expect(turns.filter((t) => t.speaker !== undefined)).toHaveLength(labelled.length);
				const timedLabels = labelled.filter((b) => b.timeBefore || /^\s*:*\s*\[\d/.test(b.afterBold!));
				expect(turns.filter((t) => t.speaker !== undefined && t.start !== undefined).length).toBeGreaterThanOrEqual(timedLabels.length);
			});

			test('speakers resolve to full names where the episode names them', () => {
				for (const speaker of episode.speakers) {
					if (speaker.role === 'host') expect(speaker.name, speaker.labels.join()).toMatch(/\S \S/);
					const guest = episode.speakers.find((s) => s.role === 'guest' && s !== speaker && s.name.split(' ')[0] === speaker.name);
					expect(guest, `${speaker.name} is a guest’s first name`).toBeUndefined();
				}
			});
		});
	}
});

describe('the seed dump and the feed sample together', () => {
	const dumpAlone = ingestText(seed.text, seed.file, site.hosts).episodes;
	const both = ingestSources([seed, { file: feedFile, text: feedText }], { hosts: site.hosts });
	const built = new Map(both.entries.map((e) => [e.slug, e.episode!]));

	test('41 episodes: the 9 in both sources published once', () => {
		expect(both.entries).toHaveLength(41);
		expect(both.problems.filter((p) => p.severity === 'error')).toEqual([]);
	});

	test('every episode keeps at least the turns and chapters the dump alone gives (all 2,451 turns and 317 chapters of the seed)', () => {
		let turns = 0;
		let chapters = 0;
		for (const episode of dumpAlone) {
			const merged = built.get(episode.slug)!;
			expect(merged.transcript?.turns.length ?? 0, episode.slug).toBeGreaterThanOrEqual(episode.transcript?.turns.length ?? 0);
			expect(merged.chapters.length, episode.slug).toBeGreaterThanOrEqual(episode.chapters.length);
			turns += Math.min(merged.transcript?.turns.length ?? 0, episode.transcript?.turns.length ?? 0);
			chapters += Math.min(merged.chapters.length, episode.chapters.length);
		}
		expect([turns, chapters]).toEqual([2451, 317]);
	});

	test('the report names the source of each part of every overlapping episode', () => {
		const notes = both.problems.filter((p) => p.severity === 'note');
		expect(notes).toHaveLength(9);
		for (const note of notes) {
			for (const part of ['title and date from', 'description and show notes from', 'chapters from', 'transcript from', 'audio and artwork from', 'duration from']) {
				expect(note.message).toContain(part);
			}
		}
	});

	test('merged episodes get the feed’s audio and duration', () => {
		for (const note of both.problems.filter((p) => p.severity === 'note')) {
			const episode = [...built.values()].find((e) => e.title === note.episode)!;
			expect(episode.media?.audio?.url).toMatch(/^https:\/\//);
			expect(episode.duration).toBeGreaterThan(0);
		}
	});
});
