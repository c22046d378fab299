/**
 * What the built pages may weigh, how they are weighed, and the verdict: one
 * module for the gate (`npm run check:budgets`), the bench's targets table and
 * the search test, so they cannot disagree on a limit, its unit or a page.
 * Sizes are bytes; a KB is 1,000 bytes, as the budgets are written.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { attr, elements, listFiles, readText, textOf, type Deployment } from './dist.ts';

/** The limits, in bytes. */
export const BUDGETS = {
	/** Any HTML page, uncompressed. */
	pageHtml: 500_000,
	/**
	 * Elements on a list page (any page but an episode's), as an HTML parser
	 * counts them, so lists stay split as the archive grows (an episode page is
	 * as long as its transcript, and is held to its bytes).
	 */
	listElements: 3_000,
	/** CSS on any page (all its stylesheets and `<style>`s together), gzipped. */
	pageCssGzip: 15_000,
	/** JavaScript on an episode page (its scripts and the modules they import; not JSON-LD), gzipped. */
	episodeJsGzip: 5_000,
	/** The same on an episode page with an audio player, whose time links also seek the audio: 0.4 KB more. */
	playerEpisodeJsGzip: 5_400,
	/** What the first search query transfers (the index, WebAssembly and results code). */
	firstSearch: 300_000,
} as const;

/**
 * Whether a built file is an episode page (`episodes/<slug>/index.html`), not
 * a year's list (`episodes/2024/index.html`: slugs of a bare year are refused).
 */
export function isEpisodePage(file: string): boolean {
	return /^episodes[\\/](?!\d+[\\/])[^\\/]+[\\/]index\.html$/.test(file);
}

/** Bytes as KB of 1,000 bytes, to one decimal: `512.0 KB`. */
export function formatKb(bytes: number): string {
	return `${(bytes / 1000).toFixed(1)} KB`;
}

/** Gzipped size at the level the budgets assume (9, what a host that compresses ahead of time serves). */
export const gzipBytes = (data: string | Buffer): number => gzipSync(data, { level: 9 }).length;

/** A measured figure and the page it was measured on. */
export interface Weight {
	file: string;
	bytes: number;
}

/** The heaviest pages of a build, one figure per budgeted page weight. */
export interface PageWeights {
	pageHtml: Weight;
	pageCssGzip: Weight;
	episodeJsGzip: Weight;
	playerEpisodeJsGzip: Weight;
}

/** What {@link weighSite} found: the weights, and every page that breaks a rule a strict CSP needs. */
export interface SiteAudit {
	pages: number;
	weights: PageWeights;
	/** The list page with the most elements. */
	listElements: { file: string; count: number };
	violations: string[];
}

/** A script file and every module it imports statically, each counted once. */
async function moduleGraph(file: string, seen = new Set<string>()): Promise<Set<string>> {
	if (seen.has(file)) return seen;
	seen.add(file);
	const code = await readFile(file, 'utf8');
	for (const match of code.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g)) {
		await moduleGraph(path.resolve(path.dirname(file), match[1]!), seen);
	}
	return seen;
}

/**
 * Weighs every HTML page of a build (Pagefind's aside) and checks the rules: no
 * framework islands, inline event handlers or `javascript:` URLs, nothing after `</html>`.
 */
export async function weighSite(dir: string, deployment: Deployment): Promise<SiteAudit> {
	/** A path on the site (`/archive/_astro/x.js`) as a file of the build. */
	const fileOf = (url: string) => path.join(dir, decodeURIComponent(new URL(url, 'https://x.invalid/').pathname.slice(deployment.base.length)));
	const violations: string[] = [];
	const files = (await listFiles(dir)).filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/'));
	const none = () => ({ file: '', bytes: 0 });
	let listElements = { file: '', count: 0 };
	const weights: PageWeights = { pageHtml: none(), pageCssGzip: none(), episodeJsGzip: none(), playerEpisodeJsGzip: none() };
	const heavier = (key: keyof PageWeights, file: string, bytes: number) => {
		if (bytes > weights[key].bytes) weights[key] = { file, bytes };
	};

	for (const file of files) {
		const html = await readText(dir, file);
		const isEpisode = isEpisodePage(file);
		heavier('pageHtml', file, (await stat(path.join(dir, file))).size);

		// Astro puts a page's top-level <script> after the layout's </html>; browsers cope, validators do not.
		if (html.slice(html.lastIndexOf('</html>') + 7).trim()) violations.push(`${file}: content after </html> (a <script> outside the layout?)`);
		let css = 0;
		const scripts = new Set<string>();
		let inlineJs = 0;
		let hasPlayer = false;
		const all = elements(html);
		if (!isEpisode && all.length > listElements.count) listElements = { file, count: all.length };
		if (!isEpisode && all.length > BUDGETS.listElements) violations.push(`${file}: ${all.length.toLocaleString('en-US')} elements on a list page, over ${BUDGETS.listElements.toLocaleString('en-US')}`);
		for (const element of all) {
			if (element.tagName === 'audio') hasPlayer = true;
			if (element.tagName === 'astro-island') violations.push(`${file}: a framework island (<astro-island>)`);
			for (const { name, value } of element.attrs) {
				if (/^on[a-z]+$/.test(name)) violations.push(`${file}: inline event handler ${name} on <${element.tagName}>`);
				if (/^\s*javascript:/i.test(value)) violations.push(`${file}: javascript: URL in ${name}`);
			}
			if (element.tagName === 'link' && attr(element, 'rel') === 'stylesheet') css += gzipBytes(await readFile(fileOf(attr(element, 'href')!)));
			if (element.tagName === 'style') css += gzipBytes(textOf(element));
			if (element.tagName === 'script') {
				const type = attr(element, 'type');
				if (type && type !== 'module' && type !== 'text/javascript') continue;
				const src = attr(element, 'src');
				if (src) for (const module of await moduleGraph(fileOf(src))) scripts.add(module);
				else inlineJs += gzipBytes(textOf(element));
			}
		}
		heavier('pageCssGzip', file, css);
		if (isEpisode) {
			let js = inlineJs;
			for (const script of scripts) js += gzipBytes(await readFile(script));
			heavier(hasPlayer ? 'playerEpisodeJsGzip' : 'episodeJsGzip', file, js);
		}
	}
	return { pages: files.length, weights, listElements, violations };
}

/** One budget checked: what it limits, the figure and where it was measured, the limit, and whether the figure keeps to it. */
export interface BudgetCheck {
	label: string;
	file: string;
	measured: number;
	limit: number;
	met: boolean;
}

const LABELS: Record<keyof PageWeights, string> = {
	pageHtml: 'largest page, HTML',
	pageCssGzip: 'most CSS on a page, gzipped',
	episodeJsGzip: 'most JavaScript on an episode page, gzipped',
	playerEpisodeJsGzip: 'most JavaScript on an episode page with an audio player, gzipped',
};

/** The verdict on each page-weight budget; the gate fails and the bench reports "missed" on the same ones. */
export function checkPageBudgets(weights: PageWeights): BudgetCheck[] {
	return (Object.keys(LABELS) as (keyof PageWeights)[]).map((key) => ({
		label: LABELS[key],
		file: weights[key].file,
		measured: weights[key].bytes,
		limit: BUDGETS[key],
		met: weights[key].bytes <= BUDGETS[key],
	}));
}
