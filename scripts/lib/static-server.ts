/**
 * The one static file server of the scripts and tests: serves a built site
 * the way a static host does (a folder serves its `index.html`, under the
 * site's base path, cacheable for ten minutes, text gzipped when the client accepts it, Pagefind's own
 * files, already compressed, sent as they are). Used by the search probe,
 * the page-speed report, the search evaluation, the fixture capture and the
 * security spec.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createGzip } from 'node:zlib';

/** Content types of the text files a build writes (these are the ones compressed). */
const TEXT_TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.vtt': 'text/vtt; charset=utf-8',
	'.srt': 'application/x-subrip; charset=utf-8',
	'.md': 'text/markdown; charset=utf-8',
	'.xml': 'application/xml',
	'.txt': 'text/plain; charset=utf-8',
};

/** Binary types a browser checks (WebAssembly must be served as such to compile streaming). */
const BINARY_TYPES: Record<string, string> = { '.wasm': 'application/wasm', '.png': 'image/png', '.ico': 'image/x-icon', '.wav': 'audio/wav', '.mp3': 'audio/mpeg' };

/** Options of `serveStatic`. */
export interface StaticServerOptions {
	/** The port; 0 (the default) lets the system pick a free one. */
	port?: number;
	/** The base path the site is built for, with its slashes (`/archive/`, as `resolveDeployment` gives it); requests outside it get 404. Default `/`. */
	base?: string;
}

/** A running server and the origin to reach it at (`http://127.0.0.1:4404`). */
export interface StaticServer {
	server: Server;
	origin: string;
	close: () => Promise<void>;
}

/** Serves the built site in `root` on 127.0.0.1. */
export async function serveStatic(root: string, options: StaticServerOptions = {}): Promise<StaticServer> {
	const dir = path.resolve(root);
	const base = options.base ?? '/';
	const server = createServer(async (request, response) => {
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		if (!url.pathname.startsWith(base)) return void response.writeHead(404).end('not found');
		let file = path.join(dir, decodeURIComponent(url.pathname.slice(base.length)));
		if (file !== dir && !file.startsWith(dir + path.sep)) return void response.writeHead(403).end();
		try {
			if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
			await stat(file);
		} catch {
			return void response.writeHead(404).end('not found');
		}
		const extension = path.extname(file);
		const text = TEXT_TYPES[extension];
		const gzip = text !== undefined && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
		response.writeHead(200, {
			'Content-Type': text ?? BINARY_TYPES[extension] ?? 'application/octet-stream',
			// Cacheable for ten minutes, as on GitHub Pages. Without it Chromium fetches the favicon again at every
			// change of address, and the search page replaces its address at every key.
			'Cache-Control': 'max-age=600',
			...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
		});
		const stream = createReadStream(file);
		(gzip ? stream.pipe(createGzip({ level: 6 })) : stream).pipe(response);
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', resolve);
	});
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const close = () =>
		new Promise<void>((resolve) => {
			server.close(() => resolve());
			// Keep-alive connections would hold the close for seconds.
			server.closeAllConnections();
		});
	return { server, origin, close };
}
