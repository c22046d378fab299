/**
 * `npm run check:budgets [dir]`: what the built pages may weigh and carry.
 *
 * - every HTML page: at most 500 KB of HTML (uncompressed);
 * - every list page (any page but an episode's): at most 3,000 elements, as
 *   an HTML parser counts them, so the lists stay split as the archive grows
 *   (an episode page is as long as its transcript, and is held to its bytes);
 * - CSS: at most 15 KB gzipped on any page (all its stylesheets together);
 * - JavaScript on an episode page: at most 5 KB gzipped (inline and external
 *   scripts with the modules they import; JSON-LD is data, not script), and
 *   0.4 KB more on a page with an audio player, for the script that plays it
 *   from a time link (the other scripts already take 4.9 KB);
 * - no framework islands (`<astro-island>`), no inline event handlers and no
 *   `javascript:` URLs anywhere, so a strict Content-Security-Policy holds;
 * - nothing after `</html>`.
 *
 * Sizes are in KB of 1,000 bytes. Prints the measured figures either way.
 */
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { attr, deploymentFromEnv, elements, listFiles, readText, textOf } from './lib/dist.ts';

const dir = process.argv[2] ?? 'dist';
const deployment = deploymentFromEnv();
const LIMITS = { pageHtml: 500_000, listElements: 3_000, cssGzip: 15_000, episodeJsGzip: 5_000, playerJsGzip: 400 };

const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
/** A path on the site (`/archive/_astro/x.js`) as a file of the build. */
const fileOf = (url: string) => path.join(dir, decodeURIComponent(new URL(url, 'https://x.invalid/').pathname.slice(deployment.base.length)));

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

const failures: string[] = [];
const files = (await listFiles(dir)).filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/'));
let largest = { file: '', bytes: 0 };
/** The list page with the most elements. */
let mostElements = { file: '', count: 0 };
let maxCss = { file: '', bytes: 0 };
/** The episode pages with the most JavaScript, without and with an audio player (whose limit is higher). */
const maxJs = { plain: { file: '', bytes: 0 }, player: { file: '', bytes: 0 } };

for (const file of files) {
	const html = await readText(dir, file);
	const isEpisode = /^episodes\/[^/]+\/index\.html$/.test(file);
	const bytes = (await stat(path.join(dir, file))).size;
	if (bytes > largest.bytes) largest = { file, bytes };
	if (bytes > LIMITS.pageHtml) failures.push(`${file}: ${kb(bytes)} of HTML`);

	// Astro puts a page's top-level <script> after the layout's </html>; browsers cope, validators do not.
	if (html.slice(html.lastIndexOf('</html>') + 7).trim()) failures.push(`${file}: content after </html> (a <script> outside the layout?)`);
	let css = 0;
	const scripts = new Set<string>();
	let inlineJs = 0;
	let hasPlayer = false;
	const all = elements(html);
	if (!isEpisode) {
		if (all.length > mostElements.count) mostElements = { file, count: all.length };
		if (all.length > LIMITS.listElements) failures.push(`${file}: ${all.length.toLocaleString('en-US')} elements on a list page`);
	}
	for (const element of all) {
		if (element.tagName === 'audio') hasPlayer = true;
		if (element.tagName === 'astro-island') failures.push(`${file}: a framework island (<astro-island>)`);
		for (const { name, value } of element.attrs) {
			if (/^on[a-z]+$/.test(name)) failures.push(`${file}: inline event handler ${name} on <${element.tagName}>`);
			if (/^\s*javascript:/i.test(value)) failures.push(`${file}: javascript: URL in ${name}`);
		}
		if (element.tagName === 'link' && attr(element, 'rel') === 'stylesheet') css += gz(await readFile(fileOf(attr(element, 'href')!)));
		if (element.tagName === 'style') css += gz(textOf(element));
		if (element.tagName === 'script') {
			const type = attr(element, 'type');
			if (type && type !== 'module' && type !== 'text/javascript') continue;
			const src = attr(element, 'src');
			if (src) for (const module of await moduleGraph(fileOf(src))) scripts.add(module);
			else inlineJs += gz(textOf(element));
		}
	}
	if (css > maxCss.bytes) maxCss = { file, bytes: css };
	if (isEpisode) {
		let js = inlineJs;
		for (const script of scripts) js += gz(await readFile(script));
		const kind = hasPlayer ? 'player' : 'plain';
		if (js > maxJs[kind].bytes) maxJs[kind] = { file, bytes: js };
	}
}

console.log(`largest page: ${kb(largest.bytes)} of HTML (limit ${kb(LIMITS.pageHtml)}) — ${largest.file}`);
console.log(`most elements on a list page: ${mostElements.count.toLocaleString('en-US')} (limit ${LIMITS.listElements.toLocaleString('en-US')}) — ${mostElements.file}`);
console.log(`most CSS on a page:   ${kb(maxCss.bytes)} gzipped (limit ${kb(LIMITS.cssGzip)}) — ${maxCss.file}`);
const jsLimits = { plain: LIMITS.episodeJsGzip, player: LIMITS.episodeJsGzip + LIMITS.playerJsGzip };
console.log(`most JS on an episode page: ${kb(maxJs.plain.bytes)} gzipped (limit ${kb(jsLimits.plain)}) — ${maxJs.plain.file}`);
if (maxJs.player.file) console.log(`  … on one with a player: ${kb(maxJs.player.bytes)} gzipped (limit ${kb(jsLimits.player)}) — ${maxJs.player.file}`);
if (maxCss.bytes > LIMITS.cssGzip) failures.push(`${maxCss.file}: ${kb(maxCss.bytes)} of CSS`);
for (const kind of ['plain', 'player'] as const) {
	if (maxJs[kind].bytes > jsLimits[kind]) failures.push(`${maxJs[kind].file}: ${kb(maxJs[kind].bytes)} of JavaScript`);
}
if (files.length === 0) failures.push(`no pages in ${dir}/`);

if (failures.length > 0) {
	console.error(`✗ ${failures.length} budget or rule failures:`);
	for (const failure of failures.slice(0, 50)) console.error(`  ${failure}`);
	process.exit(1);
}
console.log(`✓ ${files.length} pages within budgets; no islands, inline handlers or javascript: URLs`);
