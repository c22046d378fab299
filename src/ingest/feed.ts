/**
 * The podcast's own RSS feed export (RSS 2.0, as Substack publishes it): each
 * `<item>` has the post as HTML in `content:encoded`. The HTML keeps the
 * paragraphs, headings, lists and links that the text dump lost, so the prose
 * is read from its elements; the transcript is flattened the way the dump
 * flattens it and goes through the same transcript parser.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { AudioSchema, HttpUrlSchema, type Block, type EpisodeMedia, type Inline, type ListItem } from '../schemas/episode.ts';
import { parseTime, TIMESTAMP_SOURCE } from '../shared/time.ts';
import type { AnchorRegistry } from '../shared/slug.ts';
import { headingBlock, looksLikeHeading } from './blocks.ts';
import { readChapterItem, type ChapterList, type RawChapter } from './chapters.ts';
import type { EpisodeDraft } from './episode.ts';
import { inlineText, parseInline } from './inline.ts';
import { MAX_LABEL_CHARS } from './labels.ts';
import { ParseProblem } from './problems.ts';
import { sectionTitleKind } from './section-titles.ts';
import { parseTranscriptLines, type TranscriptLine } from './transcript-lines.ts';

/** One `<item>` of the feed, before its HTML is read. */
export interface FeedItem {
	title: string;
	/** `pubDate` as written. */
	pubDate: string;
	/** The post as HTML (`content:encoded`, else `description`). */
	html: string;
	/** 1-based line of the `<item>` tag in the feed file. */
	line: number;
	/** Audio, artwork, post link and guid, where the item gives them. */
	media: EpisodeMedia;
	/** `itunes:duration` in seconds, where the item gives a readable one. */
	duration?: number;
}

/** A feed file read into items, and the items that could not be read. */
export interface FeedRead {
	/** The channel's title: the show's name. */
	show: string;
	items: FeedItem[];
	errors: { line: number; title?: string; message: string }[];
}

/** True when a source file's text is an RSS feed rather than a text dump. */
export function isFeed(text: string): boolean {
	return /^\uFEFF?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<rss[\s>]/.test(text);
}

/** Text of an XML value that may be a string, a number or a node with `#text`. */
function textOf(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'object') return textOf((value as Record<string, unknown>)['#text']);
	return String(value).trim();
}

/**
 * Splits a feed into items. A feed that is not well-formed XML is one error
 * at the line the XML parser names; an item without a title or body is an
 * error at its line, and the other items are still read.
 */
export function readFeed(text: string): FeedRead {
	const source = text.replace(/^\uFEFF/, '');
	const valid = XMLValidator.validate(source);
	if (valid !== true) return { show: '', items: [], errors: [{ line: valid.err.line, message: `the feed is not well-formed XML: ${valid.err.msg}` }] };
	const parser = new XMLParser({
		ignoreAttributes: false,
		attributeNamePrefix: '@_',
		parseTagValue: false,
		trimValues: false,
		captureMetaData: true,
		processEntities: true,
		htmlEntities: true,
		isArray: (name) => name === 'item',
	});
	const tree = parser.parse(source) as Record<string, unknown>;
	const meta = XMLParser.getMetaDataSymbol() as unknown as string;
	const lineAt = (index: number | undefined) => (index === undefined ? 1 : source.slice(0, index).split('\n').length);
	const channel = ((tree.rss as Record<string, unknown> | undefined)?.channel ?? {}) as Record<string, unknown>;
	const items: FeedItem[] = [];
	const errors: FeedRead['errors'] = [];
	for (const raw of (channel.item as Record<string, unknown>[] | undefined) ?? []) {
		const line = lineAt((raw?.[meta] as { startIndex?: number } | undefined)?.startIndex);
		const title = textOf(raw?.title).replace(/\s+/g, ' ');
		const html = textOf(raw?.['content:encoded']) || textOf(raw?.description);
		if (!title) errors.push({ line, message: 'the feed item has no <title>' });
		else if (!html) errors.push({ line, title, message: 'the feed item has no content:encoded or description' });
		else {
			const duration = parseTime(textOf(raw?.['itunes:duration']));
			items.push({ title, pubDate: textOf(raw?.pubDate), html, line, media: itemMedia(raw), ...(duration ? { duration } : {}) });
		}
	}
	return { show: textOf(channel.title), items, errors };
}

/** An attribute of an XML node, as text. */
function attributeOf(value: unknown, name: string): string {
	return value && typeof value === 'object' ? textOf((value as Record<string, unknown>)[`@_${name}`]) : '';
}

/**
 * What an item says besides its post: the audio `<enclosure>`, `itunes:image`,
 * `<link>` and `<guid>`. A value that is not an http(s) URL is left out
 * rather than published as a link.
 */
export function itemMedia(raw: Record<string, unknown>): EpisodeMedia {
	const url = (value: string) => (HttpUrlSchema.safeParse(value).success ? value : undefined);
	const enclosure = raw['enclosure'];
	const length = Number(attributeOf(enclosure, 'length'));
	const audio = AudioSchema.safeParse({
		url: attributeOf(enclosure, 'url'),
		type: attributeOf(enclosure, 'type') || 'audio/mpeg',
		...(Number.isInteger(length) && length > 0 ? { length } : {}),
	});
	const image = url(attributeOf(raw['itunes:image'], 'href'));
	const link = url(textOf(raw['link']));
	const guid = textOf(raw['guid']);
	return {
		...(audio.success ? { audio: audio.data } : {}),
		...(image ? { image } : {}),
		...(link ? { link } : {}),
		...(guid ? { guid } : {}),
	};
}

/** Reads an RSS date (`Fri, 22 Mar 2024 19:08:00 GMT`); throws a `ParseProblem` naming it when it is no date. */
export function parsePubDate(pubDate: string): Date {
	const time = Date.parse(pubDate);
	if (!pubDate || Number.isNaN(time)) throw new ParseProblem('date', `invalid publication date “${pubDate}”: expected an RSS date such as “Fri, 22 Mar 2024 19:08:00 GMT”`);
	return new Date(time);
}

/** A prose block before anchors are given: headings get their id when the episode claims it. */
type ProseBlock = { type: 'paragraph'; content: Inline[] } | { type: 'heading'; text: string } | { type: 'list'; items: ListItem[] };

const HEADING = /^h[1-6]$/;
const LIST = /^[uo]l$/;
/** Containers whose children are blocks (Substack wraps images and embeds in them). */
const CONTAINER = /^(?:div|section|article|figure|blockquote|center|main|header|footer|aside|details|table|tbody|thead|tr)$/;
/** Elements whose content is never text of the post. */
const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'button', 'form', 'img', 'source', 'video', 'audio', 'picture', 'hr']);
/** Links readers may follow; anything else (`javascript:`, `data:`) keeps its text and loses the link. */
const SAFE_HREF = /^(?:https?:|mailto:)/i;

const isElement = (node: RootContent | ElementContent): node is Element => node.type === 'element';

/**
 * Plain text of an element, with `<br>` as a space and emphasis marked with `*`
 * as the dump marks it: `inlineText` for the post's HTML, read before it
 * becomes Inline (bold labels, chapter paragraphs). Embeds and media are no text.
 */
function elementText(node: ElementContent | RootContent, marks = false): string {
	if (node.type === 'text') return node.value;
	if (!isElement(node) || SKIPPED.has(node.tagName)) return '';
	if (node.tagName === 'br') return ' ';
	const inner = node.children.map((child) => elementText(child, marks)).join('');
	return marks && (node.tagName === 'em' || node.tagName === 'i') && inner.trim() ? `*${inner}*` : inner;
}

/** Inline content of an element: text (with bare links found as in the dump), links and emphasis. */
export function inlineFromHtml(nodes: readonly ElementContent[]): Inline[] {
	const out: Inline[] = [];
	const pushText = (value: string) => {
		if (!value) return;
		const last = out.at(-1);
		if (last?.type === 'text') last.value += value;
		else out.push({ type: 'text', value });
	};
	// The posts put spaces inside inline elements (`<em>discussion on </em><em>HN</em>`):
	// they stay between the words, outside the element, as a browser shows them.
	const withEdgeSpaces = (raw: string, push: () => void) => {
		if (/^\s/.test(raw)) pushText(' ');
		push();
		if (/\s$/.test(raw)) pushText(' ');
	};
	const walk = (node: ElementContent) => {
		if (node.type === 'text') pushText(node.value);
		else if (!isElement(node) || SKIPPED.has(node.tagName)) return;
		else if (node.tagName === 'br') pushText(' ');
		else if (node.tagName === 'a') {
			const href = String(node.properties.href ?? '').trim();
			const raw = elementText(node);
			const text = raw.replace(/\s+/g, ' ').trim();
			if (text && SAFE_HREF.test(href)) withEdgeSpaces(raw, () => out.push({ type: 'link', href, text }));
			else pushText(raw);
		} else if (node.tagName === 'em' || node.tagName === 'i') {
			const raw = elementText(node);
			const value = raw.replace(/\s+/g, ' ').trim();
			// Emphasis split across elements with nothing between (`<em>Gemini 1.5</em><em>. We covered</em>`) is one emphasis: two would read as `**`.
			const last = out.at(-1);
			if (value && last?.type === 'emphasis' && !/^\s/.test(raw)) {
				last.value += raw.replace(/\s+/g, ' ').trimEnd();
				if (/\s$/.test(raw)) pushText(' ');
			} else if (value) withEdgeSpaces(raw, () => out.push({ type: 'emphasis', value }));
			else pushText(raw);
		} else node.children.forEach(walk);
	};
	nodes.forEach(walk);
	// Text nodes may hold bare URLs, linked as the dump's are; whitespace is collapsed as HTML shows it.
	const result = out.flatMap((node) => (node.type === 'text' ? parseInline(node.value.replace(/\s+/g, ' ')) : [node]));
	if (result[0]?.type === 'text') result[0] = { ...result[0], value: result[0].value.trimStart() };
	const last = result.at(-1);
	if (last?.type === 'text') result[result.length - 1] = { ...last, value: last.value.trimEnd() };
	return result.filter((node) => node.type !== 'text' || node.value.length > 0);
}

/** A list element as list items; nested lists become children. */
function listItems(list: Element): ListItem[] {
	return list.children.filter(isElement).flatMap((li): ListItem[] => {
		if (li.tagName !== 'li') return [];
		const nested = li.children.filter((child) => isElement(child) && LIST.test(child.tagName)) as Element[];
		const inline = li.children.filter((child) => !(isElement(child) && LIST.test(child.tagName)));
		const children = nested.flatMap(listItems);
		return [{ content: inlineFromHtml(inline.flatMap((child) => (isElement(child) && child.tagName === 'p' ? child.children : [child]))), ...(children.length ? { children } : {}) }];
	});
}

/** The blocks of an HTML fragment in document order, with block containers opened up. */
function htmlBlocks(nodes: readonly (RootContent | ElementContent)[]): { block: ProseBlock; element: Element }[] {
	const out: { block: ProseBlock; element: Element }[] = [];
	let loose: ElementContent[] = [];
	// Inline content between blocks is a paragraph of its own, as a browser shows it.
	const flushLoose = () => {
		const children = loose;
		const content = inlineFromHtml(children);
		loose = [];
		if (content.length > 0) out.push({ block: { type: 'paragraph', content }, element: { type: 'element', tagName: 'p', properties: {}, children } });
	};
	for (const node of nodes) {
		if (node.type === 'text') {
			loose.push(node);
			continue;
		}
		if (!isElement(node) || SKIPPED.has(node.tagName)) continue;
		if (HEADING.test(node.tagName)) {
			flushLoose();
			const text = elementText(node, true).replace(/\s+/g, ' ').trim();
			if (text) out.push({ block: { type: 'heading', text }, element: node });
		} else if (LIST.test(node.tagName)) {
			flushLoose();
			const items = listItems(node);
			if (items.length > 0) out.push({ block: { type: 'list', items }, element: node });
		} else if (node.tagName === 'p' || node.tagName === 'pre' || node.tagName === 'figcaption' || node.tagName === 'td' || node.tagName === 'th') {
			flushLoose();
			const content = inlineFromHtml(node.children);
			if (content.length > 0) out.push({ block: { type: 'paragraph', content }, element: node });
		} else if (CONTAINER.test(node.tagName)) {
			flushLoose();
			out.push(...htmlBlocks(node.children));
		} else {
			loose.push(node);
		}
	}
	if (loose.length > 0) {
		const content = inlineFromHtml(loose);
		if (content.length > 0) out.push({ block: { type: 'paragraph', content }, element: { type: 'element', tagName: 'p', properties: {}, children: loose } });
	}
	return out;
}

/** The subscription footer Substack appends, which the dump parser drops too. */
const FOOTER = /^Get full access to \S.* at \S+$/u;

/** Longest bold or plain paragraph, in words, that is read as a heading of its own. */
const MAX_PARAGRAPH_HEADING_WORDS = 10;

/**
 * A paragraph the post writes as a list item (`<p>* <a>Modal</a></p>`): the
 * feed's posts have no `<ul>`, each item is a paragraph starting `* `.
 */
export function paragraphListItem(content: readonly Inline[]): ListItem | undefined {
	const first = content[0];
	if (first?.type !== 'text' || !/^\*\s/.test(first.value)) return undefined;
	const rest = first.value.replace(/^\*\s+/, '');
	return { content: [...(rest ? [{ ...first, value: rest }] : []), ...content.slice(1)] };
}

/** The text of a paragraph made only of bold elements (`<p><strong>LlamaIndex’s Origin</strong></p>`), else undefined. */
export function boldOnlyText(element: Element): string | undefined {
	const parts = element.children.filter((child) => !(child.type === 'text' && !child.value.trim()));
	if (parts.length === 0 || !parts.every((child) => isElement(child) && (child.tagName === 'strong' || child.tagName === 'b'))) return undefined;
	return elementText(element).replace(/\s+/g, ' ').trim() || undefined;
}

/**
 * A paragraph that is a heading of the post: bold on its own, or a short plain
 * phrase (`Trend 1: GPT4-V Coding`, `Other Links`) that reads as a heading by
 * the dump's rule and does not end like a sentence or a lead-in (`Full 90min chat:`).
 */
export function paragraphHeading(element: Element, content: readonly Inline[]): string | undefined {
	const bold = boldOnlyText(element);
	const text = bold ?? (content.every((node) => node.type === 'text') ? inlineText(content).trim() : undefined);
	if (!text || text.split(' ').length > MAX_PARAGRAPH_HEADING_WORDS || !looksLikeHeading(text)) return undefined;
	if (/[.!?:,;…)]$/.test(text) && !(bold && /\)$/.test(text))) return undefined;
	return /^[\p{Lu}\p{N}"“‘'(]/u.test(text) ? text : undefined;
}

/** A chapter list from list items: `[00:01:14] Title` or `Title [00:01:11]`, untimed items as notes of the chapter above. */
function chaptersFromList(items: readonly ListItem[], into: ChapterList): void {
	for (const item of items) chapterFromItem(item, into);
}

/** One list item into the chapter list: a chapter when it has a time, else a note of the chapter above (or the list's introduction). */
function chapterFromItem(item: ListItem, into: ChapterList): void {
	const text = inlineText(item.content).trim();
	const chapter = readChapterItem(text);
	const notes = (item.children ?? []).map((child) => inlineText(child.content).trim()).filter(Boolean);
	if (chapter) into.chapters.push({ ...chapter, notes, offset: 0 } satisfies RawChapter);
	else if (into.chapters.length > 0) into.chapters.at(-1)!.notes.push(text, ...notes);
	else into.intro.push(text);
}

/** Gives prose blocks their anchors, in page order. */
function claimBlocks(blocks: readonly ProseBlock[], level: 2 | 3, anchors: AnchorRegistry): Block[] {
	return blocks.map((block) => (block.type === 'heading' ? headingBlock(block.text, level, anchors) : block));
}

/**
 * A paragraph that says the transcript is published elsewhere (`Full
 * transcript available <a>here</a>`) rather than below: the link it gives,
 * else undefined. "Full transcript is below the fold" is no such paragraph.
 */
export function transcriptElsewhere(content: readonly Inline[]): string | undefined {
	const text = inlineText(content).trim();
	if (!/^(?:full |complete )?transcripts?\b/i.test(text) || /\bbelow\b/i.test(text)) return undefined;
	return content.find((node) => node.type === 'link')?.href;
}

/**
 * A transcript paragraph as a line: the timestamp before a bold label, the
 * label, and the rest. Bold text that cannot be a label (too long, a
 * sentence) stays part of the text.
 */
export function transcriptLine(element: Element): TranscriptLine {
	const whole = elementText(element);
	const children = element.children;
	let i = 0;
	let lead = '';
	while (i < children.length && children[i]!.type === 'text') lead += (children[i++] as { value: string }).value;
	const bold = children[i];
	const leadIsTime = !lead.trim() || new RegExp(`^\\s*${TIMESTAMP_SOURCE}\\s*$`).test(lead);
	if (!leadIsTime || !bold || !isElement(bold) || (bold.tagName !== 'strong' && bold.tagName !== 'b')) return { lead: '', text: whole };
	const boldText = elementText(bold).replace(/\s+/g, ' ').trim();
	const label = boldText.replace(/\s*:+$/, '');
	const rest = children.slice(i + 1).map((child) => elementText(child)).join('');
	if (!label || label.length > MAX_LABEL_CHARS || !/\p{L}/u.test(label) || /[.!?,;]$/.test(label) || new RegExp(TIMESTAMP_SOURCE).test(label)) {
		return { lead: '', text: whole };
	}
	return { lead, label, labelColon: boldText.endsWith(':'), text: rest };
}

/**
 * Reads one feed item into a draft. The post's section titles (headings, or
 * paragraphs of their own: `<p>Chapters</p>`, `<p><strong>Transcript:</strong></p>`)
 * split it: prose before them is the description, `Show Notes` starts the show
 * notes, the items after `Chapters`/`Timestamps` are the chapter list (timed
 * items without a title are one too), and the paragraphs after `Transcript`
 * are the transcript's lines. Throws a `ParseProblem` for what cannot be read.
 */
export function draftFromFeedItem(item: FeedItem, show: string, file: string): EpisodeDraft {
	const published = parsePubDate(item.pubDate);
	const root: Root = fromHtml(item.html, { fragment: true });
	const description: ProseBlock[] = [];
	const showNotes: ProseBlock[] = [];
	const chapterList: ChapterList = { chapters: [], intro: [], end: 0 };
	let chaptersHeading: string | undefined;
	let showNotesHeading: string | undefined;
	let transcriptHeading: string | undefined;
	const lines: TranscriptLine[] = [];
	const warnings: string[] = [];
	let section: 'description' | 'chapters' | 'showNotes' | 'transcript' = 'description';
	/** The list that `* ` paragraphs are being gathered into. */
	let openList: ListItem[] | undefined;
	const prose = (block: ProseBlock) => {
		(section === 'description' ? description : showNotes).push(block);
		openList = block.type === 'list' ? block.items : undefined;
	};
	for (const { block, element } of htmlBlocks(root.children)) {
		if (block.type === 'paragraph' && FOOTER.test(inlineText(block.content).trim())) continue;
		if (section === 'transcript') {
			if (block.type === 'list') lines.push(...block.items.map((listItem) => ({ lead: '', text: inlineText(listItem.content).trim() })));
			else if (block.type === 'heading') lines.push({ lead: '', text: block.text, heading: true });
			else lines.push(transcriptLine(element));
			continue;
		}
		const titleText = block.type === 'heading' ? block.text : block.type === 'paragraph' ? (boldOnlyText(element) ?? inlineText(block.content).trim()) : '';
		const kind = sectionTitleKind(titleText);
		if (kind === 'transcript') {
			section = 'transcript';
			transcriptHeading = titleText.replace(/\s*:$/, '');
			continue;
		}
		if (kind === 'chapters' && !chaptersHeading) {
			section = 'chapters';
			chaptersHeading = titleText.replace(/\s*:$/, '');
			continue;
		}
		if (kind === 'showNotes' && !showNotesHeading) {
			section = 'showNotes';
			showNotesHeading = titleText.replace(/\s*:$/, '');
			openList = undefined;
			continue;
		}
		const listItem = block.type === 'paragraph' ? paragraphListItem(block.content) : undefined;
		const timed = (candidate: ListItem | undefined) => candidate !== undefined && readChapterItem(inlineText(candidate.content).trim()) !== undefined;
		const chapterLine = block.type === 'paragraph' && !listItem && readChapterItem(inlineText(block.content).trim()) !== undefined;
		// A timed list with no title before it is the chapter list too (`* [00:00:00] Intro` right after the description).
		if (section !== 'chapters' && chapterList.chapters.length === 0 && (timed(listItem) || (block.type === 'list' && timed(block.items[0])))) section = 'chapters';
		if (section === 'chapters') {
			if (block.type === 'list') chaptersFromList(block.items, chapterList);
			else if (listItem) chapterFromItem(listItem, chapterList);
			else if (chapterLine && block.type === 'paragraph') chapterFromItem({ content: block.content }, chapterList);
			else if (chapterList.chapters.length === 0 && block.type === 'paragraph') chapterList.intro.push(inlineText(block.content).trim());
			else {
				// Prose after the chapter list belongs with the show notes, as in the dump.
				section = 'showNotes';
			}
			if (section === 'chapters') continue;
		}
		if (listItem) {
			if (openList) openList.push(listItem);
			else prose({ type: 'list', items: [listItem] });
			continue;
		}
		const elsewhere = block.type === 'paragraph' ? transcriptElsewhere(block.content) : undefined;
		if (elsewhere) warnings.push(`the transcript is published elsewhere (${elsewhere}), not in the post: this paragraph stays in the description`);
		const heading = block.type === 'paragraph' && element.tagName === 'p' ? paragraphHeading(element, block.content) : undefined;
		prose(heading ? { type: 'heading', text: heading } : block);
	}
	const raw = transcriptHeading && lines.length > 0 ? parseTranscriptLines(lines) : undefined;
	if (transcriptHeading && !raw?.turns.length) warnings.push(`the post has a “${transcriptHeading}” section with no text in it`);
	const hasChapters = chapterList.chapters.length > 0 || chapterList.intro.length > 0;
	return {
		title: item.title,
		show,
		published,
		source: { file, line: item.line },
		description: (_context, anchors) => claimBlocks(description, 2, anchors),
		showNotes: (_context, anchors) => claimBlocks(showNotes, 3, anchors),
		showNotesHeading,
		...(hasChapters ? { chapterList } : {}),
		chaptersHeading,
		transcript: transcriptHeading && raw && raw.turns.length > 0 ? { heading: transcriptHeading, raw } : undefined,
		media: item.media,
		duration: item.duration,
		...(warnings.length > 0 ? { warnings } : {}),
	};
}
