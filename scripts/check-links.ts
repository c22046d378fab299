/**
 * `npm run check:links [dir]`: walks the built site and fails on any internal
 * link that leads nowhere. Checks every `href`, `src`, `action` and OpenGraph
 * URL of every page, and every absolute URL of the site inside the feeds,
 * sitemaps, JSON, caption, Markdown and text files (the episodes' `.md`,
 * llms.txt and its complete text files); a `#fragment` must name an element of the target
 * page. Links must be what the deployment serves: under the base path, with
 * the trailing slash (no redirects). Set SITE_URL and BASE_PATH as for the
 * build being checked.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { attr, deploymentFromEnv, elements, listFiles, readText, servedPath } from './lib/dist.ts';

const dir = process.argv[2] ?? 'dist';
const deployment = deploymentFromEnv();
const siteRoot = `${deployment.origin}${deployment.base}`;
const files = await listFiles(dir);
// Pagefind's own assets are not ours to check.
const ours = files.filter((file) => !file.startsWith('pagefind/'));

/** Ids (and `name`s of anchors) per served path of every page. */
const anchors = new Map<string, Set<string>>();
/** Links found: where, to what. */
const links: { from: string; url: string }[] = [];

const URL_ATTRIBUTES: Record<string, string[]> = { a: ['href'], link: ['href'], script: ['src'], img: ['src'], source: ['src'], form: ['action'], iframe: ['src'] };
const URL_META = new Set(['og:url', 'og:image', 'twitter:image']);

for (const file of ours) {
	if (file.endsWith('.html')) {
		const page = servedPath(file, deployment);
		const ids = new Set<string>();
		for (const element of elements(await readText(dir, file))) {
			const id = attr(element, 'id');
			if (id !== undefined) ids.add(id);
			if (element.tagName === 'a' && attr(element, 'name')) ids.add(attr(element, 'name')!);
			for (const name of URL_ATTRIBUTES[element.tagName] ?? []) {
				const value = attr(element, name);
				if (value !== undefined) links.push({ from: page, url: new URL(value, `${deployment.origin}${page}`).href });
			}
			if (element.tagName === 'meta' && URL_META.has(attr(element, 'property') ?? attr(element, 'name') ?? '')) {
				links.push({ from: page, url: attr(element, 'content')! });
			}
		}
		anchors.set(page, ids);
	} else if (/\.(xml|json|txt|vtt|srt|md)$/.test(file)) {
		const text = await readText(dir, file);
		const escaped = siteRoot.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
		// In Markdown (the .md files, llms.txt) a link's `)` ends its URL; the site's own URLs never hold one.
		for (const match of text.matchAll(new RegExp(`${escaped}[^\\s"'<>)]*`, 'g'))) {
			links.push({ from: servedPath(file, deployment), url: match[0].replace(/&amp;/g, '&') });
		}
	}
}

/** Why a link is broken, or undefined if it works. */
function problem(url: URL): string | undefined {
	if (!url.pathname.startsWith(deployment.base)) return `outside the base path ${deployment.base}`;
	const relative = decodeURIComponent(url.pathname.slice(deployment.base.length));
	const file = relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
	if (!existsSync(path.join(dir, file))) {
		return existsSync(path.join(dir, relative, 'index.html')) ? 'missing trailing slash' : 'no such file';
	}
	if (url.hash && file.endsWith('.html')) {
		const ids = anchors.get(servedPath(file, deployment));
		const id = decodeURIComponent(url.hash.slice(1));
		if (!ids?.has(id)) return `no element with id “${id}”`;
	}
	return undefined;
}

const broken: string[] = [];
let internal = 0;
let external = 0;
for (const link of links) {
	const url = new URL(link.url);
	if (url.origin !== deployment.origin || !/^https?:$/.test(url.protocol)) {
		external++;
		continue;
	}
	internal++;
	const why = problem(url);
	if (why) broken.push(`${link.from} → ${url.pathname}${url.hash}: ${why}`);
}

const pages = anchors.size;
if (broken.length > 0) {
	console.error(`✗ ${broken.length} broken internal links in ${dir}/ (${pages} pages):`);
	for (const line of [...new Set(broken)].slice(0, 50)) console.error(`  ${line}`);
	process.exit(1);
}
console.log(`✓ ${internal} internal links and fragments in ${pages} pages and ${ours.length - pages} other files of ${dir}/ all resolve (${external} external links not checked)`);
