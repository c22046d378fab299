/**
 * Corrections a maintainer makes without touching code (`content/overrides.json`):
 * what the automatic parse got wrong about an episode. The ingest applies them
 * and reports every correction that no longer matches anything.
 */
import { z } from 'zod';
import { RoleSchema } from './episode.ts';
import { HttpUrlSchema, SlugSchema } from './primitives.ts';
import { TopicKindSchema } from './topic.ts';

/**
 * Who a transcript label really is: a full name (`"David Luan"`), or a name
 * with a role and link. A name that is a host's name or alias means that host,
 * so two labels given the same name become one speaker (a merge).
 */
export const SpeakerTargetSchema = z.union([
	z.string().min(1),
	z.strictObject({
		name: z.string().min(1),
		role: RoleSchema.optional(),
		url: HttpUrlSchema.optional(),
	}),
]);
export type SpeakerTarget = z.infer<typeof SpeakerTargetSchema>;

/** A guest the title does not name (or names in a way the parser cannot read). */
export const GuestSchema = z.union([z.string().min(1), z.strictObject({ name: z.string().min(1), url: HttpUrlSchema.optional() })]);
export type Guest = z.infer<typeof GuestSchema>;

/** Transcript labels as written (`swyx`, `David`) → who they are. */
export const SpeakerMapSchema = z.record(z.string().min(1), SpeakerTargetSchema);

/** The corrections for one episode. */
export const EpisodeOverrideSchema = z.strictObject({
	/** The title as it should read. The slug stays as it was unless `slug` is set too, so links keep working. */
	title: z.string().min(1).optional(),
	/** A new slug; the old one (the key of this entry) redirects to it. */
	slug: SlugSchema.optional(),
	/** Further slugs the episode once had, which redirect to its slug too (an earlier `slug` correction). */
	redirectFrom: z.array(SlugSchema).default([]),
	/** Speaker labels of this episode → who they are (on top of the file-wide `speakers`). */
	speakers: SpeakerMapSchema.default({}),
	headings: z
		.strictObject({
			/**
			 * Text the parser left inside a paragraph (or at the end of a
			 * transcript turn) that is really a heading, exactly as written.
			 */
			add: z.array(z.string().min(1)).default([]),
			/** Headings the parser invented, exactly as shown: they become text again. */
			remove: z.array(z.string().min(1)).default([]),
		})
		.default({ add: [], remove: [] }),
	/** Guests to add to the speaker list; a transcript label that is their first name resolves to them. */
	guests: z.array(GuestSchema).default([]),
});
export type EpisodeOverride = z.infer<typeof EpisodeOverrideSchema>;

const TopicIdSchema = SlugSchema;

/**
 * Corrections to the topics the rules found (src/ingest/topics.ts), by topic
 * id (the slug of the name the rules gave it). Applied in this order: drop,
 * merge, split, rename, kind, aliases, add.
 */
export const TopicOverridesSchema = z.strictObject({
	/** Topics that are not topics. */
	drop: z.array(TopicIdSchema).default([]),
	/** Topic id → the topic it is the same as; its name becomes an alias there. */
	merge: z.record(TopicIdSchema, TopicIdSchema).default({}),
	/** Topic id → the names of the topics it really is (`"Tri Dao and Albert Gu"` → two people); each keeps its kind. */
	split: z.record(TopicIdSchema, z.array(z.string().min(1)).min(2)).default({}),
	/** Topic id → its name as it should read (the id stays, so links keep working). */
	rename: z.record(TopicIdSchema, z.string().min(1)).default({}),
	/** Topic id → what it is. */
	kind: z.record(TopicIdSchema, TopicKindSchema).default({}),
	/** Topic id → further names it goes by, matched in transcripts too. */
	aliases: z.record(TopicIdSchema, z.array(z.string().min(1))).default({}),
	/** Topics the rules do not find. */
	add: z.array(z.strictObject({ name: z.string().min(1), kind: TopicKindSchema, aliases: z.array(z.string().min(1)).default([]) })).default([]),
});
export type TopicOverrides = z.infer<typeof TopicOverridesSchema>;

/** No topic corrections. */
export const NO_TOPIC_OVERRIDES: TopicOverrides = { drop: [], merge: {}, split: {}, rename: {}, kind: {}, aliases: {}, add: [] };

/** The whole overrides file. Unknown keys are errors, so a typo never goes unnoticed. */
export const OverridesSchema = z.strictObject({
	/** A JSON Schema reference for editors; ignored. */
	$schema: z.string().optional(),
	/** Speaker labels → who they are, in every episode. */
	speakers: SpeakerMapSchema.default({}),
	/**
	 * Corrections per episode, keyed by the slug the parser gives the episode
	 * from its title in the source (the slug of its page before any `slug`
	 * correction).
	 */
	episodes: z
		.record(SlugSchema, EpisodeOverrideSchema, {
			error: (issue) => (issue.code === 'invalid_key' ? 'an episode is named by the slug the parser gives it: lowercase words of a-z and 0-9 joined by single "-"' : undefined),
		})
		.default({}),
	/** Corrections to the topics. */
	topics: TopicOverridesSchema.default(NO_TOPIC_OVERRIDES),
});
export type Overrides = z.infer<typeof OverridesSchema>;

/** No corrections at all. */
export const NO_OVERRIDES: Overrides = { speakers: {}, episodes: {}, topics: NO_TOPIC_OVERRIDES };
