/**
 * What the ingest reports about the sources and the corrections: errors (the
 * episode is skipped), warnings (it is kept) and notes (what was done).
 */
import { z } from 'zod';

/**
 * What a problem is about, so code that sorts or places problems reads this
 * instead of the wording of their messages.
 */
export const ProblemKindSchema = z.enum([
	/** A dump record or feed item that is not an episode at all: no date line, no body, no title, XML that is not well-formed. */
	'record',
	/** A date line or publication date that cannot be read; a dump reports it on its date line. */
	'date',
	/** A chapter list entry that cannot be read. */
	'chapters',
	/** A transcript that cannot be read: no speaker labels, an unreadable timestamp, text before the first label. */
	'transcript',
	/** A parsed episode that does not fit the episode schema (a parser bug more than a source problem). */
	'schema',
	/** Something about a kept episode worth a look: no transcript, a chapter after the transcript's end. */
	'episode',
	/** A correction in overrides.json that matches nothing or cannot be applied. */
	'override',
	/** Copies of one episode in several sources, merged part by part. */
	'merge',
]);
export type ProblemKind = z.infer<typeof ProblemKindSchema>;

/** One reported problem, with enough context to find it in the source. */
export const ProblemSchema = z.strictObject({
	severity: z.enum(['error', 'warning', 'note']),
	kind: ProblemKindSchema,
	/** Source file name, relative to the sources folder (or the overrides file, for a correction). */
	file: z.string().min(1),
	/** 1-based line in the file, when known. */
	line: z.number().int().positive().optional(),
	/** 1-based column, when the problem is inside a long body line. */
	column: z.number().int().positive().optional(),
	/** Title of the episode concerned, when known. */
	episode: z.string().optional(),
	message: z.string().min(1),
});
export type Problem = z.infer<typeof ProblemSchema>;
