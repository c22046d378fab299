/**
 * The bench's work copy of the site: the files a build reads, copied into a
 * git-ignored folder inside the repository (so packages still resolve from
 * the repository's node_modules). The bench builds it exactly as
 * `npm run build` does; the developer's own content/, dist/ and caches are
 * never touched.
 */
import { cp, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';

/** The repository's files a build needs. */
const COPIED = ['src', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json', 'content/site.json', 'content/overrides.json', 'content/vocabulary.json'];

/** Lays out a fresh work copy in `work`, with an empty sources folder for the generated dump. */
export async function prepareWorkCopy(repo: string, work: string): Promise<void> {
	await rm(work, { recursive: true, force: true });
	await mkdir(path.join(work, 'content', 'sources'), { recursive: true });
	for (const item of COPIED) await cp(path.join(repo, item), path.join(work, item), { recursive: true });
}

/** Removes what a cold build must not find: generated entries, the build and every cache. */
export async function clean(work: string): Promise<void> {
	for (const item of ['content/episodes', 'dist', '.astro', 'node_modules']) await rm(path.join(work, item), { recursive: true, force: true });
}
