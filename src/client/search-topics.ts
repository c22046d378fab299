/**
 * Topic pages among the search results: how a topic page records itself in
 * the index (`TopicIndexData.astro`), how its result reads (name, kind, how
 * many episodes, never places in a transcript), and the rule that a query
 * naming a topic puts that topic's page first. Pure, unit-tested in Node.
 */

/**
 * The fields a topic page records in the index: `aliases` is a meta field
 * (searched); the others are filters (never searched): `page` (`topic`) lets
 * a search ask for topic pages only, `kind` and `episodes` are shown.
 */
export const TOPIC_FIELDS = { aliases: 'aliases', page: 'page', kind: 'topic_kind', episodes: 'topic_episodes' } as const;

/** The Pagefind filter that narrows a search to topic pages. */
export const TOPIC_PAGES_FILTER = { [TOPIC_FIELDS.page]: 'topic' } as const;

/**
 * Filters that also leave topic pages out. The word search lists episodes
 * only: a topic page is a few words, and with its name as a title it would
 * outrank the episode that talks about a word at length (`Sourcegraph`, or
 * `Microsoft` finding `Microsoft Research`); the one topic a query names is
 * added by `withBestTopic`.
 */
export const withoutTopicPages = (filters: Record<string, unknown>): Record<string, unknown> => ({ ...filters, not: TOPIC_PAGES_FILTER });

/**
 * How much a match in a topic's other names adds to a page's score: as much
 * as a match in a title (Pagefind's default for `title`, kept), so a topic
 * found by an alias (`RLHF`) ranks as one found by its name.
 */
export const META_WEIGHTS = { title: 5, [TOPIC_FIELDS.aliases]: 5 } as const;

/** What a topic result shows under its name. */
export interface TopicResult {
	/** The kind as readers see it (`Company`). */
	kind: string;
	episodes: number;
	aliases: string[];
}

/** The part of a result's data that tells a topic page. */
export interface TopicData {
	meta: Record<string, string | undefined>;
	filters?: Record<string, readonly string[]> | undefined;
}

/** A topic page's kind, episode count and other names, from its result data; undefined for any other page. */
export function topicOf(data: TopicData): TopicResult | undefined {
	const kind = data.filters?.[TOPIC_FIELDS.kind]?.[0];
	if (!kind) return undefined;
	const episodes = Number(data.filters?.[TOPIC_FIELDS.episodes]?.[0] ?? 0);
	const aliases = (data.meta[TOPIC_FIELDS.aliases] ?? '').split(' · ').filter(Boolean);
	return { kind, episodes, aliases };
}

/** What a topic result says under its name: `Topic · Company · 12 episodes`. */
export const topicLine = (topic: TopicResult): string => `Topic · ${topic.kind} · ${topic.episodes === 1 ? '1 episode' : `${topic.episodes} episodes`}`;

/** A name as a query is compared with it: case, accents and punctuation aside (`GPT-4` is `gpt 4`). */
export const nameKey = (name: string): string =>
	name
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();

/**
 * The episodes' hits with the best topic page for the query (the first hit
 * of the same words among topic pages) in the first place, so the page of
 * results loaded first holds it. The page's own order (`byPlaceQuality`,
 * `topicFirst`) then shows it first only if its name is the query, else
 * after the episodes of that page.
 */
export function withBestTopic<T extends { id: string }>(hits: readonly T[], topic: T | undefined): T[] {
	if (!topic) return [...hits];
	return [topic, ...hits.filter((hit) => hit.id !== topic.id)];
}

/**
 * Results with the topic whose name or alias is the query moved first; the
 * rest keep their order. Pagefind ranks a topic page by a few words against
 * transcripts that say the name a hundred times, so it may come second or
 * third; a reader who types a topic's name wants the topic.
 */
export function topicFirst<T extends { title: string; topic?: TopicResult | undefined }>(results: readonly T[], query: string): T[] {
	const named = results.findIndex((result) => names(result, query));
	if (named <= 0) return [...results];
	return [results[named]!, ...results.slice(0, named), ...results.slice(named + 1)];
}

/** Whether a result is the topic the query names: its name or one of its aliases, case, accents and punctuation aside. */
export function names(result: { title: string; topic?: TopicResult | undefined }, query: string): boolean {
	const key = nameKey(query);
	return key !== '' && result.topic !== undefined && [result.title, ...result.topic.aliases].some((name) => nameKey(name) === key);
}

/**
 * Topic pages whose data the search loads to find the one a query names:
 * Pagefind matches word prefixes, so `Replit` and `Replit Ghostwriter` may
 * rank above `Repl.it` for "Repl.it". A topic page's data is about 150 bytes.
 */
export const TOPIC_CANDIDATES = 3;
