/**
 * What each page shows beyond the collection itself: breadcrumbs, JSON-LD and
 * the like, computed here so route files stay thin.
 */
import type { EpisodeSummary } from '../schemas/entry.ts';
import { latestItems, type YearRun, type YearSummary } from './archive.ts';
import { episodesPath, episodesYearPath, episodePath, homePath, searchPath, speakerPath, speakersPath, speakerYearPath, topicPath, topicsPath, topicYearPath } from './routes.ts';
import { absoluteUrl, site, withBase } from './site.ts';
import type { SpeakerProfile } from './speakers.ts';
import { breadcrumbList, definedTerm, person, podcastEpisode, podcastSeries, webSite, type JsonLd } from './structured-data.ts';
import type { TopicView } from './topic-views.ts';

/** A breadcrumb step with both the link for the page and the absolute URL for JSON-LD. */
export interface Step {
	name: string;
	path: string;
}

/** Breadcrumb links (based) for the visible trail. */
export const trailLinks = (steps: readonly Step[]) => steps.map((step) => ({ name: step.name, href: withBase(step.path) }));

/** The BreadcrumbList of a page: its trail, then the page itself. */
export function breadcrumbsLd(steps: readonly Step[], current: Step, siteUrl: URL | undefined): JsonLd {
	return breadcrumbList([...steps, current].map((step) => ({ name: step.name, url: absoluteUrl(step.path, siteUrl) })));
}

/** The trail above a page in one of the archive's sections: the archive, then the section's index. */
const sectionTrail = (name: string, path: string): Step[] => [
	{ name: 'Archive', path: homePath },
	{ name, path },
];

/** The trail above a year of the episodes. */
export const episodesTrail: Step[] = sectionTrail('Episodes', episodesPath);

/** The trail above an episode page: the archive, the episodes, the episode's year. */
export function episodeTrail(episode: EpisodeSummary): Step[] {
	const year = episode.published.getUTCFullYear();
	return [...episodesTrail, { name: String(year), path: episodesYearPath(year) }];
}

/** A link to a year's page, with how many episodes it lists. */
export interface YearLink {
	year: number;
	count: number;
	href: string;
}

/** Links to the episodes' year pages. */
export const episodeYearLinks = (years: readonly YearSummary[]): YearLink[] =>
	years.map((year) => ({ year: year.year, count: year.episodes, href: withBase(episodesYearPath(year.year)) }));

/** Links to a speaker's year pages. */
export const speakerYearLinks = (id: string, years: readonly YearRun<unknown>[]): YearLink[] =>
	years.map((year) => ({ year: year.year, count: year.items.length, href: withBase(speakerYearPath(id, year.year)) }));

/** JSON-LD of a year's page: its breadcrumbs. */
export const episodesYearLd = (year: number, siteUrl: URL | undefined): JsonLd[] => [
	breadcrumbsLd(episodesTrail, { name: String(year), path: episodesYearPath(year) }, siteUrl),
];

/** The trail above a speaker page. */
export const speakerTrail: Step[] = sectionTrail('Speakers', speakersPath);

/** JSON-LD of an episode page: the episode and its breadcrumbs. */
export function episodeLd(episode: EpisodeSummary, siteUrl: URL | undefined): JsonLd[] {
	return [
		podcastEpisode(
			episode,
			{
				page: absoluteUrl(episodePath(episode.slug), siteUrl),
				home: absoluteUrl(homePath, siteUrl),
				person: (id) => absoluteUrl(speakerPath(id), siteUrl),
			},
			site,
		),
		breadcrumbsLd(episodeTrail(episode), { name: episode.title, path: episodePath(episode.slug) }, siteUrl),
	];
}

/** JSON-LD of the home page: the site with its search, and the podcast series. */
export function homeLd(siteUrl: URL | undefined): JsonLd[] {
	const home = absoluteUrl(homePath, siteUrl);
	return [webSite(site, home, absoluteUrl(searchPath, siteUrl)), { '@context': 'https://schema.org', ...podcastSeries(site, home) }];
}

/** JSON-LD of a speaker page: the person, with their episodes, and the breadcrumbs. */
export function speakerLd(profile: SpeakerProfile, siteUrl: URL | undefined): JsonLd[] {
	const host = site.hosts.find((h) => h.id === profile.id);
	return [
		person(
			profile.name,
			absoluteUrl(speakerPath(profile.id), siteUrl),
			// The episodes the page lists: a host's every episode would grow the page with the archive.
			latestItems(profile.appearances).map((appearance) => absoluteUrl(episodePath(appearance.episode.slug), siteUrl)),
			host?.url,
		),
		breadcrumbsLd(speakerTrail, { name: profile.name, path: speakerPath(profile.id) }, siteUrl),
	];
}

/** The trail above a speaker's year page: the speaker's own page is the last step. */
export const speakerYearTrail = (profile: Pick<SpeakerProfile, 'id' | 'name'>): Step[] => [...speakerTrail, { name: profile.name, path: speakerPath(profile.id) }];

/** JSON-LD of a speaker's year page: its breadcrumbs. */
export const speakerYearLd = (profile: Pick<SpeakerProfile, 'id' | 'name'>, year: number, siteUrl: URL | undefined): JsonLd[] => [
	breadcrumbsLd(speakerYearTrail(profile), { name: String(year), path: speakerYearPath(profile.id, year) }, siteUrl),
];

/** How a speaker's role reads on their page. */
export function roleLabel(profile: Pick<SpeakerProfile, 'role' | 'appearances'>): string {
	const episodes = profile.appearances.length === 1 ? 'one episode' : `${profile.appearances.length} episodes`;
	if (profile.role === 'host') return `Host of the show, heard in ${episodes}`;
	if (profile.role === 'guest') return `Guest in ${episodes}`;
	return `Heard in ${episodes}`;
}

/** The trail above a topic page. */
export const topicTrail: Step[] = sectionTrail('Topics', topicsPath);

/** JSON-LD of a topic page: the topic as a defined term, the episodes the page lists as `subjectOf`, and the breadcrumbs. */
export function topicLd(view: TopicView, siteUrl: URL | undefined): JsonLd[] {
	return [
		definedTerm(
			view.topic.name,
			absoluteUrl(topicPath(view.topic.id), siteUrl),
			absoluteUrl(topicsPath, siteUrl),
			view.topic.aliases,
			// The episodes the page lists: all of a topic said in most episodes would grow the page with the archive.
			latestItems(view.episodes).map((e) => ({ name: e.episode.title, url: absoluteUrl(episodePath(e.episode.slug), siteUrl) })),
		),
		breadcrumbsLd(topicTrail, { name: view.topic.name, path: topicPath(view.topic.id) }, siteUrl),
	];
}

/** Links to a topic's year pages. */
export const topicYearLinks = (id: string, years: readonly YearRun<unknown>[]): YearLink[] =>
	years.map((year) => ({ year: year.year, count: year.items.length, href: withBase(topicYearPath(id, year.year)) }));

/** The trail above a topic's year page: the topic's own page is the last step. */
export const topicYearTrail = (topic: Pick<TopicView['topic'], 'id' | 'name'>): Step[] => [...topicTrail, { name: topic.name, path: topicPath(topic.id) }];

/** JSON-LD of a topic's year page: its breadcrumbs. */
export const topicYearLd = (topic: Pick<TopicView['topic'], 'id' | 'name'>, year: number, siteUrl: URL | undefined): JsonLd[] => [
	breadcrumbsLd(topicYearTrail(topic), { name: String(year), path: topicYearPath(topic.id, year) }, siteUrl),
];
