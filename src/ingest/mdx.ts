/**
 * Writes an episode as two entry files: `<slug>.json`, the typed data (read
 * by the `episodes` collection and rendered by components), and `<slug>.mdx`,
 * the prose (description and show notes) as Markdown (the `prose` collection).
 * Keeping the data out of the MDX is what keeps big archives cheap: MDX
 * compiles its frontmatter into every page module, so a transcript there
 * costs bundle time and memory for nothing (docs/benchmarks.md measured 399 s
 * against 159 s for 2,000 episodes). Everything from the dump is escaped in
 * the MDX, so `{`, `<`, `import` or backticks in it stay text.
 */
import type { Block, Episode, Inline, ListItem } from '../schemas/episode.ts';
import { EpisodeEntrySchema, type EpisodeEntry, type EpisodeEntryFile } from '../schemas/entry.ts';
import { PAGE_IDS } from '../shared/page-ids.ts';
import { parseInline } from './inline.ts';

/** Characters that Markdown or MDX would read as syntax anywhere in a line. */
const INLINE_SYNTAX = /[\\`*_{}[\]<>&|~]/g;

/**
 * Percent-encodes what would end or confuse a Markdown link destination:
 * spaces, brackets, braces, backslashes, backticks, and every control or
 * non-ASCII character (a destination with a control character is no link, and
 * GFM would then autolink the bare URL, swallowing escapes after it). Lone
 * surrogates, from text cut mid-character, become U+FFFD first.
 */
export function escapeHref(href: string): string {
	return href.toWellFormed().replace(/[^\x21-\x7e]|[()<>{}\\`]/gu, (ch) => encodeURIComponent(ch).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`));
}

/**
 * Escapes text so that it stays text: every syntax character gets a
 * backslash, and what GFM would turn into a link by itself (`www.`,
 * `http://`, `a@b.c`) is broken with a character reference. Such an autolink
 * would otherwise swallow the backslash of an escape right after it
 * (`www.x\<!--` links `www.x\` and leaves `<!--` as JSX); the links the
 * parser found are written as real links instead.
 */
export function escapeText(text: string): string {
	return text
		.replace(INLINE_SYNTAX, (ch) => `\\${ch}`)
		.replace(/(w)(ww\.)/gi, (_, w: string, rest: string) => `&#x${w.charCodeAt(0).toString(16)};${rest}`)
		.replace(/(https?):(?=\/\/)/gi, '$1&#x3A;')
		.replace(/@/g, '&#x40;');
}

/** Renders inline nodes as Markdown. */
export function inlineMarkdown(nodes: readonly Inline[]): string {
	const out = nodes
		.map((node) => {
			switch (node.type) {
				case 'text':
					return escapeText(node.value).replace(/[\r\n\t]+/g, ' ');
				case 'emphasis':
					return `*${escapeText(node.value)}*`;
				case 'link':
					return `[${escapeText(node.text)}](${escapeHref(node.href)})`;
			}
		})
		.join('');
	return escapeLineStart(out);
}

/** Neutralises block syntax at the start of an already escaped line. */
function escapeLineStart(line: string): string {
	return line
		.trimStart()
		.replace(/^([#+\-=>])/, '\\$1')
		.replace(/^(\d+)([.)])/, '$1\\$2')
		.replace(/^(i)(mport\b)/, '&#x69;$2')
		.replace(/^(e)(xport\b)/, '&#x65;$2');
}

/** Renders list items as a Markdown bullet list, nested items indented two spaces per level. */
export function listMarkdown(items: readonly ListItem[], depth = 0): string {
	return items
		.map((item) => {
			const line = `${'  '.repeat(depth)}- ${inlineMarkdown(item.content) || '\u00a0'}`;
			return item.children?.length ? `${line}\n${listMarkdown(item.children, depth + 1)}` : line;
		})
		.join('\n');
}

/**
 * An ATX heading from already escaped inline Markdown. A run of `#` at its end
 * would be read as the optional closing sequence and dropped, so it is escaped.
 */
export function headingMarkdown(level: number, inline: string): string {
	return `${'#'.repeat(level)} ${inline.replace(/(^|\s)(#+)$/, '$1\\$2')}`;
}

/** A heading as the MDX entry writes it: JSX, so the page keeps the model's anchor id. */
const JSX_HEADING = /^<h([2-4]) id="[a-z][a-z0-9-]*">(.*)<\/h\1>$/gm;

/**
 * The prose of an MDX entry (as `renderEpisodeProse` writes it) as plain
 * CommonMark, for the episode's Markdown file: the frontmatter dropped and the
 * JSX headings written as ATX headings. Everything else is already CommonMark:
 * the escapes are backslashes before ASCII punctuation and character
 * references, and the only unescaped `<` at the start of a line are those
 * headings.
 */
export function proseMarkdown(mdx: string): string {
	return mdx
		.replace(/^---\n[\s\S]*?\n---\n/, '')
		.replace(JSX_HEADING, (_, level: string, inline: string) => headingMarkdown(Number(level), inline))
		.trim();
}

/** Renders blocks as Markdown; headings are JSX so their anchor ids are the model's. */
export function blocksMarkdown(blocks: readonly Block[]): string {
	return blocks
		.map((block) => {
			switch (block.type) {
				case 'paragraph':
					return inlineMarkdown(block.content);
				case 'heading':
					return `<h${block.level} id="${block.id}">${inlineMarkdown(parseInline(block.text))}</h${block.level}>`;
				case 'list':
					return listMarkdown(block.items);
			}
		})
		.filter((text) => text.trim().length > 0)
		.join('\n\n');
}

/** The data of an entry: the episode without the prose that goes in the MDX file. */
export function entryData(episode: Episode): EpisodeEntry {
	const { description: _description, showNotes: _showNotes, ...data } = episode;
	return EpisodeEntrySchema.parse(data);
}

/**
 * Serialises data as JSON laid out for reading and diffing: objects one key
 * per line, array elements one per line and compact, so a turn or a chapter
 * is one readable line. Invisible and line-breaking characters outside ASCII
 * are escaped, so the file shows everything it holds.
 */
export function entryJson(data: unknown): string {
	const layout = (value: unknown, indent: string): string => {
		const inner = `${indent}  `;
		if (Array.isArray(value)) {
			return value.length === 0 ? '[]' : `[\n${value.map((item) => `${inner}${JSON.stringify(item)}`).join(',\n')}\n${indent}]`;
		}
		if (value && typeof value === 'object' && !(value instanceof Date)) {
			const entries = Object.entries(value).filter(([, v]) => v !== undefined);
			return `{\n${entries.map(([key, v]) => `${inner}${JSON.stringify(key)}: ${layout(v, inner)}`).join(',\n')}\n${indent}}`;
		}
		return JSON.stringify(value);
	};
	return layout(data, '').replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The names of an episode's two entry files: the data and the prose. */
export function entryFileNames(slug: string): { data: string; prose: string } {
	return { data: `${slug}.json`, prose: `${slug}.mdx` };
}

/** Where an entry came from, for the "generated" notes at the top of its files. */
function generatedNote(episode: Episode): string {
	return `Generated by \`npm run ingest\` from content/sources/${episode.source.file}, line ${episode.source.line}. Do not edit: change the source (or its overrides) and run the ingest again.`;
}

/**
 * The JSON data file of an episode: a `generated` note first, then the typed
 * data. Same episode in, same bytes out.
 */
export function renderEpisodeData(episode: Episode): string {
	const file: EpisodeEntryFile = { generated: generatedNote(episode), ...entryData(episode) };
	return `${entryJson(file)}\n`;
}

/**
 * The MDX file of an episode: the "generated" note as a YAML comment (the
 * frontmatter is otherwise empty), then the description and the show notes.
 * Same episode in, same bytes out.
 */
export function renderEpisodeProse(episode: Episode): string {
	const body = [blocksMarkdown(episode.description)];
	if (episode.showNotes.length > 0) {
		body.push(`<h2 id="${PAGE_IDS.showNotes}">Show notes</h2>`, blocksMarkdown(episode.showNotes));
	}
	const prose = body.filter(Boolean).join('\n\n');
	return `---\n# ${generatedNote(episode)}\n---\n${prose ? `\n${prose}\n` : ''}`;
}
