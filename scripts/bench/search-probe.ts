/**
 * What a reader's first search downloads: the built site is served from
 * 127.0.0.1 (compressed like a static host would), Chromium opens the home
 * page, and every byte that arrives from the moment the query starts until
 * the first page of results (five, Pagefind UI's default) is loaded is counted.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { createGzip } from 'node:zlib';
import { chromium } from '@playwright/test';

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

const TEXT_TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.vtt': 'text/vtt; charset=utf-8',
	'.xml': 'application/xml',
	'.txt': 'text/plain; charset=utf-8',
};

/**
 * A static file server for `dist/`, like a static host: directories serve
 * `index.html`, text is gzipped when the client accepts it, Pagefind's own
 * files (already compressed) are sent as they are.
 */
export function serveStatic(root: string, port: number): Promise<Server> {
	const server = createServer(async (request, response) => {
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		let file = path.join(root, decodeURIComponent(url.pathname));
		if (!file.startsWith(root)) return void response.writeHead(403).end();
		try {
			if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
			await stat(file);
		} catch {
			return void response.writeHead(404).end('not found');
		}
		const type = TEXT_TYPES[path.extname(file)];
		const gzip = type !== undefined && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
		response.writeHead(200, {
			'Content-Type': type ?? 'application/octet-stream',
			...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
		});
		const stream = createReadStream(file);
		(gzip ? stream.pipe(createGzip({ level: 6 })) : stream).pipe(response);
	});
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve(server));
	});
}

/** The kind of a Pagefind request, for the breakdown. */
function kindOf(url: string): string {
	const name = new URL(url).pathname.split('/').at(-1) ?? '';
	if (name.startsWith('wasm.')) return 'wasm';
	const ext = /\.(pf_\w+)$/.exec(name)?.[1];
	return ext ?? name;
}

/** Runs each query in a fresh browser context (empty cache) and measures its first search. */
export async function probeSearch(dist: string, queries: readonly string[], port = 4403): Promise<SearchCost[]> {
	const server = await serveStatic(path.resolve(dist), port);
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
	});
	try {
		const costs: SearchCost[] = [];
		for (const query of queries) {
			const context = await browser.newContext();
			const page = await context.newPage();
			await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'networkidle' });
			const sizes: Promise<{ url: string; bytes: number }>[] = [];
			page.on('requestfinished', (request) => {
				sizes.push(request.sizes().then((s) => ({ url: request.url(), bytes: s.responseBodySize + s.responseHeadersSize })));
			});
			const outcome = await page.evaluate(async (q) => {
				const pagefind = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
				const search = await pagefind.search(q);
				const data = await Promise.all(search.results.slice(0, 5).map((result: { data: () => Promise<{ sub_results: unknown[] }> }) => result.data()));
				return { results: search.results.length as number, firstSubResults: data[0]?.sub_results.length ?? 0 };
			}, query);
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
		await new Promise((resolve) => server.close(resolve));
	}
}
