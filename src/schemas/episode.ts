/**
 * The episode model: the single source of truth shared by the ingest (which
 * validates every parsed episode against it before writing) and the site
 * (whose content collection parses the generated entries with it).
 *
 * This module imports only zod so that plain Node scripts and Astro can both
 * load it.
 */
import { z } from 'zod';
import { HttpUrlSchema, SlugSchema } from './primitives.ts';

/** A time offset into the episode audio, in whole seconds. */
export const SecondsSchema = z.number().int().nonnegative();

/** An anchor id: starts with a letter so it is a valid, validator-friendly HTML id. */
export const AnchorSchema = z
	.string()
	.regex(/^[a-z][a-z0-9-]*$/, 'anchors are lowercase, start with a letter and use only a-z, 0-9 and "-"');

/** A piece of inline text: plain text, a link, or emphasised text. */
export const InlineSchema = z.discriminatedUnion('type', [
	z.object({ type: z.literal('text'), value: z.string() }),
	/** A link: either a bare URL or domain found in the text, kept as written in `text`. */
	z.object({ type: z.literal('link'), href: z.string(), text: z.string() }),
	/** `*emphasis*` in the dump. */
	z.object({ type: z.literal('emphasis'), value: z.string() }),
]);
export type Inline = z.infer<typeof InlineSchema>;

/** One list item; `children` holds items that the dump nested under it (chapter notes, sub-lists). */
export type ListItem = { content: Inline[]; children?: ListItem[] };
export const ListItemSchema: z.ZodType<ListItem> = z.lazy(() =>
	z.object({ content: z.array(InlineSchema), children: z.array(ListItemSchema).optional() }),
);

/** A block of prose recovered from the flattened article. */
export const BlockSchema = z.discriminatedUnion('type', [
	z.object({ type: z.literal('paragraph'), content: z.array(InlineSchema) }),
	z.object({
		type: z.literal('heading'),
		/** Headings in the description sit below the page title, so they start at level 2. */
		level: z.number().int().min(2).max(4),
		text: z.string(),
		id: AnchorSchema,
	}),
	z.object({ type: z.literal('list'), items: z.array(ListItemSchema) }),
]);
export type Block = z.infer<typeof BlockSchema>;

/** Whether a person hosts the show, is a guest of this episode, or is someone else heard on it. */
export const RoleSchema = z.enum(['host', 'guest', 'other']);
export type Role = z.infer<typeof RoleSchema>;

/** A person heard in (or named as a guest of) an episode. */
export const SpeakerSchema = z.object({
	/** Stable person id (slug of the full name), shared across episodes. */
	id: AnchorSchema,
	/** Full name where the episode gives one (`David Luan`), else the label as written. */
	name: z.string().min(1),
	/** Speaker labels as written in the transcript (`David`, `swyx`, `Swyx`). */
	labels: z.array(z.string()),
	role: RoleSchema,
	/** A page about the person, where a correction gives one. */
	url: z.string().optional(),
});
export type Speaker = z.infer<typeof SpeakerSchema>;

/** A chapter of the episode as listed in the dump's chapter list. */
export const ChapterSchema = z.object({
	/** Stable anchor id of the chapter heading on the episode page. */
	id: AnchorSchema,
	/** Start of the chapter in seconds. */
	start: SecondsSchema,
	/** Title exactly as written in the dump. */
	title: z.string().min(1),
	/** Notes the dump nests under the chapter (links, people, papers). */
	notes: z.array(ListItemSchema),
});
export type Chapter = z.infer<typeof ChapterSchema>;

/** A paragraph of a speaker turn; `start` is set where the dump puts a timestamp before it. */
export const TurnParagraphSchema = z.object({ start: SecondsSchema.optional(), text: z.string() });
export type TurnParagraph = z.infer<typeof TurnParagraphSchema>;

/** One speaker label in the transcript and everything said until the next label. */
export const TurnSchema = z.object({
	/** Stable anchor id of the turn on the episode page. */
	id: AnchorSchema,
	/** Id of the speaker in the episode's `speakers`; absent where the transcript names no speaker (`time-text` and `plain` layouts). */
	speaker: AnchorSchema.optional(),
	/** Start in seconds, where the dump gives it. */
	start: SecondsSchema.optional(),
	/** End in seconds, where the dump gives it (explicitly or as the next turn's start). */
	end: SecondsSchema.optional(),
	/** The turn's text without timestamps, as paragraphs. */
	paragraphs: z.array(TurnParagraphSchema).min(1),
});
export type Turn = z.infer<typeof TurnSchema>;

/** A section heading inside the transcript; it precedes the turn at `before` (an index into `turns`). */
export const TranscriptHeadingSchema = z.object({
	id: AnchorSchema,
	text: z.string().min(1),
	before: z.number().int().nonnegative(),
	start: SecondsSchema.optional(),
});
export type TranscriptHeading = z.infer<typeof TranscriptHeadingSchema>;

/** The layouts transcripts use for speaker labels and times (the first three in the dump and the feed, the others in the feed). */
export const TranscriptFormatSchema = z.enum([
	/** `Name [hh:mm:ss]: text` */
	'name-time-colon',
	/** `[hh:mm:ss] Name: text`, with headings and mid-turn timestamps */
	'time-name-colon',
	/** `Name: text [hh:mm:ss]`, the timestamp closing the turn */
	'name-colon-time',
	/** `Name: [hh:mm:ss] text`, the timestamp opening the turn */
	'name-colon-time-start',
	/** `Name: text`, no times */
	'name-colon',
	/** `[hh:mm:ss] text`, times but no speakers */
	'time-text',
	/** Paragraphs with neither speakers nor times */
	'plain',
]);
export type TranscriptFormat = z.infer<typeof TranscriptFormatSchema>;

export const TranscriptSchema = z.object({
	format: TranscriptFormatSchema,
	/** The transcript heading as written (`Transcript`, `Transcripts`, `Transcription`). */
	heading: z.string(),
	turns: z.array(TurnSchema).min(1),
	headings: z.array(TranscriptHeadingSchema),
});
export type Transcript = z.infer<typeof TranscriptSchema>;

/** Where an episode came from, for error messages and for merging sources. */
export const SourceRefSchema = z.object({
	/** Source file name relative to the sources folder. */
	file: z.string(),
	/** 1-based line of the episode's title in that file. */
	line: z.number().int().positive(),
});

// The feed parser checks its addresses with the schema the episode uses.
export { HttpUrlSchema };

/** The episode's audio file, as a feed's `<enclosure>` gives it. */
export const AudioSchema = z.object({
	url: HttpUrlSchema,
	/** MIME type (`audio/mpeg`). */
	type: z.string().min(1),
	/** Size in bytes, where the feed gives one (0 counts as not given). */
	length: z.number().int().positive().optional(),
});
export type Audio = z.infer<typeof AudioSchema>;

/** What a podcast feed item says about an episode besides its post: audio, artwork, the post's address. */
export const EpisodeMediaSchema = z.object({
	audio: AudioSchema.optional(),
	/** Episode artwork (`itunes:image`). */
	image: HttpUrlSchema.optional(),
	/** The original post (`<link>`), for "Listen on latent.space". */
	link: HttpUrlSchema.optional(),
	/** The feed item's `guid` as written. */
	guid: z.string().min(1).optional(),
});
export type EpisodeMedia = z.infer<typeof EpisodeMediaSchema>;

/** A fully parsed episode. */
export const EpisodeSchema = z.object({
	/** Stable, readable URL slug. */
	slug: SlugSchema,
	/** Title exactly as written in the dump. */
	title: z.string().min(1),
	/** Show name (`Latent Space: The AI Engineer Podcast`). */
	show: z.string().min(1),
	/** Publication time; the dump gives minutes and no zone, read as UTC. */
	published: z.coerce.date(),
	/** Plain-text summary (the description's first paragraph), for meta descriptions and feeds. */
	summary: z.string(),
	/** Length of the episode in seconds: the feed's `itunes:duration` where a feed gives it, else from its last timestamp (see `estimateDuration`). */
	duration: SecondsSchema,
	/** Audio, artwork, post link and guid, where a feed gives them. */
	media: EpisodeMediaSchema.optional(),
	speakers: z.array(SpeakerSchema),
	description: z.array(BlockSchema),
	/** The show notes: link texts whose links the dump lost, with any sub-headings. */
	showNotes: z.array(BlockSchema),
	/** The show-notes heading as written, if the body has one. */
	showNotesHeading: z.string().optional(),
	chapters: z.array(ChapterSchema),
	/** The chapter list's heading as written (`Chapters`, `Timestamps`, `Timestamps & Show Notes`), if it has one. */
	chaptersHeading: z.string().optional(),
	/** Text between that heading and the first chapter (`the cleaned part is only part 2:`). */
	chaptersIntro: z.string().optional(),
	/** Absent for episodes published without a transcript. */
	transcript: TranscriptSchema.optional(),
	source: SourceRefSchema,
});
export type Episode = z.infer<typeof EpisodeSchema>;
