/** The site configuration (content/site.json), validated, plus URL helpers that honour `base`. */
import raw from '../../content/site.json';
import { SiteConfigSchema } from '../schemas/site.ts';
import { joinBase } from '../shared/base-path.ts';

/** The validated site configuration. */
export const site = SiteConfigSchema.parse(raw);

/**
 * Prefixes a site path with the configured base (`/archive/`), so every link
 * works both at the root and under a base path. `path` has no leading slash
 * requirement: `episodes/x/` and `/episodes/x/` give the same result.
 */
export function withBase(path: string): string {
	return joinBase(import.meta.env.BASE_URL, path);
}

/** The absolute URL of a site path, for canonical links, feeds and the machine-readable files. */
export function absoluteUrl(path: string, siteUrl: URL | undefined): string {
	if (!siteUrl) throw new Error('`site` must be set in astro.config.mjs to build absolute URLs');
	return new URL(withBase(path), siteUrl).href;
}
