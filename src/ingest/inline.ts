/** Inline structure inside a block: bare links and `*emphasis*`. */
import type { Inline } from '../schemas/episode.ts';

/** Top-level domains that make a dotted word a web address (`lindy.ai`, `v0.dev`). */
const TLDS = 'ai|app|co|com|dev|fm|gg|io|me|net|org|sh|so|space|tech|tv|xyz';

/**
 * A bare URL (`https://latent.space/p/dec-2023`) or a domain with an optional
 * path (`drawfast.tldraw.com`, `www.latent.space/subscribe`). The domain form
 * must not touch a letter, `@` or `/` on its left, so `@sama` and paths inside
 * URLs are left alone.
 */
const LINK_PATTERN = new RegExp(
	String.raw`https?:\/\/[^\s<>"“”]+|(?<![\p{L}\p{N}@\/.\-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:${TLDS})(?![\p{L}\p{N}])(?:\/[^\s<>"“”]*)?`,
	'giu',
);

/** Punctuation that ends a sentence rather than a URL (`see example.com.`). */
const TRAILING_PUNCTUATION = /[.,;:!?)\]’'”*]+$/;

/** Finds bare URLs and domains in text; each match is kept as written and linked. */
export function findLinks(text: string): { index: number; text: string; href: string }[] {
	const links: { index: number; text: string; href: string }[] = [];
	for (const match of text.matchAll(LINK_PATTERN)) {
		let written = match[0];
		// Keep a closing bracket that belongs to the URL (`…/Foo_(bar)`), drop sentence punctuation.
		const trailing = TRAILING_PUNCTUATION.exec(written)?.[0] ?? '';
		const keepParen = trailing.startsWith(')') && written.slice(0, -trailing.length).includes('(');
		if (trailing && !keepParen) written = written.slice(0, -trailing.length);
		if (!written.includes('.')) continue;
		const href = /^https?:\/\//i.test(written) ? written : `https://${written}`;
		links.push({ index: match.index, text: written, href });
	}
	return links;
}

/**
 * Finds `*emphasis*`: an opening `*` after a space, bracket or quote and
 * before a non-space, closed by a `*` after a non-space. `F*** you` has no
 * opener, so it stays text.
 */
export function findEmphasis(text: string): { index: number; length: number; value: string }[] {
	const found: { index: number; length: number; value: string }[] = [];
	const pattern = /(?<=^|[\s(\[“"‘])\*([^\s*](?:[^*]*?[^\s*])?)\*(?=$|[\s.,;:!?)\]”"’'—-])/gu;
	for (const match of text.matchAll(pattern)) found.push({ index: match.index, length: match[0].length, value: match[1]! });
	return found;
}

/** Parses a block's text into inline nodes: links, emphasis and the text between them. */
export function parseInline(text: string): Inline[] {
	type Span = { index: number; length: number; node: Inline };
	const spans: Span[] = [
		...findLinks(text).map((link) => ({
			index: link.index,
			length: link.text.length,
			node: { type: 'link', href: link.href, text: link.text } as Inline,
		})),
		...findEmphasis(text).map((em) => ({ index: em.index, length: em.length, node: { type: 'emphasis', value: em.value } as Inline })),
	].sort((a, b) => a.index - b.index);

	const nodes: Inline[] = [];
	let cursor = 0;
	for (const span of spans) {
		if (span.index < cursor) continue; // overlapping (an emphasised URL): the first one wins
		if (span.index > cursor) nodes.push({ type: 'text', value: text.slice(cursor, span.index) });
		nodes.push(span.node);
		cursor = span.index + span.length;
	}
	if (cursor < text.length) nodes.push({ type: 'text', value: text.slice(cursor) });
	return nodes;
}

/**
 * The text of inline nodes, links as their text: plain (emphasis markers
 * dropped), or with `marks` as the source writes it (`*emphasis*`), so text
 * found in it can be parsed again with `parseInline` (heading corrections).
 * The one Inline-to-text of the ingest; `elementText` in feed.ts does the same
 * for the feed's HTML before it becomes Inline.
 */
export function inlineText(nodes: readonly Inline[], marks = false): string {
	return nodes.map((node) => (node.type === 'link' ? node.text : marks && node.type === 'emphasis' ? `*${node.value}*` : node.value)).join('');
}
