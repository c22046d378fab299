/**
 * The "On this page" list of an episode: its sections, the description's
 * headings and, under the transcript (or the chapter list when there is no
 * transcript), every chapter. Pure, so the order is tested without a build.
 */
import type { EpisodeSummary } from '../schemas/entry.ts';
import { PAGE_IDS } from '../shared/page-ids.ts';

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

/** Builds the list in page order: overview, description headings, chapters, transcript. */
export function episodeToc(episode: Pick<EpisodeSummary, 'chapters' | 'transcript'>, prose: readonly ProseHeading[]): TocItem[] {
	const chapters = episode.chapters.map((chapter) => ({ id: chapter.id, text: chapter.title, children: [] }));
	const items: TocItem[] = [{ id: PAGE_IDS.pageTop, text: 'Overview', children: [] }];
	// Only the top level of the description: sub-headings would bury the chapters.
	for (const heading of prose.filter((h) => h.depth === 2)) items.push({ id: heading.slug, text: heading.text, children: [] });
	if (episode.chapters.length > 0) items.push({ id: PAGE_IDS.chapters, text: 'Chapters', children: episode.transcript ? [] : chapters });
	items.push({ id: PAGE_IDS.transcript, text: 'Transcript', children: episode.transcript ? chapters : [] });
	return items;
}
