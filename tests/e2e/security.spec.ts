/**
 * Injected markup never runs. A fixture site is built from a hostile dump
 * (tests/fixtures/hostile/) into its own folder, under a base path, and served
 * here; the real site (Playwright's web server) is checked too. Every page
 * carries a Content-Security-Policy that allows only the site's own scripts,
 * and search (Pagefind, which compiles WebAssembly) still works under it.
 */
import { expect, test, type Page } from '@playwright/test';
import { Parser } from 'commonmark';
import { HtmlValidate } from 'html-validate';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

const run = promisify(execFile);
const FIXTURE = 'tests/fixtures/hostile';
const BASE = '/hostile/';
const HOSTILE = 'hostile-script-window-pwned-title-script-text-with-eve';

/** Records what must never happen on a page: dialogs, CSP violations, script errors, console errors. */
async function watch(page: Page): Promise<{ dialogs: string[]; errors: string[]; violations: () => Promise<string[]> }> {
	const dialogs: string[] = [];
	const errors: string[] = [];
	page.on('dialog', (dialog) => {
		dialogs.push(dialog.message());
		void dialog.dismiss();
	});
	page.on('pageerror', (error) => errors.push(error.message));
	page.on('console', (message) => {
		if (message.type() === 'error' || /Content.Security.Policy/i.test(message.text())) errors.push(message.text());
	});
	await page.addInitScript(() => {
		const w = window as unknown as { __violations: string[] };
		w.__violations = [];
		document.addEventListener('securitypolicyviolation', (event) => w.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
	});
	return { dialogs, errors, violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations) };
}

/**
 * Runs a Pagefind query from a module script of the page itself, as the
 * site's search does, and returns the result URLs. (Code run through
 * Playwright's `evaluate` is exempt from some CSP checks, like DevTools'
 * console, so the query must start from a real script element; the module is
 * served from the site's own origin, which the policy allows.) Pagefind runs
 * its WebAssembly in a web worker, which a <meta> policy does not reach, and
 * falls back to the page's own thread when the worker fails; `mainThread`
 * forces that path, where the policy must allow 'wasm-unsafe-eval'.
 */
async function pagefindSearch(page: Page, base: string, query: string, mainThread = false): Promise<string[]> {
	await page.route('**/__search-probe.js*', (route) =>
		route.fulfill({
			contentType: 'text/javascript',
			body: [
				'const params = new URL(import.meta.url).searchParams;',
				'try {',
				"  const pagefind = await import(params.get('base') + 'pagefind/pagefind.js');",
				"  if (params.get('main') === '1') await pagefind.options({ noWorker: true });",
				"  const search = await pagefind.search(params.get('q'));",
				'  window.__search = (await Promise.all(search.results.map((r) => r.data()))).map((d) => d.url);',
				'} catch (error) {',
				"  window.__search = 'error: ' + error;",
				'}',
			].join('\n'),
		}),
	);
	await page.evaluate(
		({ base, query, mainThread }) => {
			delete (window as unknown as { __search?: unknown }).__search;
			const script = document.createElement('script');
			script.type = 'module';
			script.src = `${base}__search-probe.js?base=${encodeURIComponent(base)}&q=${encodeURIComponent(query)}&main=${mainThread ? 1 : 0}`;
			document.head.append(script);
		},
		{ base, query, mainThread },
	);
	const handle = await page.waitForFunction(() => (window as unknown as { __search?: unknown }).__search, undefined, { timeout: 15_000 });
	const result = (await handle.jsonValue()) as string[] | string;
	if (typeof result === 'string') throw new Error(`Pagefind search failed: ${result}`);
	return result;
}

/** The policy a page declares in its <meta http-equiv>. */
const policyOf = (page: Page) => page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');

/** Asserts the shipped policy: only the site's scripts, WebAssembly for search, no plugins, no base hijack. */
function expectStrictPolicy(policy: string | null) {
	expect(policy).toBeTruthy();
	const directives = new Map(policy!.split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0]!, d.split(/\s+/).slice(1)] as const));
	expect(directives.get('default-src')).toEqual(["'self'"]);
	expect(directives.get('object-src')).toEqual(["'none'"]);
	expect(directives.get('base-uri')).toEqual(["'self'"]);
	const scripts = directives.get('script-src')!;
	expect(scripts.slice(0, 2)).toEqual(["'self'", "'wasm-unsafe-eval'"]);
	expect(scripts.slice(2).every((source) => /^'sha256-[A-Za-z0-9+/=]+'$/.test(source))).toBe(true);
	expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
}

test.describe('a site built from a hostile dump', () => {
	test.describe.configure({ mode: 'serial' });
	let dir = '';
	let site: StaticServer | undefined;
	let ingestOutput = '';

	test.beforeAll(async () => {
		test.setTimeout(240_000);
		dir = await mkdtemp(path.join(tmpdir(), 'archive-hostile-'));
		const env = {
			...process.env,
			ARCHIVE_EPISODES_DIR: path.join(dir, 'episodes'),
			ARCHIVE_OUT_DIR: path.join(dir, 'dist'),
			ARCHIVE_CACHE_DIR: path.join(dir, 'cache'),
			SITE_URL: 'https://archive.example.org',
			BASE_PATH: BASE,
		};
		const ingest = ['tsx', 'scripts/ingest.ts', '--sources', FIXTURE, '--out', env.ARCHIVE_EPISODES_DIR, '--overrides', `${FIXTURE}/overrides.json`];
		const result = await run('npx', ingest, { env });
		ingestOutput = `${result.stdout}\n${result.stderr}`;
		await run('npx', ['astro', 'build'], { env, maxBuffer: 32 * 1024 * 1024 });
		await run('npx', ['pagefind', '--site', env.ARCHIVE_OUT_DIR], { env });
		site = await serveStatic(env.ARCHIVE_OUT_DIR, { base: BASE });
	});

	test.afterAll(async () => {
		await site?.close();
		if (dir) await rm(dir, { recursive: true, force: true });
	});

	test('the broken episode is reported and skipped, the others are built; --strict fails instead', async ({ request }) => {
		expect(ingestOutput).toContain('hostile.txt:15:73: error: unreadable timestamp [00:75:00] (episode “A broken episode”)');
		expect((await request.get(`${site!.origin}${BASE}episodes/${HOSTILE}/`)).status()).toBe(200);
		expect((await request.get(`${site!.origin}${BASE}episodes/kumquats/`)).status()).toBe(200);
		expect((await request.get(`${site!.origin}${BASE}episodes/a-broken-episode/`)).status()).toBe(404);
		const strict = run('npx', ['tsx', 'scripts/ingest.ts', '--strict', '--sources', FIXTURE, '--out', path.join(dir, 'strict'), '--overrides', `${FIXTURE}/overrides.json`]);
		await expect(strict).rejects.toMatchObject({ code: 1 });
	});

	test('injected markup shows as text and nothing in it runs', async ({ page }) => {
		const seen = await watch(page);
		await page.goto(`${site!.origin}${BASE}episodes/${HOSTILE}/`);
		await expect(page.locator('h1')).toHaveText("Hostile <script>window.__pwned = 'title'</script> text — with Eve Mallory of Evil Corp");
		for (const text of [
			"<script>window.__pwned = 'script'</script>",
			`<img src=x onerror="window.__pwned = 'img'">`,
			`<a href="javascript:window.__pwned='link'">a javascript: link</a>`,
			"javascript:window.__pwned='bare'",
			'{props.secret} and {1+1} and `backticks` and </textarea><!-- an HTML comment --> and <style>body{display:none}</style>.',
			'import fs from "node:fs"',
			'export const pwned = true',
			`<svg onload="window.__pwned = 'svg'"></svg>`,
			`<iframe src="javascript:window.__pwned='iframe'"></iframe>`,
			'{process.env.secret}',
			`<b onmouseover="window.__pwned = 'turn'">bold</b>`,
			"<script>window.__pwned = 'transcript'</script> Thanks for having me.",
		]) {
			await expect(page.getByText(text, { exact: false }).first(), text).toBeVisible();
		}
		await page.locator('body').hover();
		expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
		const injected = await page.evaluate(() => ({
			handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName} ${a.name}`)),
			javascriptLinks: [...document.querySelectorAll('a[href], iframe[src]')].filter((el) => /^\s*javascript:/i.test(el.getAttribute('href') ?? el.getAttribute('src') ?? '')).length,
			// Scripts a browser would run; JSON-LD blocks carry the title as data, checked below.
			scripts: [...document.querySelectorAll('script')].filter((s) => !/ld\+json/.test(s.type) && s.textContent?.includes('__pwned')).length,
			jsonLdMarkup: [...document.querySelectorAll('script[type="application/ld+json"]')].filter((s) => s.textContent?.includes('<')).length,
			// Elements made from the dump's markup: its image, frame and text area, or its style sheet.
			elements: document.querySelectorAll('img[src="x"], iframe, textarea').length,
			styles: [...document.querySelectorAll('style')].filter((el) => el.textContent?.includes('body{display:none}')).length,
		}));
		expect(injected).toEqual({ handlers: [], javascriptLinks: 0, scripts: 0, jsonLdMarkup: 0, elements: 0, styles: 0 });
		expect(seen.dialogs).toEqual([]);
		expect(seen.errors).toEqual([]);
		expect(await seen.violations()).toEqual([]);
	});

	test('the episode’s Markdown file renders as text in a CommonMark renderer: nothing in it becomes HTML', async () => {
		const markdown = await readFile(path.join(dir, 'dist', 'episodes', `${HOSTILE}.md`), 'utf8');
		const body = markdown.slice(markdown.indexOf('\n---\n') + 5);
		const html: string[] = [];
		const links: string[] = [];
		let text = '';
		const walker = new Parser().parse(body).walker();
		for (let event = walker.next(); event; event = walker.next()) {
			const { node, entering } = event;
			if (!entering) continue;
			if (node.type === 'html_block' || node.type === 'html_inline') html.push(node.literal ?? '');
			if (node.type === 'link' || node.type === 'image') links.push(node.destination ?? '');
			if (node.type === 'text' || node.type === 'code') text += node.literal;
			if (node.type === 'softbreak') text += ' ';
		}
		expect(html).toEqual([]);
		expect(links.filter((href) => !/^https?:\/\//.test(href))).toEqual([]);
		for (const injected of [
			"<script>window.__pwned = 'script'</script>",
			`<img src=x onerror="window.__pwned = 'img'">`,
			'{props.secret} and {1+1} and `backticks` and </textarea><!-- an HTML comment --> and <style>body{display:none}</style>.',
			'import fs from "node:fs"',
			`<svg onload="window.__pwned = 'svg'"></svg>`,
			`<iframe src="javascript:window.__pwned='iframe'"></iframe>`,
			`<b onmouseover="window.__pwned = 'turn'">bold</b>`,
			"<script>window.__pwned = 'transcript'</script> Thanks for having me.",
		]) {
			expect(text, injected).toContain(injected);
		}
	});

	test('every page has the strict policy, and search works under it', async ({ page }) => {
		const seen = await watch(page);
		await page.goto(`${site!.origin}${BASE}episodes/kumquats/`);
		expectStrictPolicy(await policyOf(page));
		expect(await pagefindSearch(page, BASE, 'kumquat')).toContain(`${BASE}episodes/kumquats/`);
		expect(await pagefindSearch(page, BASE, 'pwned')).toContain(`${BASE}episodes/${HOSTILE}/`);
		await page.reload();
		expect(await pagefindSearch(page, BASE, 'kumquat', true)).toContain(`${BASE}episodes/kumquats/`);
		expect(seen.errors).toEqual([]);
		expect(await seen.violations()).toEqual([]);
	});

	test('the policy is enforced: a script that still got into the page is blocked and reported', async ({ page }) => {
		const seen = await watch(page);
		await page.goto(`${site!.origin}${BASE}episodes/kumquats/`);
		await page.evaluate(() => {
			const script = document.createElement('script');
			script.textContent = 'window.__pwned = "inline"';
			document.body.append(script);
			const image = document.createElement('img');
			image.setAttribute('onerror', 'window.__pwned = "handler"');
			image.src = 'data:,broken';
			document.body.append(image);
		});
		await expect.poll(seen.violations).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src-elem inline$/), expect.stringMatching(/^script-src-attr inline$/)]));
		expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
	});

	test('the old slug of a corrected episode redirects to its new page, under the base path', async ({ page }) => {
		await page.goto(`${site!.origin}${BASE}episodes/kumquat-orchards-with-alessio-and-swyx/`);
		await page.waitForURL(`**${BASE}episodes/kumquats/`);
		await expect(page.locator('h1')).toHaveText('Kumquat orchards — with Alessio and Swyx');
		const redirects = await readFile(path.join(dir, 'dist', '_redirects'), 'utf8');
		expect(redirects).toContain(`${BASE}episodes/kumquat-orchards-with-alessio-and-swyx/ ${BASE}episodes/kumquats/ 301`);
		expect(await readFile(path.join(dir, 'dist', '_headers'), 'utf8')).toContain(`${BASE}*\n  Content-Security-Policy: frame-ancestors 'self'`);
	});

	test('description headings named like the page’s own parts get ids no other element has', async ({ page }) => {
		await page.goto(`${site!.origin}${BASE}episodes/kumquats/`);
		for (const name of ['Site Search', 'Page top', 'On this page']) {
			const id = await page.locator('#description').getByRole('heading', { name, exact: true }).getAttribute('id');
			expect(id, name).toBeTruthy();
			expect(await page.locator(`[id="${id}"]`).count(), `#${id}`).toBe(1);
		}
	});

	test('every page of the fixture site is valid HTML', async () => {
		// Episode titles are the podcast's own and often longer than 70 characters; that is no error in the markup.
		const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off' } });
		const pages: string[] = [];
		const walk = async (folder: string): Promise<void> => {
			for (const entry of await readdir(folder, { withFileTypes: true })) {
				const full = path.join(folder, entry.name);
				if (entry.isDirectory() && entry.name !== 'pagefind') await walk(full);
				else if (entry.name.endsWith('.html')) pages.push(full);
			}
		};
		await walk(path.join(dir, 'dist'));
		expect(pages.length).toBeGreaterThanOrEqual(4);
		for (const file of pages) {
			const report = await validator.validateFile(file);
			expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`)), file).toEqual([]);
		}
	});
});

test.describe('the real site', () => {
	test('has the strict policy on every kind of page, and a Pagefind query works under it', async ({ page, baseURL }) => {
		const seen = await watch(page);
		await page.goto('./');
		expectStrictPolicy(await policyOf(page));
		const episodes = (await (await page.request.get('episodes.json')).json()) as { episodes: { slug: string }[] };
		const slug = episodes.episodes.find((e) => e.slug.startsWith('why-google'))!.slug;
		await page.goto(`episodes/${slug}/`);
		expectStrictPolicy(await policyOf(page));
		const base = new URL(baseURL!).pathname;
		expect(await pagefindSearch(page, base, 'Adept')).toContain(`${base}episodes/${slug}/`);
		await page.reload();
		expect(await pagefindSearch(page, base, 'Adept', true)).toContain(`${base}episodes/${slug}/`);
		expect(seen.errors).toEqual([]);
		expect(await seen.violations()).toEqual([]);
	});
});
