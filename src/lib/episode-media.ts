/**
 * An episode's audio and original post as the site shows and lists them.
 * Pure functions of the media a feed gave (`EpisodeMedia`).
 */
import type { Audio } from '../schemas/episode.ts';

/**
 * The name readers know a site by, from a URL's host without `www.`
 * (`https://www.latent.space/p/modal` → `latent.space`), so "Listen on …"
 * names wherever the feed says the post lives; `undefined` for a URL that
 * does not parse (a feed's `<link>` is only checked to start like one).
 */
export function siteName(url: string): string | undefined {
	return URL.canParse(url) ? new URL(url).hostname.replace(/^www\./, '') || undefined : undefined;
}

/** The `audio` of an episode in `/episodes.json`: always the same keys, `length` `null` when the feed gives none. */
export interface AudioRef {
	url: string;
	type: string;
	/** Size in bytes. */
	length: number | null;
}

/** The audio file of an episode for `/episodes.json`, or `null` when there is none. */
export function audioRef(audio: Audio | undefined): AudioRef | null {
	return audio ? { url: audio.url, type: audio.type, length: audio.length ?? null } : null;
}
