/**
 * On every built episode page, each id belongs to one element, and is either
 * one of the page's own (src/shared/page-ids.ts, which the ingest keeps content
 * away from) or an anchor of the episode's content as the ingest wrote it: so
 * the list covers every id the templates add, and a template that adds an id
 * without listing it fails here. Reads the build and the entries from disk.
 */
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { isPageId, PAGE_IDS } from '../../src/shared/page-ids.ts';
import type { EpisodeEntry } from '../../src/schemas/entry.ts';

const DIST = process.env.ARCHIVE_OUT_DIR ?? 'dist';
const ENTRIES = 'content/episodes';

/** The anchors the ingest gave an episode: prose headings (in the MDX), chapters, turns and transcript headings. */
function contentIds(slug: string): Set<string> {
	const data = JSON.parse(readFileSync(`${ENTRIES}/${slug}.json`, 'utf8')) as EpisodeEntry;
	// The show-notes heading is the page's, written into the MDX where the show notes start.
	const prose = readFileSync(`${ENTRIES}/${slug}.mdx`, 'utf8').replace(`<h2 id="${PAGE_IDS.showNotes}">`, '');
	return new Set([
		...[...prose.matchAll(/<h[2-4] id="([^"]+)"/g)].map((match) => match[1]!),
		...data.chapters.map((chapter) => chapter.id),
		...(data.transcript?.turns.map((turn) => turn.id) ?? []),
		...(data.transcript?.headings.map((heading) => heading.id) ?? []),
	]);
}

const slugs = readdirSync(ENTRIES)
	.filter((file) => file.endsWith('.json') && !file.startsWith('.'))
	.map((file) => file.replace(/\.json$/, ''))
	.sort();

test('every id of an episode page is unique, and is the page’s own or the content’s', () => {
	expect(slugs.length).toBeGreaterThan(0);
	for (const slug of slugs) {
		const html = readFileSync(`${DIST}/episodes/${slug}/index.html`, 'utf8');
		const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1]!);
		const content = contentIds(slug);
		expect(ids.filter((id, index) => ids.indexOf(id) !== index), `${slug}: ids used twice`).toEqual([]);
		expect(ids.filter((id) => !isPageId(id) && !content.has(id)), `${slug}: ids neither the page’s nor the content’s`).toEqual([]);
		expect(ids.filter((id) => isPageId(id) && content.has(id)), `${slug}: content that took a page id`).toEqual([]);
	}
});
