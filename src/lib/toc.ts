/**
 * The "On this page" list of an episode: its sections, the description's
 * headings and, under the transcript (or the chapter list when there is no
 * transcript), every chapter. Pure, so the order is tested without a build.
 */
import type { EpisodeSummary } from '../schemas/entry.ts';

/** An entry of the list: a link to `#id`, with nested entries. */
export interface TocItem {
	id: string;
	text: string;
	children: TocItem[];
}

/** A heading of the rendered description (as Astro's `render()` reports it). */
export interface ProseHeading {
	depth: number;
	slug: string;
	text: string;
}

/** Id of the element at the very top of an episode page, for the first entry. */
export const TOP_ID = 'page-top';

/** Builds the list in page order: overview, description headings, chapters, transcript. */
export function episodeToc(episode: Pick<EpisodeSummary, 'chapters' | 'transcript'>, prose: readonly ProseHeading[]): TocItem[] {
	const chapters = episode.chapters.map((chapter) => ({ id: chapter.id, text: chapter.title, children: [] }));
	const items: TocItem[] = [{ id: TOP_ID, text: 'Overview', children: [] }];
	// Only the top level of the description: sub-headings would bury the chapters.
	for (const heading of prose.filter((h) => h.depth === 2)) items.push({ id: heading.slug, text: heading.text, children: [] });
	if (episode.chapters.length > 0) items.push({ id: 'chapters', text: 'Chapters', children: episode.transcript ? [] : chapters });
	items.push({ id: 'transcript', text: 'Transcript', children: episode.transcript ? chapters : [] });
	return items;
}
