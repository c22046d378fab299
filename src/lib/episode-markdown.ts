/**
 * An episode as one Markdown document (`/episodes/<slug>.md`), for readers
 * who paste an episode into a model or point a tool at it: YAML front matter
 * with the facts, then the description and show notes, the chapters and the
 * transcript, every time a link to its spot on the episode page. Pure: the
 * route reads the entry and passes its prose in.
 *
 * Text from the dump goes through the same escaping as the MDX entries
 * (`src/ingest/mdx.ts`), so it stays text in any CommonMark or GFM renderer:
 * no HTML, no link, no heading or list it did not have.
 */
import type { EpisodeEntry } from '../schemas/entry.ts';
import type { Chapter } from '../schemas/episode.ts';
import { escapeHref, headingMarkdown, inlineMarkdown, listMarkdown } from '../ingest/mdx.ts';
import { episodePeople } from './archive.ts';
import { formatTime } from '../shared/time.ts';
import { headingLevels, transcriptItems } from './transcript-view.ts';

/** The facts at the top of the file; `title`, `published` and `url` are as in /episodes.json. */
export interface EpisodeFrontMatter {
	title: string;
	slug: string;
	show: string;
	/** ISO 8601, UTC. */
	published: string;
	url: string;
	/** Running time in seconds. */
	duration: number;
	guests: string[];
	hosts: string[];
	chapters: number;
	/** Whether the episode was published with a transcript. */
	transcript: boolean;
}

/** The front matter of an episode's Markdown file. */
export function episodeFrontMatter(episode: EpisodeEntry, pageUrl: string): EpisodeFrontMatter {
	const { guests, hosts } = episodePeople(episode);
	return {
		title: episode.title,
		slug: episode.slug,
		show: episode.show,
		published: episode.published.toISOString(),
		url: pageUrl,
		duration: episode.duration,
		guests: guests.map((person) => person.name),
		hosts: hosts.map((person) => person.name),
		chapters: episode.chapters.length,
		transcript: episode.transcript !== undefined,
	};
}

/**
 * A YAML double-quoted scalar. JSON's string syntax is a subset of it, once
 * the characters YAML does not allow unescaped (C1 controls, line and
 * paragraph separators, byte-order marks, lone surrogates) are escaped too.
 */
export function yamlString(text: string): string {
	return JSON.stringify(text.toWellFormed()).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Front matter as YAML: strings quoted, lists one item a line. */
function frontMatterYaml(front: EpisodeFrontMatter): string {
	const lines = Object.entries(front).map(([key, value]) => {
		if (Array.isArray(value)) return value.length === 0 ? `${key}: []` : `${key}:\n${value.map((item) => `  - ${yamlString(item)}`).join('\n')}`;
		return `${key}: ${typeof value === 'string' ? yamlString(value) : String(value)}`;
	});
	return `---\n${lines.join('\n')}\n---`;
}

/** Plain text from the dump as one escaped line of Markdown. */
const text = (value: string) => inlineMarkdown([{ type: 'text', value }]);

/** A link to a spot on the episode page. */
const spotLink = (label: string, pageUrl: string, id: string) => `[${label}](${escapeHref(`${pageUrl}#${id}`)})`;

/** The chapter list: time links to where each chapter starts, then the title, with its notes nested. */
function chapterList(episode: EpisodeEntry, pageUrl: string): string {
	const items = episode.chapters.map((chapter) => {
		const line = `- ${spotLink(formatTime(chapter.start), pageUrl, chapter.id)} ${text(chapter.title)}`;
		return chapter.notes.length > 0 ? `${line}\n${listMarkdown(chapter.notes, 1)}` : line;
	});
	const intro = episode.chaptersIntro ? `${text(episode.chaptersIntro)}\n\n` : '';
	return `## Chapters\n\n${intro}${items.join('\n')}`;
}

/** A chapter's heading in the transcript: its title, then its time linking to it on the page. */
export function chapterHeading(chapter: Chapter, pageUrl: string): string {
	return headingMarkdown(3, `${text(chapter.title)} ${spotLink(formatTime(chapter.start), pageUrl, chapter.id)}`);
}

/** The transcript: chapter headings where chapters start, the dump's own headings, and speaker turns. */
function transcriptMarkdown(episode: EpisodeEntry, pageUrl: string): string {
	if (!episode.transcript) return '## Transcript\n\nNo transcript was published for this episode.';
	const items = transcriptItems(episode);
	const levels = headingLevels(items);
	const parts = items.map((item) => {
		switch (item.kind) {
			case 'chapter':
				return chapterHeading(item.chapter, pageUrl);
			case 'heading':
				return headingMarkdown(levels.get(item)!, text(item.heading.text));
			case 'turn': {
				const { turn, speaker } = item;
				const when = spotLink(turn.start === undefined ? 'turn' : formatTime(turn.start), pageUrl, turn.id);
				const paragraphs = turn.paragraphs.map((paragraph) => text(paragraph.text)).filter(Boolean);
				// A turn the transcript names no speaker for starts with its time alone.
				return [speaker ? `**${text(speaker.name)}** ${when}` : when, ...paragraphs].join('\n\n');
			}
		}
	});
	return ['## Transcript', ...parts].join('\n\n');
}

/**
 * The whole episode as Markdown. `prose` is the description and show notes,
 * already CommonMark (`proseMarkdown` of the MDX entry). Same entry in, same
 * bytes out; the file ends with one newline.
 */
export function episodeMarkdown(episode: EpisodeEntry, prose: string, pageUrl: string): string {
	const parts = [frontMatterYaml(episodeFrontMatter(episode, pageUrl)), headingMarkdown(1, text(episode.title))];
	if (prose.trim()) parts.push(prose.trim());
	if (episode.chapters.length > 0) parts.push(chapterList(episode, pageUrl));
	parts.push(transcriptMarkdown(episode, pageUrl));
	return `${parts.join('\n\n')}\n`;
}
