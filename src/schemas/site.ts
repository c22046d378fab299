/**
 * The site configuration (`content/site.json`): what the archive is called,
 * where it is deployed and who hosts the show. Read by the ingest (hosts), by
 * `astro.config.mjs` (site URL and base path) and by the site (names, links).
 *
 * This module imports only zod so that plain Node scripts, the Astro config
 * and the site can all load it.
 */
import { z } from 'zod';
import { httpUrl, HttpUrlSchema } from './primitives.ts';

/** A person id as used in URLs and speaker lists: lowercase, starts with a letter. */
const PersonIdSchema = z.string().regex(/^[a-z][a-z0-9-]*$/, 'ids are lowercase, start with a letter and use only a-z, 0-9 and "-"');

/** A labelled link (a host's website, social profile, the show's feed). */
export const LinkSchema = z.strictObject({
	/** What the link is, as shown to readers (`Website`, `X`, `GitHub`). */
	label: z.string().min(1),
	url: HttpUrlSchema,
});
export type Link = z.infer<typeof LinkSchema>;

/** A host of the show, as the transcripts label them and as the site names them. */
export const HostSchema = z.strictObject({
	/** Stable person id used in URLs (`/speakers/<id>/`). */
	id: PersonIdSchema,
	/** Full name (`Alessio Fanelli`). */
	name: z.string().min(1),
	/** Labels the transcripts use for this host, matched case-insensitively (`Alessio`, `swyx`). */
	aliases: z.array(z.string().min(1)).min(1),
	/** The host's main page, if any. */
	url: HttpUrlSchema.optional(),
	/** Further links about the host (profiles, company). */
	links: z.array(LinkSchema).optional(),
});
export type Host = z.infer<typeof HostSchema>;

/**
 * A base path: where the site lives under its origin, with a slash at both
 * ends (`/`, `/archive/`).
 */
export const BasePathSchema = z
	.string()
	.regex(/^\/(?:[A-Za-z0-9._~-]+\/)*$/, 'a base path starts and ends with "/" (e.g. "/" or "/archive/") and holds only URL-safe path segments');

/** The podcast the archive covers. */
export const ShowSchema = z.strictObject({
	/** The show's name as the episodes' date lines give it. */
	name: z.string().min(1),
	/** The show's own website. */
	url: HttpUrlSchema,
	/** One or two sentences about the show. */
	description: z.string().min(1).optional(),
	/** BCP 47 language tag of the episodes (`en`). */
	language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'a language tag such as "en" or "en-US"').default('en'),
	/** Who publishes the show. */
	author: z.string().min(1).optional(),
	/** The show's own RSS feed. */
	feed: HttpUrlSchema.optional(),
	/** Further links (Apple Podcasts, Spotify, YouTube). */
	links: z.array(LinkSchema).optional(),
});
export type Show = z.infer<typeof ShowSchema>;

/** The whole configuration file. Unknown keys are errors, so a typo never goes unnoticed. */
export const SiteConfigSchema = z.strictObject({
	/** A JSON Schema reference for editors; ignored by the site. */
	$schema: z.string().optional(),
	/** Name of the archive, shown in the header and titles. */
	title: z.string().min(1),
	/** One or two sentences about the archive, for the home page and meta descriptions. */
	description: z.string().min(1),
	/**
	 * Origin the archive is served from (`https://example.org`), for canonical
	 * and file URLs. The `SITE_URL` environment variable overrides it (CI sets
	 * it from the GitHub Pages settings).
	 */
	url: httpUrl('must be an absolute http(s) URL such as "https://example.org"'),
	/** Path the archive is served under (`/` or `/archive/`); `BASE_PATH` overrides it. */
	base: BasePathSchema.default('/'),
	show: ShowSchema,
	hosts: z.array(HostSchema),
});
export type SiteConfig = z.infer<typeof SiteConfigSchema>;
