import type { APIRoute } from 'astro';
import { getEpisodeMarkdown, getFullTextParts } from '../lib/episodes.ts';
import { FULL_TEXT_SEPARATOR, type FullTextPart } from '../lib/llms-txt.ts';

/** One file per year (or part of a year), as listed in /llms.txt. */
export const getStaticPaths = async () => (await getFullTextParts()).map((part) => ({ params: { part: part.name }, props: { part } }));

/** Every episode of the part as Markdown, newest first. */
export const GET: APIRoute<{ part: FullTextPart }> = async ({ props }) => {
	const markdown = await getEpisodeMarkdown();
	return new Response(props.part.slugs.map((slug) => markdown.get(slug)!).join(FULL_TEXT_SEPARATOR), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
