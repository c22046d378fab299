/**
 * Topics: the companies, products, papers, people and ideas the episodes talk
 * about, drawn from the episodes' own text by the rules in src/ingest/topics.ts.
 * The generated topics file (written by scripts/topics.ts) is read by the site
 * with these schemas. This module imports only zod.
 */
import { z } from 'zod';

/** What a topic is. */
export const TopicKindSchema = z.enum(['company', 'product', 'paper', 'person', 'concept']);
export type TopicKind = z.infer<typeof TopicKindSchema>;

const TopicIdSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a topic id is lowercase words of a-z and 0-9 joined by single "-"');

/** A topic as it is named: id (the slug of its name), display name, other names it goes by, kind. */
export const TopicSchema = z.object({
	id: TopicIdSchema,
	name: z.string().min(1),
	/** Other spellings that mean the same topic (`Together.ai` for `Together AI`); matched in transcripts too. */
	aliases: z.array(z.string().min(1)),
	kind: TopicKindSchema,
});
export type Topic = z.infer<typeof TopicSchema>;

/** One transcript turn where a topic is said. */
export const MentionSchema = z.object({
	/** The turn's anchor on the episode page (`t-12-34`). */
	turn: z.string().min(1),
	/** Start of the turn in seconds, where the transcript gives it. */
	start: z.number().int().nonnegative().optional(),
	/** The words around the name, as said. */
	excerpt: z.string().min(1),
	/** The name or alias exactly as it stands in the turn. */
	said: z.string().min(1),
});
export type Mention = z.infer<typeof MentionSchema>;

/** Where a topic was found in the episode's own prose. */
export const TopicOriginSchema = z.enum(['show-notes', 'title', 'chapter', 'recurring', 'override']);
export type TopicOrigin = z.infer<typeof TopicOriginSchema>;

/** A topic in one episode: where it was named, and the turns where it is said (the first few; `turns` counts all). */
export const TopicEpisodeSchema = z.object({
	slug: z.string().min(1),
	origins: z.array(TopicOriginSchema),
	/** How many turns name it. */
	turns: z.number().int().nonnegative(),
	mentions: z.array(MentionSchema),
});
export type TopicEpisode = z.infer<typeof TopicEpisodeSchema>;

/** A topic with the episodes that name it, newest first, and the topics said most often beside it. */
export const TopicEntrySchema = TopicSchema.extend({
	episodes: z.array(TopicEpisodeSchema),
	/** Ids of other topics that share the most episodes with it. */
	related: z.array(TopicIdSchema),
});
export type TopicEntry = z.infer<typeof TopicEntrySchema>;

/** An episode related to another, with the reason shown beside the link. */
export const RelatedEpisodeSchema = z.object({ slug: z.string().min(1), reason: z.string().min(1) });
export type RelatedEpisode = z.infer<typeof RelatedEpisodeSchema>;

/** A show-notes item that did not become a topic, and why. */
export const RejectedItemSchema = z.object({ episode: z.string(), item: z.string(), reason: z.string().min(1) });
export type RejectedItem = z.infer<typeof RejectedItemSchema>;

/** The generated topics file the site reads. */
export const TopicsFileSchema = z.object({
	generated: z.string(),
	topics: z.array(TopicEntrySchema),
	/** Per episode slug: 3 to 5 related episodes, best first. */
	related: z.record(z.string(), z.array(RelatedEpisodeSchema)),
	/** Per episode slug: ids of its topics, the most specific (rarest) first. */
	byEpisode: z.record(z.string(), z.array(TopicIdSchema)),
	/** Per speaker id: the topics they say in the most turns, with how many. */
	bySpeaker: z.record(z.string(), z.array(z.object({ id: TopicIdSchema, turns: z.number().int().positive() }))),
	report: z.object({
		/** Show-notes list items read. */
		items: z.number().int().nonnegative(),
		/** Items that named a topic. */
		named: z.number().int().nonnegative(),
		rejected: z.array(RejectedItemSchema),
	}),
});
export type TopicsFile = z.infer<typeof TopicsFileSchema>;
