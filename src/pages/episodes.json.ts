import type { APIRoute } from 'astro';
import { audioRef } from '../lib/episode-media.ts';
import { getEpisodes } from '../lib/episodes.ts';
import { chaptersPath, episodePath, markdownPath, srtPath, transcriptPath, vttPath } from '../lib/routes.ts';
import { absoluteUrl } from '../lib/site.ts';

/** Every episode with its page and machine-readable files: a stable public interface. */
export const GET: APIRoute = async ({ site }) => {
	const episodes = await getEpisodes();
	return Response.json({
		version: 1,
		episodes: episodes.map(({ data }) => ({
			slug: data.slug,
			title: data.title,
			published: data.published.toISOString(),
			url: absoluteUrl(episodePath(data.slug), site),
			chapters: absoluteUrl(chaptersPath(data.slug), site),
			transcript: data.transcript ? absoluteUrl(transcriptPath(data.slug), site) : null,
			vtt: data.transcript ? absoluteUrl(vttPath(data.slug), site) : null,
			srt: data.transcript ? absoluteUrl(srtPath(data.slug), site) : null,
			markdown: absoluteUrl(markdownPath(data.slug), site),
			audio: audioRef(data.media?.audio),
		})),
	});
};
