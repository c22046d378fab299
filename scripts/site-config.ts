/**
 * Reads and validates content/site.json, and works out where the site is
 * deployed. Used by `npm run ingest` and by astro.config.mjs.
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { BasePathSchema, SiteConfigSchema, type SiteConfig } from '../src/schemas/site.ts';
import { normalizeBasePath } from '../src/shared/base-path.ts';

/** The configuration file, relative to the project root. */
export const SITE_CONFIG_FILE = 'content/site.json';

/** One line per zod issue: `  - hosts.0.url: must be an absolute http(s) URL`. */
export function formatIssues(error: z.ZodError): string {
	return error.issues
		.map((issue) => {
			const where = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
			return `  - ${where || '(top level)'}: ${issue.message}`;
		})
		.join('\n');
}

/** Validates parsed JSON as a site configuration; throws a readable error naming the file and each invalid field. */
export function parseSiteConfig(raw: unknown, file = SITE_CONFIG_FILE): SiteConfig {
	const result = SiteConfigSchema.safeParse(raw);
	if (!result.success) throw new Error(`${file} is not a valid site configuration:\n${formatIssues(result.error)}`);
	return result.data;
}

/** Reads the site configuration synchronously (the Astro config cannot wait). */
export function readSiteConfig(file = SITE_CONFIG_FILE): SiteConfig {
	let raw: unknown;
	try {
		raw = JSON.parse(readFileSync(file, 'utf8'));
	} catch (error) {
		throw new Error(`${file}: not readable as JSON: ${(error as Error).message}`);
	}
	return parseSiteConfig(raw, file);
}

/** Loads the site configuration; throws a readable error naming the file and each invalid field. */
export async function loadSiteConfig(file = SITE_CONFIG_FILE): Promise<SiteConfig> {
	return readSiteConfig(file);
}

/** Where the build is deployed: Astro's `site` and `base`. */
export interface Deployment {
	/** Origin, without a trailing slash: `https://owner.github.io`. */
	site: string;
	/** Base path with slashes at both ends: `/repo/`. */
	base: string;
}

/**
 * The site URL and base path: `SITE_URL` and `BASE_PATH` from the
 * environment when set (CI passes the GitHub Pages settings this way), else
 * `url` and `base` from the configuration. A site URL that carries a path
 * (`https://owner.github.io/repo`) gives that path as the base unless
 * `BASE_PATH` says otherwise. Throws on values that would build broken links.
 */
export function resolveDeployment(config: SiteConfig, env: Record<string, string | undefined> = process.env): Deployment {
	const rawUrl = env.SITE_URL?.trim() || config.url;
	let url: URL;
	try {
		url = new URL(rawUrl);
	} catch {
		throw new Error(`SITE_URL “${rawUrl}” is not an absolute URL such as https://example.org`);
	}
	if (!/^https?:$/.test(url.protocol)) throw new Error(`SITE_URL “${rawUrl}” must use http or https`);
	const pathFromUrl = url.pathname !== '/' ? url.pathname : undefined;
	const rawBase = env.BASE_PATH !== undefined && env.BASE_PATH.trim() !== '' ? env.BASE_PATH : (pathFromUrl ?? config.base);
	const base = normalizeBasePath(rawBase);
	const checked = BasePathSchema.safeParse(base);
	if (!checked.success) throw new Error(`base path “${rawBase}”: ${checked.error.issues[0]!.message}`);
	return { site: url.origin, base };
}
