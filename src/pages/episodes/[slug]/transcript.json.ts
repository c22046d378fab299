import type { APIRoute } from 'astro';
import { transcriptFile } from '../../../lib/podcast-files.ts';
import { episodeRoutes, loadEpisodeEntry, type EpisodeRoute } from '../../../lib/episodes.ts';

/** Only episodes with a transcript have this file. */
export const getStaticPaths = async () => (await episodeRoutes()).filter((route) => route.props.episode.data.transcript);

/** Podcasting 2.0 JSON transcript, linked from the RSS feed's `podcast:transcript`. */
export const GET: APIRoute<EpisodeRoute> = async ({ props }) => Response.json(transcriptFile(await loadEpisodeEntry(props.episode)));
