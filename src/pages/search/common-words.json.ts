import type { APIRoute } from 'astro';
import { getEpisodes, loadEpisodeEntry } from '../../lib/episodes.ts';
import { commonWords } from '../../client/search-quotes.ts';

/**
 * The archive's most frequent words, for search: a quote asks Pagefind only
 * for its other words (src/client/search-quotes.ts).
 */
export const GET: APIRoute = async () => {
	const texts: string[] = [];
	for (const episode of await getEpisodes()) {
		const entry = await loadEpisodeEntry(episode);
		texts.push(entry.title, ...(entry.transcript?.turns ?? []).flatMap((turn) => turn.paragraphs.map((paragraph) => paragraph.text)));
	}
	return Response.json(commonWords(texts));
};
