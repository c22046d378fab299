/** What a built site weighs: files, bytes, episode pages, the search index and per-page CSS and JavaScript. */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { median } from './measure.ts';

/** Sizes of one file, raw and gzipped (level 6, what static hosts serve by default). */
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
	/** CSS an episode page loads (linked stylesheets and inline `<style>`), gzipped. */
	pageCssGzip: number;
	/** JavaScript an episode page loads (module scripts and inline scripts), gzipped; search is not counted. */
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

/** Gzipped size of some bytes. */
export function gzipSize(bytes: Buffer | string): number {
	return gzipSync(bytes, { level: 6 }).length;
}

/**
 * The stylesheets and scripts an HTML page loads, as site-relative URLs, plus
 * its inline styles and scripts (JSON-LD data is not script that runs).
 */
export function pageAssets(html: string): { css: string[]; js: string[]; inlineCss: string[]; inlineJs: string[] } {
	const attr = (tag: string, name: string) => new RegExp(`\\s${name}=["']?([^"'\\s>]+)`).exec(tag)?.[1];
	const links = [...html.matchAll(/<link\b[^>]*>/g)].map((m) => m[0]).filter((tag) => /\brel=["']?stylesheet/.test(tag));
	const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
	return {
		css: links.map((tag) => attr(tag, 'href')).filter((href): href is string => Boolean(href)),
		js: scripts.map((m) => attr(m[1]!, 'src')).filter((src): src is string => Boolean(src)),
		inlineCss: [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!),
		inlineJs: scripts.filter((m) => !attr(m[1]!, 'src') && !/type=["']?application\/(?:ld\+)?json/.test(m[1]!)).map((m) => m[2]!),
	};
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
		if (/^episodes[\\/][^\\/]+[\\/]index\.html$/.test(file)) {
			const html = await readFile(path.join(dist, file));
			pages.push({ path: file, raw: html.length, gzip: gzipSize(html) });
		}
	}
	if (pages.length === 0) throw new Error(`no episode pages in ${dist}`);
	const largest = pages.reduce((a, b) => (b.raw > a.raw ? b : a));
	const assets = pageAssets(await readFile(path.join(dist, largest.path), 'utf8'));
	const local = (url: string) => path.join(dist, url.startsWith(base) ? url.slice(base.length) : url.replace(/^\//, ''));
	const gz = async (urls: string[], inline: string[]) => {
		let total = 0;
		for (const url of urls) if (!/^https?:/.test(url)) total += gzipSize(await readFile(local(url)));
		for (const text of inline) total += gzipSize(text);
		return total;
	};
	return {
		files: files.length,
		bytes,
		pagefindFiles,
		pagefindBytes,
		episodePages: pages.length,
		largestPage: largest,
		medianPage: { raw: median(pages.map((p) => p.raw)), gzip: median(pages.map((p) => p.gzip)) },
		pageCssGzip: await gz(assets.css, assets.inlineCss),
		pageJsGzip: await gz(assets.js.filter((src) => !src.includes('pagefind')), assets.inlineJs),
	};
}
