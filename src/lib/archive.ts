/**
 * The archive as readers browse it: episodes grouped by year and month, the
 * people of an episode by role, and the counts the home page shows. Pure
 * functions of episode data (newest first, as `getEpisodes` returns them), so
 * they are unit-tested without Astro.
 */
import type { EpisodeSummary } from '../schemas/entry.ts';
import type { Speaker } from '../schemas/episode.ts';

/** A number of episodes as readers see it: `1 episode`, `12 episodes`. */
export const episodeCount = (n: number): string => (n === 1 ? '1 episode' : `${n} episodes`);

/** Episodes published in one month, newest first. */
export interface MonthGroup<T> {
	/** 1–12. */
	month: number;
	/** English month name (`March`). */
	label: string;
	items: T[];
}

/** Episodes published in one year, newest month first. */
export interface YearGroup<T> {
	year: number;
	/** Number of episodes in the year. */
	count: number;
	months: MonthGroup<T>[];
}

const monthName = (month: number) => new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });

/**
 * Groups items by the year and month of their publication date (UTC, like
 * the dates the pages show), keeping the order they come in.
 */
export function groupByYearMonth<T>(items: readonly T[], published: (item: T) => Date): YearGroup<T>[] {
	const years: YearGroup<T>[] = [];
	for (const item of items) {
		const date = published(item);
		const year = date.getUTCFullYear();
		const month = date.getUTCMonth() + 1;
		let yearGroup = years.find((group) => group.year === year);
		if (!yearGroup) years.push((yearGroup = { year, count: 0, months: [] }));
		let monthGroup = yearGroup.months.find((group) => group.month === month);
		if (!monthGroup) yearGroup.months.push((monthGroup = { month, label: monthName(month), items: [] }));
		monthGroup.items.push(item);
		yearGroup.count++;
	}
	return years;
}

/** How many of the newest episodes the episodes index lists above the years. */
export const INDEX_LATEST = 10;

/** A year of the archive as the episodes index summarizes it. */
export interface YearSummary {
	year: number;
	episodes: number;
	/** Running time of the year's episodes, in seconds. */
	seconds: number;
	/** Episodes of the year that come with a transcript. */
	transcripts: number;
}

/** Each year's counts, newest year first (episodes come newest first). */
export function yearSummaries(episodes: readonly EpisodeSummary[]): YearSummary[] {
	return groupByYearMonth(episodes, (episode) => episode.published).map((group) => {
		const items = group.months.flatMap((month) => month.items);
		return {
			year: group.year,
			episodes: items.length,
			seconds: items.reduce((sum, episode) => sum + episode.duration, 0),
			transcripts: items.filter((episode) => episode.transcript).length,
		};
	});
}

/** A year's page: its episodes by month, newest first. */
export interface YearPage<T> {
	year: number;
	months: MonthGroup<T>[];
	/** Every episode of the year, newest first. */
	items: T[];
}

/**
 * One page per year with episodes, so that no list of episodes grows with
 * the archive: at 2,000 episodes one list held 25,000 elements and took 4 s
 * to paint on a phone (docs/benchmarks.md). Year pages live beside the
 * episode pages (`episodes/2024/`), so a slug that is a bare year would take
 * the same address: that stops the build instead of hiding a page.
 */
export function yearPages<T extends Pick<EpisodeSummary, 'slug' | 'published'>>(items: readonly T[]): YearPage<T>[] {
	const years = groupByYearMonth(items, (item) => item.published);
	const clash = items.find((item) => years.some((group) => String(group.year) === item.slug));
	if (clash) throw new Error(`episode slug "${clash.slug}" is the address of a year page (episodes/${clash.slug}/): give the episode another slug`);
	return years.map((group) => ({ year: group.year, months: group.months, items: group.months.flatMap((month) => month.items) }));
}

/** The people of an episode as its header lists them. */
export interface EpisodePeople {
	guests: Speaker[];
	hosts: Speaker[];
	/** Others heard on the episode (unidentified voices, audience members). */
	others: Speaker[];
}

/** Splits an episode's speakers by role, keeping the episode's order. */
export function episodePeople(episode: Pick<EpisodeSummary, 'speakers'>): EpisodePeople {
	return {
		guests: episode.speakers.filter((speaker) => speaker.role === 'guest'),
		hosts: episode.speakers.filter((speaker) => speaker.role === 'host'),
		others: episode.speakers.filter((speaker) => speaker.role === 'other'),
	};
}

/** What the archive holds, for the home page. */
export interface ArchiveStats {
	episodes: number;
	/** Episodes that come with a transcript. */
	transcripts: number;
	/** Total running time in seconds. */
	seconds: number;
	/** Total running time in whole hours, rounded. */
	hours: number;
	/** Distinct people (by speaker id) named or heard across all episodes. */
	speakers: number;
	/** Speaker turns across all transcripts. */
	turns: number;
	/** Chapters across all episodes. */
	chapters: number;
}

/** Counts episodes, hours, people, turns and chapters. */
export function archiveStats(episodes: readonly EpisodeSummary[]): ArchiveStats {
	const seconds = episodes.reduce((sum, episode) => sum + episode.duration, 0);
	return {
		episodes: episodes.length,
		transcripts: episodes.filter((episode) => episode.transcript).length,
		seconds,
		hours: Math.round(seconds / 3600),
		speakers: new Set(episodes.flatMap((episode) => episode.speakers.map((speaker) => speaker.id))).size,
		turns: episodes.reduce((sum, episode) => sum + (episode.transcript?.turns ?? 0), 0),
		chapters: episodes.reduce((sum, episode) => sum + episode.chapters.length, 0),
	};
}

/** Joins names for a sentence: `A`, `A and B`, `A, B and C`. */
export function joinNames(names: readonly string[]): string {
	if (names.length <= 1) return names.join('');
	return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * How many episodes a speaker's or a topic's own page lists at most. A host
 * appears in every episode, and a topic like OpenAI in 1,394 of 2,000 bench
 * episodes, each with up to five quoted turns, so listing them all made such
 * pages grow with the archive (a host's page had 22,000 elements and 1.3 MB at
 * 2,000 episodes, docs/benchmarks.md); past this many, the page shows the
 * latest ones and every one is on a page per year (`yearRuns`).
 */
export const LIST_PAGE_LIMIT = 20;

/** The part of a newest-first list (a speaker's appearances, a topic's episodes) that its own page lists: all of it, or the latest `limit`. */
export const latestItems = <T>(items: readonly T[], limit = LIST_PAGE_LIMIT): T[] => items.slice(0, limit);

/** A year's run of a newest-first list of an episode's appearances or mentions. */
export interface YearRun<T> {
	year: number;
	items: T[];
}

/**
 * A newest-first list (a speaker's appearances, a topic's episodes) cut into
 * one run per year, when it is longer than its own page lists (`limit`);
 * none otherwise, so most speakers and topics keep a single page. The list is
 * newest first, so each year is one run of it.
 */
export function yearRuns<T extends { episode: Pick<EpisodeSummary, 'published'> }>(items: readonly T[], limit = LIST_PAGE_LIMIT): YearRun<T>[] {
	if (items.length <= limit) return [];
	const runs: YearRun<T>[] = [];
	for (const item of items) {
		const year = item.episode.published.getUTCFullYear();
		const last = runs.at(-1);
		if (last?.year === year) last.items.push(item);
		else runs.push({ year, items: [item] });
	}
	return runs;
}
