/**
 * The left navigation: every episode grouped by year and month, computed once
 * per build from the collection so pages only pass the current slug.
 */
import type { EpisodeSummary } from '../schemas/entry.ts';
import { groupByYearMonth, type YearGroup } from './archive.ts';
import { getEpisodeData } from './episodes.ts';
import { episodePath } from './routes.ts';
import { withBase } from './site.ts';

/** One episode link in the navigation. */
export interface NavEpisode {
	slug: string;
	title: string;
	href: string;
	published: Date;
}

/** Groups episodes (newest first) into the navigation tree. */
export function navTree(episodes: readonly EpisodeSummary[]): YearGroup<NavEpisode>[] {
	const items = episodes.map((episode) => ({
		slug: episode.slug,
		title: episode.title,
		href: withBase(episodePath(episode.slug)),
		published: episode.published,
	}));
	return groupByYearMonth(items, (item) => item.published);
}

let cache: Promise<YearGroup<NavEpisode>[]> | undefined;

/** The navigation tree of the whole archive, built once per build. */
export function getNavTree(): Promise<YearGroup<NavEpisode>[]> {
	cache ??= getEpisodeData().then(navTree);
	return cache;
}
