/**
 * Old episode URLs that must keep working: written by the ingest (from slug
 * overrides) into the entries folder, read by astro.config.mjs.
 */
import { z } from 'zod';
import { SlugSchema } from './primitives.ts';

/** An episode that moved from one slug to another. */
export const RedirectSchema = z.strictObject({
	/** The slug the episode had (its page was `/episodes/<from>/`). */
	from: SlugSchema,
	/** The slug it has now. */
	to: SlugSchema,
});
export type Redirect = z.infer<typeof RedirectSchema>;

/** The generated `.redirects.json` in the entries folder. */
export const RedirectsFileSchema = z.strictObject({
	/** Says the file is generated, for people who open it. */
	generated: z.string(),
	redirects: z.array(RedirectSchema),
});
export type RedirectsFile = z.infer<typeof RedirectsFileSchema>;
