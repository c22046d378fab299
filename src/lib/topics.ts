/**
 * The topics as the pages show them: the generated topics file joined with the
 * episodes of the collection, computed once per build so route files stay thin.
 */
import type { EpisodeSummary } from '../schemas/entry.ts';
import { getEpisodeData } from './episodes.ts';
import { yearRuns, type YearRun } from './archive.ts';
import type { TopicEpisodeView, TopicLink, TopicView } from './topic-views.ts';
import { loadTopics } from './topics-file.ts';

let views: Promise<TopicView[]> | undefined;

/** Every topic with the episodes of the collection that name it, A to Z (an episode no longer built is left out). */
export function getTopicViews(): Promise<TopicView[]> {
	views ??= getEpisodeData().then((episodes) => {
		const bySlug = new Map(episodes.map((episode) => [episode.slug, episode]));
		const { topics } = loadTopics();
		const names = new Map(topics.map((topic) => [topic.id, topic.name]));
		return topics
			.map((topic) => ({
				topic,
				episodes: topic.episodes.flatMap((e) => {
					const episode = bySlug.get(e.slug);
					return episode ? [{ episode, turns: e.turns, mentions: e.mentions }] : [];
				}),
				related: topic.related.map((id) => ({ id, name: names.get(id)! })).filter((link) => link.name !== undefined),
			}))
			.filter((view) => view.episodes.length > 0);
	});
	return views;
}

/** Static paths for the topic pages. */
export async function topicRoutes(): Promise<{ params: { id: string }; props: { view: TopicView } }[]> {
	return (await getTopicViews()).map((view) => ({ params: { id: view.topic.id }, props: { view } }));
}

/** Static paths for the year pages of topics with more episodes than one page lists (`topics/openai/2024/`). */
export async function topicYearRoutes(): Promise<{ params: { id: string; year: string }; props: { view: TopicView; year: YearRun<TopicEpisodeView>; years: YearRun<TopicEpisodeView>[] } }[]> {
	return (await getTopicViews()).flatMap((view) => {
		const years = yearRuns(view.episodes);
		return years.map((year) => ({ params: { id: view.topic.id, year: String(year.year) }, props: { view, year, years } }));
	});
}

/** An episode's topics, the most telling (rarest) first, at most `limit`. */
export async function episodeTopics(slug: string, limit = 12): Promise<TopicLink[]> {
	const shown = new Set((await getTopicViews()).map((view) => view.topic.id));
	const names = new Map(loadTopics().topics.map((topic) => [topic.id, topic.name]));
	return (loadTopics().byEpisode[slug] ?? [])
		.filter((id) => shown.has(id))
		.slice(0, limit)
		.map((id) => ({ id, name: names.get(id)! }));
}

/** An episode's related episodes, best first, with the reason for each. */
export async function relatedEpisodes(slug: string): Promise<{ episode: EpisodeSummary; reason: string }[]> {
	const bySlug = new Map((await getEpisodeData()).map((episode) => [episode.slug, episode]));
	return (loadTopics().related[slug] ?? []).flatMap((related) => {
		const episode = bySlug.get(related.slug);
		return episode && related.slug !== slug ? [{ episode, reason: related.reason }] : [];
	});
}

/** The topics a speaker says in the most turns. */
export function speakerTopics(id: string): (TopicLink & { turns: number })[] {
	const names = new Map(loadTopics().topics.map((topic) => [topic.id, topic.name]));
	return (loadTopics().bySpeaker[id] ?? []).map((entry) => ({ ...entry, name: names.get(entry.id)! }));
}

/** Per chapter id, the topic its title names, among the episode's topics. */
export async function chapterTopics(slug: string, chapters: readonly { id: string; title: string }[]): Promise<Map<string, TopicLink>> {
	const topics = await episodeTopics(slug, Infinity);
	const aliases = new Map(loadTopics().topics.map((topic) => [topic.id, topic.aliases]));
	const result = new Map<string, TopicLink>();
	for (const chapter of chapters) {
		const topic = topicOfChapter(chapter.title, topics, aliases);
		if (topic) result.set(chapter.id, topic);
	}
	return result;
}

/** A topic's id for a chapter title that names it: the longest topic name or alias standing in the title as a word. */
export function topicOfChapter(title: string, topics: readonly TopicLink[], aliases: ReadonlyMap<string, readonly string[]>): TopicLink | undefined {
	let best: { link: TopicLink; length: number } | undefined;
	for (const link of topics) {
		for (const name of [link.name, ...(aliases.get(link.id) ?? [])]) {
			const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			if (new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(title) && (!best || name.length > best.length)) best = { link, length: name.length };
		}
	}
	return best?.link;
}
