/**
 * Captures real Pagefind result data from the built site for the unit tests
 * of `src/client/search-places.ts`: for each query, the data of the result for
 * the named episode, as the site's search module receives it, cut after the
 * words the tests need, and with every word far from a match replaced by
 * `~` to keep the file small (the page's word positions stay as they are).
 * Usage: tsx scripts/capture-search-fixtures.ts NAME "QUERY" SLUG WORDS [NAME "QUERY" SLUG WORDS …]
 * writes tests/fixtures/search/NAME.json, keeping the page's first WORDS words.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { browserLaunchOptions } from './lib/browser.ts';
import { serveStatic } from './lib/static-server.ts';

const dist = path.resolve('dist');
const port = 4482;
const args = process.argv.slice(2);
const server = await serveStatic(dist, { port });
const browser = await chromium.launch(browserLaunchOptions());
try {
	const page = await browser.newPage();
	await page.goto(`${server.origin}/`);
	const module = `/_astro/${readdirSync(path.join(dist, '_astro')).find((name) => /^search-app\.[\w-]+\.js$/.test(name))}`;
	for (let i = 0; i + 3 < args.length; i += 4) {
		const [name, query, slug, words] = args.slice(i, i + 4) as [string, string, string, string];
		const data = await page.evaluate(
			async ({ module, query, slug }) => {
				const app = await import(module);
				const hits = await app.search({ q: query, filters: {}, sort: 'relevance' });
				for (const hit of hits) {
					const data = await hit.data();
					if (data.url.includes(`/episodes/${slug}/`)) return { url: data.url.replace(/\?.*$/, ''), raw_content: data.raw_content, locations: data.locations, anchors: data.anchors, meta: data.meta };
				}
				return undefined;
			},
			{ module, query, slug },
		);
		if (!data) throw new Error(`no result for ${slug} when searching “${query}”`);
		const keep = Number(words);
		const near = new Set<number>();
		for (const location of data.locations as number[]) for (let word = location - 12; word <= location + 12; word++) near.add(word);
		const raw = data.raw_content
			.split(/[^\S\uFEFF]+/)
			.slice(0, keep)
			.map((word: string, index: number) => (near.has(index) ? word : '~'))
			.join(' ');
		const anchors = data.anchors.filter((anchor: { location: number }) => anchor.location < keep);
		const turns = anchors.filter((anchor: { id: string }) => anchor.id.startsWith('t-')).length;
		const voices = data.meta.voices as string | undefined;
		const split = voices?.lastIndexOf(' ; ') ?? -1;
		const meta = { ...data.meta, ...(voices ? { voices: voices.slice(0, split + 3 + turns * (voices.slice(0, split).split(' | ').length > 25 ? 2 : 1)) } : {}) };
		const fixture = { query, captured: 'npm run build on the seed, then scripts/capture-search-fixtures.ts', data: { url: data.url, content: '', raw_content: raw, locations: data.locations.filter((l: number) => l < keep), anchors, meta } };
		writeFileSync(`tests/fixtures/search/${name}.json`, `${JSON.stringify(fixture)}\n`);
		console.log(`${name}: ${keep} words, ${anchors.length} anchors, ${fixture.data.locations.length} locations`);
	}
} finally {
	await browser.close();
	await server.close();
}
