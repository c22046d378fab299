/**
 * The ids an episode page uses for its own parts (src/shared/page-ids.ts): the
 * ingest never gives content one of them, and the page's templates take theirs
 * from the list. On the built pages, tests/e2e/page-ids.spec.ts checks the rest.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ingestSources } from '../../src/ingest/sources.ts';
import { isPageId, navMonthId, PAGE_IDS } from '../../src/shared/page-ids.ts';
import type { Block } from '../../src/schemas/episode.ts';
import { OverridesSchema } from '../../src/schemas/overrides.ts';
import { SiteConfigSchema } from '../../src/schemas/site.ts';

const site = SiteConfigSchema.parse(JSON.parse(readFileSync('content/site.json', 'utf8')));
const headingIds = (blocks: readonly Block[]) => Object.fromEntries(blocks.flatMap((block) => (block.type === 'heading' ? [[block.text, block.id]] : [])));

describe('isPageId', () => {
	test('knows every fixed part of the page, the browser’s #top and the months of the episode list', () => {
		for (const id of Object.values(PAGE_IDS)) expect(isPageId(id), id).toBe(true);
		expect(isPageId('top')).toBe(true);
		expect(isPageId(navMonthId(2024, 3))).toBe(true);
		expect(isPageId(navMonthId(2023, 12))).toBe(true);
	});

	test('leaves every other id to the content', () => {
		for (const id of ['on-this-page', 'site-search-2', 'page-top-2', 'nav-2024-3-2', 'navigation', 't-01-14', 'ch-intro']) expect(isPageId(id), id).toBe(false);
	});
});

describe('headings named like the page’s own parts', () => {
	const names = ['Site Search', 'Page top', 'On this page', 'Episode nav', 'Top', 'Content', 'Nav 2024 3'];
	const expected = {
		'Site Search': 'site-search-2',
		'Page top': 'page-top-2',
		'On this page': 'on-this-page',
		'Episode nav': 'episode-nav-2',
		Top: 'top-2',
		Content: 'content-2',
		'Nav 2024 3': 'nav-2024-3-2',
	};

	test('a feed’s headings get ids of their own', () => {
		const html = `<p>Intro.</p>${names.map((name) => `<h2>${name}</h2><p>Text.</p>`).join('')}`;
		const feed = `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Latent Space</title><item><title>Ids on trial</title><pubDate>Mon, 01 Apr 2024 12:00:00 GMT</pubDate><content:encoded><![CDATA[${html}]]></content:encoded></item></channel></rss>`;
		const { entries } = ingestSources([{ file: 'feed.xml', text: feed }], { hosts: site.hosts });
		expect(headingIds(entries[0]!.episode!.description)).toEqual(expected);
	});

	test('headings added by a correction get ids of their own', () => {
		const dump = [
			'-',
			'Ids on trial',
			'From 🇺🇸 Latent Space: The AI Engineer Podcast, published at 2024-05-01 10:00',
			`An intro. ${names.map((name) => `${name} and then text.`).join(' ')}TranscriptSwyx [00:00:00]: Welcome.Alessio [00:00:05]: Hi. Get full access to Latent.Space at www.latent.space/subscribe`,
		].join('\n');
		const overrides = OverridesSchema.parse({ episodes: { 'ids-on-trial': { headings: { add: names } } } });
		const { entries } = ingestSources([{ file: 'dump.txt', text: dump }], { hosts: site.hosts, overrides, overridesFile: 'overrides.json' });
		expect(headingIds(entries[0]!.episode!.description)).toEqual(expected);
	});
});

describe('the episode page’s templates', () => {
	/** The .astro files the episode route renders, following imports from the route. */
	function templates(file: string, seen = new Set<string>()): Set<string> {
		if (seen.has(file)) return seen;
		seen.add(file);
		for (const [, target] of readFileSync(file, 'utf8').matchAll(/^\s*import \w+ from '(\.[^']+\.astro)';/gm)) templates(path.join(path.dirname(file), target!), seen);
		return seen;
	}
	const files = [...templates('src/pages/episodes/[slug]/index.astro')];

	test('are found from the route, down to the layout and the header', () => {
		expect(files).toEqual(expect.arrayContaining(['src/layouts/Base.astro', 'src/components/SearchEntry.astro', 'src/components/TableOfContents.astro']));
	});

	test('write no id of their own that the list lacks', () => {
		const literal = files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bid="([^"]+)"/g)].map((match) => `${file}: ${match[1]}`));
		expect(literal.filter((entry) => !isPageId(entry.split(': ')[1]!))).toEqual([]);
	});
});
