/** What a built site weighs: files, bytes, episode pages, the search index and per-page CSS and JavaScript. */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipBytes, isEpisodePage, weighSite } from '../lib/budgets.ts';
import { medianOf } from '../../src/shared/stats.ts';

/** Sizes of one file, raw and gzipped (as the budgets gzip). */
export interface FileSize {
	path: string;
	raw: number;
	gzip: number;
}

/** The figures the benchmark records about `dist/`. */
export interface SiteStats {
	files: number;
	bytes: number;
	pagefindFiles: number;
	pagefindBytes: number;
	episodePages: number;
	largestPage: FileSize;
	medianPage: { raw: number; gzip: number };
	/** The most CSS on a page, gzipped, weighed as the budget gate weighs it (scripts/lib/budgets.ts). */
	pageCssGzip: number;
	/** The most JavaScript on an episode page with the modules it imports, gzipped, weighed as the gate weighs it; search loads later and is not counted. */
	pageJsGzip: number;
}

/** Every file under `dir`, as paths relative to it, in a stable order. */
export async function listFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile())
		.map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
		.sort();
}

/** Measures a built site; `base` is the path the site is served under (`/` or `/archive/`). */
export async function siteStats(dist: string, base = '/'): Promise<SiteStats> {
	const files = await listFiles(dist);
	let bytes = 0;
	let pagefindFiles = 0;
	let pagefindBytes = 0;
	const pages: FileSize[] = [];
	for (const file of files) {
		const size = (await stat(path.join(dist, file))).size;
		bytes += size;
		if (file.startsWith(`pagefind${path.sep}`)) {
			pagefindFiles++;
			pagefindBytes += size;
		}
		if (isEpisodePage(file)) {
			const html = await readFile(path.join(dist, file));
			pages.push({ path: file, raw: html.length, gzip: gzipBytes(html) });
		}
	}
	if (pages.length === 0) throw new Error(`no episode pages in ${dist}`);
	const largest = pages.reduce((a, b) => (b.raw > a.raw ? b : a));
	const { weights } = await weighSite(dist, { origin: 'https://example.org', base });
	return {
		files: files.length,
		bytes,
		pagefindFiles,
		pagefindBytes,
		episodePages: pages.length,
		largestPage: largest,
		medianPage: { raw: medianOf(pages.map((p) => p.raw)), gzip: medianOf(pages.map((p) => p.gzip)) },
		pageCssGzip: weights.pageCssGzip.bytes,
		pageJsGzip: weights.episodeJsGzip.bytes,
	};
}
