/**
 * schema.org JSON-LD for search engines: the podcast series, each episode,
 * people and breadcrumbs. Pure functions that take absolute URLs, so the
 * pages decide where things live and these only describe them.
 */
import type { EpisodeSummary } from '../schemas/entry.ts';
import type { SiteConfig } from '../schemas/site.ts';
import { isoDuration } from '../shared/time.ts';

/** A JSON-LD object. */
export type JsonLd = Record<string, unknown>;

/** One step of a breadcrumb trail. */
export interface Crumb {
	name: string;
	/** Absolute URL. */
	url: string;
}

/** The podcast the archive covers; `url` is the archive's home page. */
export function podcastSeries(site: SiteConfig, url: string): JsonLd {
	return {
		'@type': 'PodcastSeries',
		name: site.show.name,
		url,
		sameAs: site.show.url,
		inLanguage: site.show.language,
		author: site.hosts.map((host) => ({ '@type': 'Person', name: host.name, ...(host.url ? { sameAs: host.url } : {}) })),
	};
}

/** The archive itself, with the search page as its search action. */
export function webSite(site: SiteConfig, url: string, searchUrl: string): JsonLd {
	return {
		'@context': 'https://schema.org',
		'@type': 'WebSite',
		name: site.title,
		description: site.description,
		url,
		inLanguage: site.show.language,
		about: podcastSeries(site, url),
		potentialAction: {
			'@type': 'SearchAction',
			target: { '@type': 'EntryPoint', urlTemplate: `${searchUrl}?q={search_term_string}` },
			'query-input': 'required name=search_term_string',
		},
	};
}

/**
 * An episode: title, date, duration, series and the people heard (guests as
 * actors, hosts as contributors); where a feed gave them, its audio file, its
 * artwork, and the original post as the same episode elsewhere.
 */
export function podcastEpisode(
	episode: EpisodeSummary,
	urls: { page: string; home: string; person: (id: string) => string },
	site: SiteConfig,
): JsonLd {
	const person = (speaker: EpisodeSummary['speakers'][number]) => ({ '@type': 'Person', name: speaker.name, url: urls.person(speaker.id) });
	const { audio, image, link } = episode.media ?? {};
	return {
		'@context': 'https://schema.org',
		'@type': 'PodcastEpisode',
		name: episode.title,
		url: urls.page,
		datePublished: episode.published.toISOString(),
		duration: isoDuration(episode.duration),
		description: episode.summary,
		inLanguage: site.show.language,
		partOfSeries: podcastSeries(site, urls.home),
		actor: episode.speakers.filter((speaker) => speaker.role === 'guest').map(person),
		contributor: episode.speakers.filter((speaker) => speaker.role === 'host').map(person),
		...(audio ? { associatedMedia: { '@type': 'MediaObject', contentUrl: audio.url, encodingFormat: audio.type } } : {}),
		...(image ? { image } : {}),
		...(link ? { sameAs: link } : {}),
	};
}

/** A person, with the episodes they appear in. */
export function person(name: string, url: string, episodeUrls: readonly string[], sameAs?: string): JsonLd {
	return {
		'@context': 'https://schema.org',
		'@type': 'Person',
		name,
		url,
		...(sameAs ? { sameAs } : {}),
		subjectOf: episodeUrls.map((episodeUrl) => ({ '@type': 'PodcastEpisode', url: episodeUrl })),
	};
}

/** A topic: a term of the archive's set of topics, with other names and the episodes about it. */
export function definedTerm(name: string, url: string, setUrl: string, alternateNames: readonly string[], episodes: readonly { name: string; url: string }[]): JsonLd {
	return {
		'@context': 'https://schema.org',
		'@type': 'DefinedTerm',
		name,
		url,
		...(alternateNames.length > 0 ? { alternateName: [...alternateNames] } : {}),
		inDefinedTermSet: { '@type': 'DefinedTermSet', name: 'Topics', url: setUrl },
		subjectOf: episodes.map((episode) => ({ '@type': 'PodcastEpisode', name: episode.name, url: episode.url })),
	};
}

/** A breadcrumb trail from the home page to the current page. */
export function breadcrumbList(crumbs: readonly Crumb[]): JsonLd {
	return {
		'@context': 'https://schema.org',
		'@type': 'BreadcrumbList',
		itemListElement: crumbs.map((crumb, index) => ({ '@type': 'ListItem', position: index + 1, name: crumb.name, item: crumb.url })),
	};
}

/**
 * JSON for a `<script type="application/ld+json">`: `<` is escaped so no
 * text from the dump (`</script>`) can end the element early.
 */
export function jsonLdText(data: JsonLd | readonly JsonLd[]): string {
	return JSON.stringify(data).replace(/</g, '\\u003c');
}
