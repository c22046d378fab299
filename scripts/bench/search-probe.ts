/**
 * What a reader's first search downloads: the built site is served from
 * 127.0.0.1 (compressed like a static host would), Chromium opens the home
 * page, and every byte that arrives from the moment the reader opens the
 * site's search dialog and enters the query until the dialog shows its first
 * page of results (search module, Pagefind, index chunks, the shown results'
 * data) is counted.
 */
import path from 'node:path';
import { chromium } from '@playwright/test';
import { browserLaunchOptions } from '../lib/browser.ts';
import { serveStatic } from '../lib/static-server.ts';
import { WORD_LAYOUTS_DIR } from '../../src/client/search-layouts.ts';
import { WORD_PAIRS_DIR } from '../../src/client/search-pairs.ts';

/** One query's first-search cost. */
export interface SearchCost {
	query: string;
	/** Bytes received (headers and encoded bodies) from starting the query to having the results' data. */
	bytes: number;
	requests: number;
	/** Bytes by kind of file: `pagefind.js`, `wasm`, `pf_meta`, `pf_index`, `pf_fragment`, … */
	byKind: Record<string, number>;
	results: number;
	/** Sub-results (headings with ids) of the first result: where search can land inside a page. */
	firstSubResults: number;
}

/** The kind of a search request, for the breakdown. */
export function kindOf(url: string): string {
	const name = new URL(url).pathname.split('/').at(-1) ?? '';
	if (name.startsWith('wasm.')) return 'wasm';
	// The site's own chunks, without their content hash: `search-app.js`.
	if (url.includes('/_astro/')) return name.replace(/\.[\w-]+\.(js|css)$/, '.$1');
	// The word pairs' files (src/client/search-pairs.ts): their index, and the shards and pair files as one kind.
	if (url.includes(`/${WORD_PAIRS_DIR}`)) return name === 'index.json' ? 'pairs index.json' : 'word pairs';
	// The word layouts' files (src/client/search-layouts.ts), as one kind.
	if (url.includes(`/${WORD_LAYOUTS_DIR}`)) return 'word layouts';
	const ext = /\.(pf_\w+)$/.exec(name)?.[1];
	return ext ?? name;
}

/** Runs each query in a fresh browser context (empty cache) and measures its first search. */
export async function probeSearch(dist: string, queries: readonly string[], port = 4403): Promise<SearchCost[]> {
	const server = await serveStatic(path.resolve(dist), { port });
	const browser = await chromium.launch(browserLaunchOptions());
	try {
		const costs: SearchCost[] = [];
		for (const query of queries) {
			const context = await browser.newContext();
			const page = await context.newPage();
			await page.goto(`${server.origin}/`, { waitUntil: 'networkidle' });
			const sizes: Promise<{ url: string; bytes: number }>[] = [];
			page.on('requestfinished', (request) => {
				sizes.push(request.sizes().then((s) => ({ url: request.url(), bytes: s.responseBodySize + s.responseHeadersSize })));
			});
			// The reader's way: open the search dialog with its shortcut and enter the query (as if pasted,
			// so no search for a prefix runs first); done when the dialog shows that query's results.
			await page.keyboard.press('/');
			const dialog = page.locator('dialog[data-search-dialog]');
			await dialog.getByRole('searchbox').fill(query);
			await dialog.locator(`.search-results[data-query="${query.replace(/["\\]/g, '\\$&')}"]`).waitFor({ timeout: 60_000 });
			const outcome = {
				results: Number(/^(\d+)/.exec((await dialog.locator('[data-search-status]').textContent()) ?? '')?.[1] ?? 0),
				firstSubResults: await dialog.locator('.search-result').first().locator('.search-subresult').count(),
			};
			await page.waitForLoadState('networkidle');
			const received = await Promise.all(sizes);
			const byKind: Record<string, number> = {};
			for (const { url, bytes } of received) byKind[kindOf(url)] = (byKind[kindOf(url)] ?? 0) + bytes;
			costs.push({ query, bytes: received.reduce((sum, r) => sum + r.bytes, 0), requests: received.length, byKind, ...outcome });
			await context.close();
		}
		return costs;
	} finally {
		await browser.close();
		await server.close();
	}
}
