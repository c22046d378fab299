/**
 * Reading the built site in dist/: its files, the URL each page is served
 * at, and the elements of a page. Shared by the checks in scripts/.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'parse5';
import { readSiteConfig, resolveDeployment } from '../site-config.ts';

/** The deployment a build was made for: `SITE_URL` and `BASE_PATH`, as in astro.config.mjs. */
export interface Deployment {
	/** `https://example.org` */
	origin: string;
	/** `/` or `/archive/` */
	base: string;
}

/** The deployment astro.config.mjs builds for: content/site.json, overridden by `SITE_URL` and `BASE_PATH`. */
export function deploymentFromEnv(env: NodeJS.ProcessEnv = process.env): Deployment {
	const { site, base } = resolveDeployment(readSiteConfig(), env);
	return { origin: site, base };
}

/** Every file under `dir`, as paths relative to it with `/` separators. */
export async function listFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile())
		.map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
		.sort();
}

/** The URL path a file is served at: `episodes/x/index.html` → `/archive/episodes/x/`. */
export function servedPath(file: string, deployment: Deployment): string {
	return `${deployment.base}${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** A minimal view of a parsed element. */
export interface Element {
	tagName: string;
	attrs: { name: string; value: string }[];
	childNodes?: Element[];
	value?: string;
	nodeName: string;
	content?: { childNodes?: Element[] };
}

/** The value of an attribute, if present. */
export const attr = (element: Element, name: string) => element.attrs?.find((a) => a.name === name)?.value;

/** Every element of an HTML document, in document order. */
export function elements(html: string): Element[] {
	const found: Element[] = [];
	const walk = (node: Element) => {
		if (node.tagName) found.push(node);
		for (const child of node.childNodes ?? []) walk(child);
		for (const child of node.content?.childNodes ?? []) walk(child);
	};
	walk(parse(html) as unknown as Element);
	return found;
}

/** The text inside an element (script bodies included). */
export function textOf(element: Element): string {
	if (element.nodeName === '#text') return element.value ?? '';
	return (element.childNodes ?? []).map(textOf).join('');
}

/** Reads a file of the build as text. */
export const readText = (dir: string, file: string) => readFile(path.join(dir, file), 'utf8');
