import type { APIRoute } from 'astro';
import { getEpisodeData, getFullTextParts } from '../lib/episodes.ts';
import { llmsTxt } from '../lib/llms-txt.ts';
import { episodesIndexJsonPath, llmsFullPath, markdownPath, rssPath } from '../lib/routes.ts';
import { absoluteUrl, site } from '../lib/site.ts';

/** The archive's index for language models and their tools, as the llms.txt proposal lays it out. */
export const GET: APIRoute = async ({ site: siteUrl }) => {
	const url = (path: string) => absoluteUrl(path, siteUrl);
	const text = llmsTxt({
		title: site.title,
		summary: site.description,
		episodes: await getEpisodeData(),
		parts: await getFullTextParts(),
		markdownUrl: (slug) => url(markdownPath(slug)),
		partUrl: (name) => url(llmsFullPath(name)),
		optional: [
			{ title: 'Every episode as JSON', url: url(episodesIndexJsonPath), note: 'slugs, dates, pages and the Podcasting 2.0 files of each episode' },
			{ title: 'RSS feed', url: url(rssPath), note: 'every episode, newest first' },
		],
	});
	return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
