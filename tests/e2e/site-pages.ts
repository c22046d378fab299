/** The pages of the build under test, as paths relative to the site's base (`episodes/x/`). */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const dir = process.env.ARCHIVE_OUT_DIR ?? 'dist';

/** Every HTML page of the build (Pagefind's assets aside), sorted. */
export function sitePages(): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.map((file) => file.split(path.sep).join('/'))
		.filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/'))
		.map((file) => file.replace(/(^|\/)index\.html$/, '$1'))
		.sort();
}

/** How many pages of one kind (episode pages, speaker pages, …) the browser checks at most. */
const PER_KIND = 10;

/**
 * The pages a browser check visits: every page of a kind with few pages, and
 * for a kind with many (episode, speaker, topic pages) the largest one plus
 * a fixed pseudo-random sample, so the check keeps its time as the archive
 * grows. Static checks (html-validate, budgets, links) still read every page.
 */
export function sampledPages(pages: readonly string[] = sitePages()): string[] {
	const kinds = new Map<string, string[]>();
	for (const page of pages) {
		const kind = pageKind(page);
		kinds.set(kind, [...(kinds.get(kind) ?? []), page]);
	}
	const size = (page: string) => statSync(path.join(dir, page.endsWith('/') || page === '' ? `${page}index.html` : page)).size;
	const picked: string[] = [];
	for (const members of kinds.values()) {
		if (members.length <= PER_KIND) {
			picked.push(...members);
			continue;
		}
		const largest = members.reduce((a, b) => (size(b) > size(a) ? b : a));
		const shuffled = members.filter((page) => page !== largest).sort((a, b) => fnv(a) - fnv(b) || a.localeCompare(b));
		picked.push(largest, ...shuffled.slice(0, PER_KIND - 1));
	}
	return picked.sort();
}

/** The kind of a page: its path with every segment after the first as a star (a number sign for a year), so all episode pages are one kind. */
export function pageKind(page: string): string {
	return page
		.split('/')
		.map((segment, i) => (i === 0 || segment === '' ? segment : /^\d+$/.test(segment) ? '#' : '*'))
		.join('/');
}

/** FNV-1a hash of a string: a fixed, seedless order for sampling. */
function fnv(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
	return hash;
}
