/**
 * Where a build reads and writes, and the redirects the ingest left for it.
 * Used by astro.config.mjs, so a fixture site (the security test's) can be
 * built beside the real one without touching it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { headersFile, redirectPages, redirectsFile } from './lib/host-files.ts';
import { RedirectsFileSchema, type Redirect } from '../src/schemas/redirects.ts';
import { formatIssues } from './site-config.ts';

/** The generated list of moved episodes, inside the entries folder (a dotfile, so the collections never read it as an entry). */
export const REDIRECTS_FILE = '.redirects.json';

/** Folders of one build. */
export interface BuildPaths {
	/** The content collection's folder of MDX entries (`ARCHIVE_EPISODES_DIR`, default content/episodes). */
	episodesDir: string;
	/** Astro's output folder (`ARCHIVE_OUT_DIR`, default dist). */
	outDir: string;
	/** Astro's cache, which holds the content data store (`ARCHIVE_CACHE_DIR`, default node_modules/.astro). */
	cacheDir: string;
}

/** The build's folders, from the environment or the defaults. */
export function buildPaths(env: Record<string, string | undefined> = process.env): BuildPaths {
	return {
		episodesDir: env.ARCHIVE_EPISODES_DIR || 'content/episodes',
		outDir: env.ARCHIVE_OUT_DIR || 'dist',
		cacheDir: env.ARCHIVE_CACHE_DIR || 'node_modules/.astro',
	};
}

/** Reads the redirects the ingest wrote; none before the first ingest. */
export function readRedirects(episodesDir: string): Redirect[] {
	const file = path.join(episodesDir, REDIRECTS_FILE);
	if (!existsSync(file)) return [];
	const result = RedirectsFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
	if (!result.success) throw new Error(`${file} is not a valid redirects file (run \`npm run ingest\` again):\n${formatIssues(result.error)}`);
	return result.data.redirects;
}

/**
 * Writes the host files into the output once the build is done: `_headers`
 * and, for moved episodes, the redirect pages and `_redirects` (Netlify,
 * Cloudflare Pages). A page that exists is never replaced.
 */
export function hostFilesIntegration(redirects: readonly Redirect[], base: string, site: string, language: string): AstroIntegration {
	return {
		name: 'archive:host-files',
		hooks: {
			'astro:build:done': ({ dir, logger }) => {
				writeFileSync(new URL('_headers', dir), headersFile(base));
				if (redirects.length === 0) return;
				for (const page of redirectPages(redirects, base, site, language)) {
					const target = new URL(page.file, dir);
					if (existsSync(target)) {
						logger.warn(`not writing a redirect over the page ${page.file}`);
						continue;
					}
					mkdirSync(new URL('.', target), { recursive: true });
					writeFileSync(target, page.html);
				}
				writeFileSync(new URL('_redirects', dir), redirectsFile(redirects, base));
				logger.info(`${redirects.length} redirect${redirects.length === 1 ? '' : 's'} from old episode URLs`);
			},
		},
	};
}
