/**
 * The RSS feed's items: one per episode, each pointing at its page and, in the
 * Podcasting 2.0 namespace, at its chapters and transcripts and naming its people.
 */
import type { RSSFeedItem } from '@astrojs/rss';
import type { EpisodeSummary } from '../schemas/entry.ts';
import { chaptersPath, episodePath, srtPath, transcriptPath, vttPath } from './routes.ts';
import { absoluteUrl } from './site.ts';

/** The Podcasting 2.0 namespace. */
export const PODCAST_NAMESPACE = 'https://podcastindex.org/namespace/1.0';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `podcast:chapters`, `podcast:transcript` and `podcast:person` elements for an episode. */
export function podcastElements(episode: EpisodeSummary, siteUrl: URL | undefined): string {
	const url = (path: string) => escapeXml(absoluteUrl(path, siteUrl));
	const elements = [`<podcast:chapters url="${url(chaptersPath(episode.slug))}" type="application/json+chapters"/>`];
	if (episode.transcript) {
		elements.push(
			`<podcast:transcript url="${url(transcriptPath(episode.slug))}" type="application/json"/>`,
			`<podcast:transcript url="${url(vttPath(episode.slug))}" type="text/vtt"/>`,
			`<podcast:transcript url="${url(srtPath(episode.slug))}" type="application/x-subrip"/>`,
		);
	}
	for (const speaker of episode.speakers.filter((s) => s.role !== 'other')) {
		elements.push(`<podcast:person role="${speaker.role}">${escapeXml(speaker.name)}</podcast:person>`);
	}
	return elements.join('');
}

/** One feed item per episode, newest first. */
export function feedItems(episodes: readonly EpisodeSummary[], siteUrl: URL | undefined): RSSFeedItem[] {
	return episodes.map((episode) => ({
		title: episode.title,
		link: absoluteUrl(episodePath(episode.slug), siteUrl),
		pubDate: episode.published,
		description: episode.summary,
		customData: podcastElements(episode, siteUrl),
	}));
}
