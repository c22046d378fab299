/**
 * `npm run bench:pages -- --dist dist --label "20 episodes (seed)"`: Lighthouse
 * (mobile preset: a mid-range phone on a slow 4G connection, simulated) on
 * every page type of a built site, served with gzip like a static host, and
 * the medians into the page-speed section of docs/benchmarks.md. Each label
 * keeps its own table (docs/page-speed.json), so the seed and the
 * 2,000-episode site are measured by separate runs.
 *
 * It runs scripts/check-budgets.ts on the same site first and prints what it finds.
 *
 * Options: --dist DIR (a built site), --label TEXT, --runs 3, --port 4404,
 * --docs docs, --report-only (re-render the section from docs/page-speed.json). Lighthouse runs Chromium from CHROME_PATH (default
 * /usr/bin/chromium), headless and without sandbox.
 */
import { execFile } from 'node:child_process';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readCommandLine } from '../lib/cli.ts';
import { promisify } from 'node:util';
import { listFiles } from './site-stats.ts';
import { serveStatic } from '../lib/static-server.ts';
import { choosePages, figuresOf, medianFigures, renderPageSpeed, withPageSpeed, type PageFigures, type PageSpeedRow, type PageSpeedSite } from './page-speed-lib.ts';

const values = readCommandLine({ values: { dist: 'dist', label: 'this build', runs: '3', port: '4404', docs: 'docs' }, flags: ['report-only'] });
const dist = path.resolve(values.dist);
const runs = Number(values.runs);
const port = Number(values.port);
const run = promisify(execFile);

const jsonFile = path.join(values.docs, 'page-speed.json');
const mdFile = path.join(values.docs, 'benchmarks.md');
const sites: PageSpeedSite[] = JSON.parse(await readFile(jsonFile, 'utf8').catch(() => '[]'));
if (values['report-only']) {
	await writeFile(mdFile, withPageSpeed(await readFile(mdFile, 'utf8'), renderPageSpeed(sites)));
	process.exit(0);
}

// The budgets first (every page's size, every list page's elements): a page over them is reported as such.
const budgets = await run(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/check-budgets.ts', dist]).catch((error: { stdout?: string; stderr?: string }) => error);
console.log(`${budgets.stdout ?? ''}${budgets.stderr ?? ''}`.trim());

const files = (await listFiles(dist)).filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/'));
const pages = await Promise.all(files.map(async (file) => ({ file, bytes: (await stat(path.join(dist, file))).size })));
const choices = choosePages(pages);
const server = await serveStatic(dist, { port });
const rows: PageSpeedRow[] = [];
try {
	for (const choice of choices) {
		const results: PageFigures[] = [];
		for (let i = 0; i < runs; i++) {
			const { stdout } = await run(
				path.resolve('node_modules/.bin/lighthouse'),
				[
					`${server.origin}/${choice.path}`,
					'--output=json',
					'--output-path=stdout',
					'--quiet',
					'--only-categories=performance,accessibility,best-practices,seo',
					'--chrome-flags=--headless --no-sandbox --disable-gpu',
				],
				{ env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' }, maxBuffer: 256 * 1024 * 1024 },
			);
			results.push(figuresOf(JSON.parse(stdout)));
			console.log(`${choice.type} /${choice.path} run ${i + 1}: performance ${results.at(-1)!.performance}, TBT ${results.at(-1)!.tbt} ms`);
		}
		rows.push({ ...choice, runs, median: medianFigures(results), worst: Math.min(...results.map((r) => r.performance)) });
	}
} finally {
	await server.close();
}

const site: PageSpeedSite = { label: values.label, date: new Date().toISOString().slice(0, 10), rows };
const merged = [...sites.filter((s) => s.label !== site.label), site];
await writeFile(jsonFile, `${JSON.stringify(merged, null, '\t')}\n`);
await writeFile(mdFile, withPageSpeed(await readFile(mdFile, 'utf8'), renderPageSpeed(merged)));
console.log(renderPageSpeed([site]));
