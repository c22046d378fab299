/**
 * The episodes, read once from the content collection and shaped for the
 * routes: newest first, with their neighbours.
 */
import { getCollection, type CollectionEntry } from 'astro:content';

/** An episode entry of the content collection. */
export type EpisodeEntryDoc = CollectionEntry<'episodes'>;

let cache: Promise<EpisodeEntryDoc[]> | undefined;

/** Every episode, newest first (ties broken by slug, so the order is stable). */
export function getEpisodes(): Promise<EpisodeEntryDoc[]> {
	cache ??= getCollection('episodes').then((entries) =>
		entries.sort((a, b) => b.data.published.getTime() - a.data.published.getTime() || a.data.slug.localeCompare(b.data.slug)),
	);
	return cache;
}

/** An episode with the ones published just before and after it. */
export interface EpisodeRoute {
	episode: EpisodeEntryDoc;
	/** The next older episode. */
	previous?: EpisodeEntryDoc;
	/** The next newer episode. */
	next?: EpisodeEntryDoc;
}

/** Static paths for per-episode routes, computed once from the sorted list. */
export async function episodeRoutes(): Promise<{ params: { slug: string }; props: EpisodeRoute }[]> {
	const episodes = await getEpisodes();
	return episodes.map((episode, i) => ({
		params: { slug: episode.data.slug },
		props: {
			episode,
			...(episodes[i + 1] ? { previous: episodes[i + 1] } : {}),
			...(i > 0 ? { next: episodes[i - 1] } : {}),
		},
	}));
}
