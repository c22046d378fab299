import type { APIRoute } from 'astro';
import { transcriptVtt } from '../../../lib/podcast-files.ts';
import { episodeRoutes, loadEpisodeEntry, type EpisodeRoute } from '../../../lib/episodes.ts';

/** Only episodes with a transcript have this file. */
export const getStaticPaths = async () => (await episodeRoutes()).filter((route) => route.props.episode.data.transcript);

/** The transcript as WebVTT captions. */
export const GET: APIRoute<EpisodeRoute> = async ({ props }) =>
	new Response(transcriptVtt(await loadEpisodeEntry(props.episode)), { headers: { 'Content-Type': 'text/vtt; charset=utf-8' } });
