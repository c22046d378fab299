/**
 * What the episode page copies besides links: one chapter of the episode's
 * Markdown, and quotes — a link that opens the page at a turn with the
 * selected words marked, and a quote ready to paste. Pure, for the page's
 * lazily loaded script (`markdown-copy.ts`) and the unit tests.
 */

/**
 * The parameter the landing marks words from: HIGHLIGHT_PARAM of search.ts,
 * written out (a unit test keeps them equal) because importing that module
 * would bring the search code into this small script's download.
 */
export const QUOTE_PARAM = 'highlight';

/**
 * One chapter of an episode's Markdown (as `episodeMarkdown` writes it): the
 * document's title, then the chapter's heading and everything up to the next
 * heading of its level or above. `undefined` if the chapter has no heading.
 */
export function chapterMarkdown(markdown: string, chapterId: string): string | undefined {
	const lines = markdown.split('\n');
	const start = lines.findIndex((line) => line.startsWith('### ') && line.includes(`#${chapterId})`));
	if (start < 0) return undefined;
	const end = lines.findIndex((line, i) => i > start && /^#{1,3} /.test(line));
	const title = lines.find((line) => line.startsWith('# '));
	const section = lines.slice(start, end < 0 ? undefined : end).join('\n').trim();
	return `${title ? `${title}\n\n` : ''}${section}\n`;
}

/** The words of a selection as the page holds them: one phrase per paragraph, spaces collapsed. */
export function quotePhrases(selected: string): string[] {
	return selected
		.split(/\n+/)
		.map((phrase) => phrase.replace(/\s+/g, ' ').trim())
		.filter(Boolean);
}

/**
 * A link to a quote: the page, the site's highlight parameter once per
 * phrase (the landing marks them, as after a search) and the turn's anchor.
 */
export function quoteUrl(page: string, turnId: string, selected: string): string {
	const params = quotePhrases(selected).map((phrase) => `${QUOTE_PARAM}=${encodeURIComponent(phrase)}`);
	return `${page}${params.length > 0 ? `?${params.join('&')}` : ''}#${turnId}`;
}

/** A quote ready to paste: “…” — Speaker, Episode title, 22:24, URL (the time only where the turn has one). */
export function quoteText(selected: string, speaker: string, title: string, time: string | undefined, url: string): string {
	return `“${quotePhrases(selected).join(' ')}” — ${[speaker, title, time, url].filter(Boolean).join(', ')}`;
}

