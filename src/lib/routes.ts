/** Paths of the site's pages and files: the one place that knows the URL scheme. */

/** The episode page. */
export const episodePath = (slug: string) => `episodes/${slug}/`;
/** Podcasting 2.0 JSON chapters. */
export const chaptersPath = (slug: string) => `episodes/${slug}/chapters.json`;
/** Podcasting 2.0 JSON transcript. */
export const transcriptPath = (slug: string) => `episodes/${slug}/transcript.json`;
/** WebVTT transcript. */
export const vttPath = (slug: string) => `episodes/${slug}/transcript.vtt`;
/** The list of every episode with its files. */
export const episodesIndexJsonPath = 'episodes.json';
