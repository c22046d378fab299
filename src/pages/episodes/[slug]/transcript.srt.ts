import type { APIRoute } from 'astro';
import { transcriptSrt } from '../../../lib/podcast-files.ts';
import { episodeRoutes, loadEpisodeEntry, type EpisodeRoute } from '../../../lib/episodes.ts';

/** Only episodes with a transcript have this file. */
export const getStaticPaths = async () => (await episodeRoutes()).filter((route) => route.props.episode.data.transcript);

/** The transcript as SubRip captions, the format most players and video editors read. */
export const GET: APIRoute<EpisodeRoute> = async ({ props }) =>
	new Response(transcriptSrt(await loadEpisodeEntry(props.episode)), { headers: { 'Content-Type': 'application/x-subrip; charset=utf-8' } });
