/**
 * `/llms.txt`, the index the llms.txt proposal (https://llmstxt.org/) asks a
 * site to offer language models and their tools: the archive's name as an H1,
 * a one-paragraph summary as a blockquote, a paragraph on what the files hold,
 * then sections of links, one per year, each episode a link to its Markdown
 * file with a one-line summary. The complete text files (every episode of a
 * year in one file, split where a year would pass the size limit) are listed
 * first. Pure: the routes pass the episodes and their Markdown sizes in.
 */
import { escapeHref, escapeText } from '../ingest/mdx.ts';
import { episodeCount } from './archive.ts';

/** No complete text file may be larger than this (bytes of UTF-8). */
export const FULL_TEXT_LIMIT = 10_000_000;

/** What the index needs of an episode. */
export interface LlmsEpisode {
	slug: string;
	title: string;
	published: Date;
	summary: string;
}

/** One complete text file: the Markdown of some episodes of one year, newest first. */
export interface FullTextPart {
	/** `2024`, or `2024-1`, `2024-2`… when the year is split. */
	name: string;
	year: number;
	slugs: string[];
	/** Size of the file in bytes. */
	bytes: number;
}

/** Between two episodes in a complete text file: a blank line, so each episode's front matter starts a line. */
export const FULL_TEXT_SEPARATOR = '\n';

/**
 * Splits the episodes into complete text files: one per year (UTC), and a
 * year whose Markdown would pass `limit` bytes into as few parts as fit, in
 * order. `episodes` come newest first with the size of their Markdown; an
 * episode larger than the limit alone gets a part of its own.
 */
export function fullTextParts(episodes: readonly { slug: string; published: Date; bytes: number }[], limit = FULL_TEXT_LIMIT): FullTextPart[] {
	const years = new Map<number, { slug: string; bytes: number }[]>();
	for (const episode of episodes) {
		const year = episode.published.getUTCFullYear();
		years.set(year, [...(years.get(year) ?? []), episode]);
	}
	const parts: FullTextPart[] = [];
	for (const [year, members] of years) {
		const groups: { slugs: string[]; bytes: number }[] = [];
		for (const { slug, bytes } of members) {
			const last = groups.at(-1);
			const added = bytes + FULL_TEXT_SEPARATOR.length;
			if (last && last.bytes + added <= limit) {
				last.slugs.push(slug);
				last.bytes += added;
			} else groups.push({ slugs: [slug], bytes });
		}
		for (const [i, group] of groups.entries()) parts.push({ name: groups.length === 1 ? String(year) : `${year}-${i + 1}`, year, ...group });
	}
	return parts;
}

/** A summary as one line of at most about `max` characters, cut at a sentence or a word. */
export function oneLine(summary: string, max = 200): string {
	const line = summary.replace(/\s+/g, ' ').trim();
	if (line.length <= max) return line;
	const sentence = /^.{40,}?[.!?](?=\s)/u.exec(line.slice(0, max))?.[0];
	return sentence ?? `${line.slice(0, max).replace(/\s+\S*$/, '')}…`;
}

/** What the index says besides the episodes: names, summary and the URLs of its files. */
export interface LlmsIndex {
	title: string;
	summary: string;
	/** Newest first. */
	episodes: readonly LlmsEpisode[];
	parts: readonly FullTextPart[];
	/** The absolute URL of an episode's Markdown file. */
	markdownUrl: (slug: string) => string;
	/** The absolute URL of a complete text file. */
	partUrl: (name: string) => string;
	/** Secondary files a tool may skip: the proposal's "Optional" section. */
	optional: readonly { title: string; url: string; note: string }[];
}

const link = (title: string, url: string, note: string) => `- [${escapeText(title)}](${escapeHref(url)})${note ? `: ${escapeText(note)}` : ''}`;
const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

/** The text of /llms.txt. Same input, same bytes. */
export function llmsTxt(index: LlmsIndex): string {
	const sections: string[] = [
		`# ${escapeText(index.title)}`,
		`> ${escapeText(oneLine(index.summary, 400))}`,
		'Each episode is one Markdown file: YAML front matter (title, show, date, page URL, running time in seconds, guests, hosts, chapter count), ' +
			'the description and show notes, the chapters, and the transcript as speaker turns, each time linked to its place on the episode page. ' +
			'The complete text files hold the Markdown of every episode of a year, newest first, for tools that read everything at once.',
	];
	sections.push(
		`## Complete text\n\n${index.parts.map((part) => link(`Every episode of ${part.name}`, index.partUrl(part.name), `${episodeCount(part.slugs.length)}, ${megabytes(part.bytes)}`)).join('\n')}`,
	);
	const years = new Map<number, LlmsEpisode[]>();
	for (const episode of index.episodes) {
		const year = episode.published.getUTCFullYear();
		years.set(year, [...(years.get(year) ?? []), episode]);
	}
	for (const [year, episodes] of years) {
		sections.push(`## ${year}\n\n${episodes.map((episode) => link(episode.title, index.markdownUrl(episode.slug), oneLine(episode.summary))).join('\n')}`);
	}
	if (index.optional.length > 0) sections.push(`## Optional\n\n${index.optional.map((file) => link(file.title, file.url, file.note)).join('\n')}`);
	return `${sections.join('\n\n')}\n`;
}
