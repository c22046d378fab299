import type { APIRoute } from 'astro';
import { episodeRoutes, getEpisodeMarkdown, type EpisodeRoute } from '../../lib/episodes.ts';

export const getStaticPaths = episodeRoutes;

/** The whole episode as Markdown: front matter, description, show notes, chapters and transcript. */
export const GET: APIRoute<EpisodeRoute> = async ({ props }) =>
	new Response((await getEpisodeMarkdown()).get(props.episode.data.slug), { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
