/** The one static server of the scripts and tests serves a build as a static host does. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

let site: StaticServer;
beforeAll(async () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'static-server-'));
	mkdirSync(path.join(dir, 'episodes', 'one'), { recursive: true });
	writeFileSync(path.join(dir, 'episodes', 'one', 'index.html'), '<p>one</p>');
	writeFileSync(path.join(dir, 'wasm.unknown.pagefind'), 'binary');
	writeFileSync(path.join(dir, 'x.wasm'), 'wasm');
	site = await serveStatic(dir, { base: '/archive/' });
});
afterAll(() => site.close());

const get = (url: string, gzip = false) => fetch(`${site.origin}${url}`, { headers: { 'Accept-Encoding': gzip ? 'gzip' : 'identity' } });

test('a folder serves its index.html, under the base path only', async () => {
	const response = await get('/archive/episodes/one/');
	expect(response.status).toBe(200);
	expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
	expect(await response.text()).toBe('<p>one</p>');
	expect((await get('/episodes/one/')).status).toBe(404);
	expect((await get('/archive/missing/')).status).toBe(404);
});

test('text is gzipped when the client accepts it; binary files are sent as they are, WebAssembly with its type', async () => {
	const page = await get('/archive/episodes/one/index.html', true);
	expect(page.headers.get('content-encoding')).toBe('gzip');
	expect(await page.text()).toBe('<p>one</p>');
	const binary = await get('/archive/wasm.unknown.pagefind', true);
	expect(binary.headers.get('content-encoding')).toBeNull();
	expect((await get('/archive/x.wasm')).headers.get('content-type')).toBe('application/wasm');
});
