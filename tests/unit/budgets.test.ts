/**
 * The page budgets have one home (scripts/lib/budgets.ts): the gate
 * (`npm run check:budgets`) and the bench's targets table give the same
 * verdict on the same build. The fixture is a tiny built site whose one
 * episode page weighs 505,000 bytes: over 500 KB of 1,000 bytes, under
 * 500 × 1,024, where the bench once reported "met" and the gate failed.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pageBudgetChecks, targetsTable, type SizeResult } from '../../scripts/bench/report.ts';
import { siteStats } from '../../scripts/bench/site-stats.ts';
import { BUDGETS, checkPageBudgets, formatKb, gzipBytes, weighSite } from '../../scripts/lib/budgets.ts';

const run = promisify(execFile);
const PAGE_BYTES = 505_000;
let dist = '';

/** A page of exactly `bytes` bytes with a stylesheet and a script. */
function page(bytes: number): string {
	const head = '<!doctype html><html lang="en"><head><title>x</title><link rel="stylesheet" href="/_astro/site.css"><script type="module" src="/_astro/page.js"></script></head><body><p>';
	const tail = '</p></body></html>';
	return head + 'a'.repeat(bytes - head.length - tail.length) + tail;
}

beforeAll(async () => {
	dist = await mkdtemp(path.join(tmpdir(), 'archive-budgets-'));
	await mkdir(path.join(dist, 'episodes', 'heavy'), { recursive: true });
	await mkdir(path.join(dist, '_astro'));
	await mkdir(path.join(dist, 'pagefind'));
	await writeFile(path.join(dist, 'episodes', 'heavy', 'index.html'), page(PAGE_BYTES));
	await writeFile(path.join(dist, 'index.html'), page(2_000));
	await writeFile(path.join(dist, '_astro', 'site.css'), 'body{margin:0}');
	await writeFile(path.join(dist, '_astro', 'page.js'), 'document.body.dataset.ready = "";');
	await writeFile(path.join(dist, 'pagefind', 'pagefind.js'), '');
});

afterAll(async () => {
	if (dist) await rm(dist, { recursive: true, force: true });
});

describe('an episode page of 505,000 bytes', () => {
	test('fails the gate', async () => {
		const gate = run('npx', ['tsx', 'scripts/check-budgets.ts', dist]);
		await expect(gate).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('episodes/heavy/index.html: largest page, HTML 505.0 KB, over 500.0 KB') });
	}, 30_000);

	test('is missed in the bench’s targets, with the same figure and limit', async () => {
		const site = await siteStats(dist);
		expect(site.largestPage.raw).toBe(PAGE_BYTES);
		const [html] = pageBudgetChecks([{ episodes: 1, site }]);
		expect(html).toMatchObject({ measured: PAGE_BYTES, limit: BUDGETS.pageHtml, met: false });
		// The table reads only the sizes' site figures for these rows.
		const table = targetsTable([{ episodes: 1, site } as SizeResult]);
		expect(table).toContain('| largest page, HTML ≤ 500 KB at every N (1) | 505 KB ❌ missed |');
	});
});

test('weighSite counts stylesheets, inline styles and scripts with the modules they import, but not JSON-LD', async () => {
	const dir = await mkdtemp(path.join(tmpdir(), 'archive-weigh-'));
	try {
		await mkdir(path.join(dir, 'episodes', 'x'), { recursive: true });
		await mkdir(path.join(dir, '_astro'));
		const css = 'body{margin:0}';
		const [main, dep, inline, style] = ['import "./dep.js"; main();', 'export const dep = 1;', 'inline()', 'p{color:red}'];
		await writeFile(path.join(dir, '_astro', 'site.css'), css);
		await writeFile(path.join(dir, '_astro', 'main.js'), main);
		await writeFile(path.join(dir, '_astro', 'dep.js'), dep);
		await writeFile(
			path.join(dir, 'episodes', 'x', 'index.html'),
			`<!doctype html><html><head><link rel="stylesheet" href="/_astro/site.css"><style>${style}</style><script type="module" src="/_astro/main.js"></script><script>${inline}</script><script type="application/ld+json">{"a":1}</script></head><body></body></html>`,
		);
		const { weights, violations } = await weighSite(dir, { origin: 'https://example.org', base: '/' });
		expect(violations).toEqual([]);
		expect(weights.pageCssGzip.bytes).toBe(gzipBytes(css) + gzipBytes(style));
		expect(weights.episodeJsGzip.bytes).toBe(gzipBytes(main) + gzipBytes(dep) + gzipBytes(inline));
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
});

test('a figure at the limit is met, one byte over is not', () => {
	const weights = (bytes: number) => ({ pageHtml: { file: 'x', bytes }, pageCssGzip: { file: 'x', bytes: 0 }, episodeJsGzip: { file: 'x', bytes: 0 }, playerEpisodeJsGzip: { file: 'x', bytes: 0 } });
	expect(checkPageBudgets(weights(BUDGETS.pageHtml))[0]!.met).toBe(true);
	expect(checkPageBudgets(weights(BUDGETS.pageHtml + 1))[0]!.met).toBe(false);
	expect(formatKb(BUDGETS.pageHtml)).toBe('500.0 KB');
});
