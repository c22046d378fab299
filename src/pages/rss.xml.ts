import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getEpisodeData } from '../lib/episodes.ts';
import { channelElements, feedItems, ITUNES_NAMESPACE, PODCAST_NAMESPACE } from '../lib/feed.ts';
import { absoluteUrl, site } from '../lib/site.ts';

/** Every episode, with its chapters and transcripts in the Podcasting 2.0 namespace and, where a feed gave it, its audio. */
export const GET: APIRoute = async ({ site: siteUrl }) =>
	rss({
		title: site.title,
		description: site.description,
		site: absoluteUrl('', siteUrl),
		xmlns: { podcast: PODCAST_NAMESPACE, itunes: ITUNES_NAMESPACE },
		customData: channelElements(site.show),
		items: feedItems(await getEpisodeData(), siteUrl),
		trailingSlash: true,
	});
