import { getRssString } from '@astrojs/rss';
import { describe, expect, test } from 'vitest';
import { readFeed } from '../../src/ingest/feed.ts';
import { audioRef, siteName } from '../../src/lib/episode-media.ts';
import { channelElements, enclosure, feedItems, itunesElements, ITUNES_NAMESPACE, PODCAST_NAMESPACE } from '../../src/lib/feed.ts';
import { podcastEpisode } from '../../src/lib/structured-data.ts';
import type { EpisodeSummary } from '../../src/schemas/entry.ts';
import type { EpisodeMedia } from '../../src/schemas/episode.ts';
import { SiteConfigSchema } from '../../src/schemas/site.ts';
import { adeptMetadata } from '../fixtures/adept-episode.ts';
import { testReturns } from './helpers/table.ts';

/** The media of the Adept episode as the show's feed gives it. */
const adept: EpisodeMedia = {
	audio: { url: 'https://api.substack.com/feed/podcast/142871234/adept.mp3', type: 'audio/mpeg', length: 59318062 },
	image: 'https://substackcdn.com/feed/podcast/1084089/post/142871234/adept.jpg',
	link: 'https://www.latent.space/p/adept',
	guid: 'https://www.latent.space/p/adept',
};

/** An episode as the collection keeps it, with or without media. */
function episode(media?: EpisodeMedia): EpisodeSummary {
	return {
		...adeptMetadata,
		duration: 2477,
		...(media ? { media } : {}),
		speakers: [],
		chapters: [],
		source: { file: 'latent-space-podcast.xml', line: 9 },
	};
}

const site = SiteConfigSchema.parse({
	title: 'Archive',
	description: 'All of it.',
	url: 'https://x.org',
	show: { name: 'The Show', url: 'https://show.example/', author: 'Latent Space & co' },
	hosts: [],
});
const urls = { page: 'https://x.org/e/', home: 'https://x.org/', person: (id: string) => `https://x.org/s/${id}/` };

describe('siteName', () => {
	testReturns('%s is on %s', siteName, [
		['https://www.latent.space/p/adept', 'latent.space'],
		['https://latent.space/p/adept', 'latent.space'],
		['https://podcast.example.org/episodes/1', 'podcast.example.org'],
	]);

	test('is undefined for a link that only looks like a URL', () => {
		expect(siteName('https://[oops/p/adept')).toBeUndefined();
	});
});

describe('episodes.json audio', () => {
	test('gives the url, type and length of the audio', () => {
		expect(audioRef(adept.audio)).toEqual({ url: adept.audio!.url, type: 'audio/mpeg', length: 59318062 });
	});

	test('keeps the same keys when the feed gives no length, and is null without audio', () => {
		expect(audioRef({ url: 'https://a.example/x.m4a', type: 'audio/mp4' })).toEqual({ url: 'https://a.example/x.m4a', type: 'audio/mp4', length: null });
		expect(audioRef(undefined)).toBeNull();
	});
});

describe('PodcastEpisode JSON-LD', () => {
	test('an episode with audio names it as associated media, with its artwork and original post', () => {
		expect(podcastEpisode(episode(adept), urls, site)).toMatchObject({
			associatedMedia: { '@type': 'MediaObject', contentUrl: adept.audio!.url, encodingFormat: 'audio/mpeg' },
			image: adept.image,
			sameAs: adept.link,
		});
	});

	test('an episode without media has none of them', () => {
		const data = podcastEpisode(episode(), urls, site);
		expect(data).not.toHaveProperty('associatedMedia');
		expect(data).not.toHaveProperty('image');
		expect(data).not.toHaveProperty('sameAs');
	});
});

describe('RSS items for podcast apps', () => {
	test('the audio is an enclosure; an unknown length is written as 0', () => {
		expect(enclosure(episode(adept))).toEqual({ url: adept.audio!.url, length: 59318062, type: 'audio/mpeg' });
		expect(enclosure(episode({ audio: { url: 'https://a.example/x.mp3', type: 'audio/mpeg' } }))).toEqual({ url: 'https://a.example/x.mp3', length: 0, type: 'audio/mpeg' });
		expect(enclosure(episode())).toBeUndefined();
	});

	test('the running time is itunes:duration in seconds, with the artwork as itunes:image', () => {
		expect(itunesElements(episode(adept))).toBe(`<itunes:duration>2477</itunes:duration><itunes:image href="${adept.image}"/>`);
		expect(itunesElements({ duration: 0 })).toBe('');
	});

	test('the channel names its language and author, escaped', () => {
		expect(channelElements(site.show)).toBe('<language>en</language><itunes:author>Latent Space &amp; co</itunes:author>');
	});

	test("the archive's feed reads back, through the archive's own feed reader, with its audio and running time", async () => {
		const xml = await getRssString({
			title: site.title,
			description: site.description,
			site: 'https://x.org/',
			xmlns: { podcast: PODCAST_NAMESPACE, itunes: ITUNES_NAMESPACE },
			customData: channelElements(site.show),
			items: feedItems([episode(adept), { ...episode(), slug: 'no-audio', title: 'No audio' }], new URL('https://x.org')),
		});
		expect(xml).toContain(`<enclosure url="${adept.audio!.url}" length="59318062" type="audio/mpeg"/>`);
		const { items, errors } = readFeed(xml);
		expect(errors).toEqual([]);
		expect(items.map((item) => [item.title, item.duration, item.media.audio])).toEqual([
			['Why Google failed to make GPT-3', 2477, adept.audio],
			['No audio', 2477, undefined],
		]);
	});
});
