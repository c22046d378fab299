/**
 * The site configuration (`content/site.json`): what the archive is called,
 * where it is deployed and who hosts the show. Read by the ingest (hosts) and
 * by the site (names, URLs).
 */
import { z } from 'zod';

/** A host of the show, as the transcripts label them and as the site names them. */
export const HostSchema = z.object({
	/** Stable person id used in URLs (`/speakers/<id>/`). */
	id: z.string().regex(/^[a-z][a-z0-9-]*$/),
	/** Full name (`Alessio Fanelli`). */
	name: z.string().min(1),
	/** Labels the transcripts use for this host, matched case-insensitively (`Alessio`, `swyx`). */
	aliases: z.array(z.string().min(1)).min(1),
	/** A page about the host, if any. */
	url: z.url().optional(),
});
export type Host = z.infer<typeof HostSchema>;

export const SiteConfigSchema = z.object({
	/** Name of the archive, shown in the header and titles. */
	title: z.string().min(1),
	/** One or two sentences about the archive, for the home page and meta descriptions. */
	description: z.string().min(1),
	/** The podcast the archive covers. */
	show: z.object({
		name: z.string().min(1),
		/** The show's own website. */
		url: z.url(),
		language: z.string().default('en'),
	}),
	hosts: z.array(HostSchema),
});
export type SiteConfig = z.infer<typeof SiteConfigSchema>;
