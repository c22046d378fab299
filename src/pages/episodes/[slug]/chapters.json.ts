import type { APIRoute } from 'astro';
import { chaptersFile } from '../../../lib/podcast-files.ts';
import { episodeRoutes, type EpisodeRoute } from '../../../lib/episodes.ts';
import { episodePath } from '../../../lib/routes.ts';
import { absoluteUrl } from '../../../lib/site.ts';

export const getStaticPaths = episodeRoutes;

/** JSON chapters 1.2 (`application/json+chapters`), linked from the RSS feed's `podcast:chapters`. */
export const GET: APIRoute<EpisodeRoute> = ({ props, site }) =>
	Response.json(chaptersFile(props.episode.data, absoluteUrl(episodePath(props.episode.data.slug), site)));
