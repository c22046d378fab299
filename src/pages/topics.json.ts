import type { APIRoute } from 'astro';
import { episodePath, topicPath } from '../lib/routes.ts';
import { absoluteUrl } from '../lib/site.ts';
import { getTopicViews } from '../lib/topics.ts';

/** Every topic with its page and the episodes that name it, newest first, with how many turns say it: a stable public interface. */
export const GET: APIRoute = async ({ site }) => {
	const views = await getTopicViews();
	return Response.json({
		version: 1,
		topics: views.map(({ topic, episodes }) => ({
			id: topic.id,
			name: topic.name,
			kind: topic.kind,
			aliases: topic.aliases,
			url: absoluteUrl(topicPath(topic.id), site),
			episodes: episodes.map((e) => ({ slug: e.episode.slug, url: absoluteUrl(episodePath(e.episode.slug), site), turns: e.turns })),
		})),
	});
};
