/**
 * Paths of the site's pages and files: the one place that knows the URL
 * scheme. Paths are relative to the site root and carry no base; pass them to
 * `withBase` (links) or `absoluteUrl` (canonical URLs, feeds).
 */

/** The home page. */
export const homePath = '';
/** Every episode, grouped by year. */
export const episodesPath = 'episodes/';
/** The episode page. */
export const episodePath = (slug: string) => `episodes/${slug}/`;
/** Podcasting 2.0 JSON chapters. */
export const chaptersPath = (slug: string) => `episodes/${slug}/chapters.json`;
/** Podcasting 2.0 JSON transcript. */
export const transcriptPath = (slug: string) => `episodes/${slug}/transcript.json`;
/** WebVTT transcript. */
export const vttPath = (slug: string) => `episodes/${slug}/transcript.vtt`;
/** SubRip captions. */
export const srtPath = (slug: string) => `episodes/${slug}/transcript.srt`;
/** The whole episode as one Markdown document, for people and their AI tools. */
export const markdownPath = (slug: string) => `episodes/${slug}.md`;
/** The archive's index for language models (the llms.txt proposal). */
export const llmsPath = 'llms.txt';
/** One of the complete text files listed in llms.txt: every episode of a year (`2024`), or a part of one (`2024-2`). */
export const llmsFullPath = (part: string) => `llms-full-${part}.txt`;
/** The list of every episode with its files. */
export const episodesIndexJsonPath = 'episodes.json';
/** Everyone who speaks in the archive. */
export const speakersPath = 'speakers/';
/** A speaker's page: their episodes and how much they speak in each. */
export const speakerPath = (id: string) => `speakers/${id}/`;
/** Every topic, A to Z. */
export const topicsPath = 'topics/';
/** A topic's page: the episodes and turns where it is said. */
export const topicPath = (id: string) => `topics/${id}/`;
/** Every topic with its episodes: a public interface like episodes.json. */
export const topicsJsonPath = 'topics.json';
/** The search page; `?q=` carries the query. */
export const searchPath = 'search/';
/** The RSS feed. */
export const rssPath = 'rss.xml';
/** The sitemap index written by @astrojs/sitemap. */
export const sitemapPath = 'sitemap-index.xml';

/** Id of a year's section on the episodes index (`y2024`: ids must not start with a digit). */
export const yearAnchor = (year: number) => `y${year}`;
/** A year's page: every episode of that year, newest first. */
export const episodesYearPath = (year: number) => `${episodesPath}${year}/`;
/** A speaker's episodes of one year, for speakers too frequent to list on one page. */
export const speakerYearPath = (id: string, year: number) => `${speakerPath(id)}${year}/`;
/** A topic's episodes of one year, for topics said in too many episodes to list on one page. */
export const topicYearPath = (id: string, year: number) => `${topicPath(id)}${year}/`;
