import type { APIRoute } from 'astro';
import { getEpisodeMarkdown, getFullTextParts } from '../lib/episodes.ts';
import { FULL_TEXT_SEPARATOR, type FullTextPart } from '../lib/llms-txt.ts';

/** One file per year (or part of a year), as listed in /llms.txt. */
export const getStaticPaths = async () => (await getFullTextParts()).map((part) => ({ params: { part: part.name }, props: { part } }));

/** Every episode of the part as Markdown, newest first. */
export const GET: APIRoute<{ part: FullTextPart }> = async ({ props }) => {
	const markdown = await getEpisodeMarkdown();
	const separator = new TextEncoder().encode(FULL_TEXT_SEPARATOR);
	const pieces = props.part.slugs.flatMap((slug, i) => (i === 0 ? [markdown.get(slug)!] : [separator, markdown.get(slug)!]));
	const body = new Uint8Array(props.part.bytes);
	let at = 0;
	for (const piece of pieces) {
		body.set(piece, at);
		at += piece.length;
	}
	return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
