/**
 * What the topic pages show, shaped from the generated topics file and the
 * episodes: the views and how many turns a year page quotes. Pure (no Astro),
 * unit-tested; src/lib/topics.ts reads the data.
 */
import type { EpisodeSummary } from '../schemas/entry.ts';
import type { Mention, TopicEntry, TopicKind } from '../schemas/topic.ts';

/** A topic as a link: id and name. */
export interface TopicLink {
	id: string;
	name: string;
}

/** An episode on a topic's page, with the turns where the topic is said. */
export interface TopicEpisodeView {
	episode: EpisodeSummary;
	/** How many turns say it (the page lists the first few). */
	turns: number;
	mentions: Mention[];
}

/** What a topic's page shows. */
export interface TopicView {
	topic: TopicEntry;
	episodes: TopicEpisodeView[];
	related: TopicLink[];
}

/** How each kind reads, singular and plural, in the order the filter lists them. */
export const KIND_LABELS: Record<TopicKind, { one: string; many: string }> = {
	company: { one: 'Company', many: 'Companies' },
	product: { one: 'Product or project', many: 'Products and projects' },
	paper: { one: 'Paper', many: 'Papers' },
	person: { one: 'Person', many: 'People' },
	concept: { one: 'Concept', many: 'Concepts' },
};

/**
 * Turns quoted per episode on a topic's year page (its own page quotes up to
 * five). A year of a topic said in most episodes lists a hundred of them at
 * 2,000 bench episodes; with five quotes each, OpenAI's busiest year came to
 * 2,634 elements, close to the 3,000 a list page may have.
 */
export const YEAR_PAGE_MENTIONS = 2;
