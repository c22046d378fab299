/**
 * The RSS feed's items: one per episode, each pointing at its page and, in the
 * Podcasting 2.0 namespace, at its chapters and transcripts and naming its
 * people; with its audio, running time and artwork, podcast apps can play it.
 */
import type { RSSFeedItem } from '@astrojs/rss';
import type { EpisodeSummary } from '../schemas/entry.ts';
import type { SiteConfig } from '../schemas/site.ts';
import { escapeMarkup } from './escape.ts';
import { chaptersPath, episodePath, srtPath, transcriptPath, vttPath } from './routes.ts';
import { absoluteUrl } from './site.ts';

/** The Podcasting 2.0 namespace. */
export const PODCAST_NAMESPACE = 'https://podcastindex.org/namespace/1.0';

/** Apple's podcast namespace, which podcast apps read for the running time and artwork. */
export const ITUNES_NAMESPACE = 'http://www.itunes.com/dtds/podcast-1.0.dtd';

/** `podcast:chapters`, `podcast:transcript` and `podcast:person` elements for an episode. */
export function podcastElements(episode: EpisodeSummary, siteUrl: URL | undefined): string {
	const url = (path: string) => escapeMarkup(absoluteUrl(path, siteUrl));
	const elements = [`<podcast:chapters url="${url(chaptersPath(episode.slug))}" type="application/json+chapters"/>`];
	if (episode.transcript) {
		elements.push(
			`<podcast:transcript url="${url(transcriptPath(episode.slug))}" type="application/json"/>`,
			`<podcast:transcript url="${url(vttPath(episode.slug))}" type="text/vtt"/>`,
			`<podcast:transcript url="${url(srtPath(episode.slug))}" type="application/x-subrip"/>`,
		);
	}
	for (const speaker of episode.speakers.filter((s) => s.role !== 'other')) {
		elements.push(`<podcast:person role="${speaker.role}">${escapeMarkup(speaker.name)}</podcast:person>`);
	}
	return elements.join('');
}

/** The channel's language and, for podcast apps, its author. */
export function channelElements(show: SiteConfig['show']): string {
	return `<language>${escapeMarkup(show.language)}</language>${show.author ? `<itunes:author>${escapeMarkup(show.author)}</itunes:author>` : ''}`;
}

/** `itunes:duration` (in seconds) and `itunes:image` for an episode, where it has them. */
export function itunesElements(episode: Pick<EpisodeSummary, 'duration' | 'media'>): string {
	const elements = episode.duration > 0 ? [`<itunes:duration>${episode.duration}</itunes:duration>`] : [];
	if (episode.media?.image) elements.push(`<itunes:image href="${escapeMarkup(episode.media.image)}"/>`);
	return elements.join('');
}

/**
 * The audio as an RSS `<enclosure>`, which makes the item playable in podcast
 * apps. RSS requires a length; 0 stands for "not known", as feeds commonly write it.
 */
export function enclosure(episode: Pick<EpisodeSummary, 'media'>): RSSFeedItem['enclosure'] {
	const audio = episode.media?.audio;
	return audio ? { url: audio.url, length: audio.length ?? 0, type: audio.type } : undefined;
}

/** One feed item per episode, newest first. */
export function feedItems(episodes: readonly EpisodeSummary[], siteUrl: URL | undefined): RSSFeedItem[] {
	return episodes.map((episode) => ({
		title: episode.title,
		link: absoluteUrl(episodePath(episode.slug), siteUrl),
		pubDate: episode.published,
		description: episode.summary,
		customData: podcastElements(episode, siteUrl) + itunesElements(episode),
		enclosure: enclosure(episode),
	}));
}
