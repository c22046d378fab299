/**
 * The ingest's record of its last run (`.ingest-manifest.json` in the entries
 * folder, generated): for each source episode, a hash of everything its entry
 * depends on, so an unchanged episode is neither parsed nor rendered again.
 */
import { z } from 'zod';

/** What the ingest remembers about one source episode. */
export const ManifestEntrySchema = z.strictObject({
	/** The slug the episode had before slugs shared by two episodes got their date appended. */
	slug: z.string(),
	title: z.string(),
	/** Publication time, ISO 8601. */
	published: z.string(),
	/** Whether it came from an RSS feed (which wins over a text dump). */
	feed: z.boolean(),
	/** The key of its corrections in overrides.json (the parser's slug of the source title). */
	overrideKey: z.string(),
	/** Warnings the parse gave, repeated on every run. */
	warnings: z.array(z.string()),
	/** Corrections that matched nothing in the episode. */
	unmatched: z.array(z.string()),
	/** File-wide speaker corrections that apply to it. */
	speakerLabels: z.array(z.string()),
	/** The answers the source's vocabulary gave during the parse (`min:word` → answer); the parse holds while they do. */
	vocabulary: z.record(z.string(), z.boolean()),
	/** The entry file it was written to, or null when another copy of the episode was published instead. */
	file: z.string().nullable(),
});
export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;

/** The whole manifest; a file that does not fit it (an older version, a hand edit) is ignored and everything is parsed. */
export const ManifestSchema = z.strictObject({
	/** Says the file is generated, for people who open it. */
	generated: z.string(),
	version: z.literal(1),
	/** Source-episode hash → what it gave. */
	entries: z.record(z.string(), ManifestEntrySchema),
});
export type Manifest = z.infer<typeof ManifestSchema>;
