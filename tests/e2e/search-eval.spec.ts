/**
 * The search evaluation (`npm run eval:search`) on a small fixed sample:
 * phrases and topics drawn with a fixed seed from whatever entries were
 * built, typed into the search page, judged against the targets of issue 13.
 * Landing is judged on a warm page (one context) with pasted queries:
 * it depends on neither. What a first search downloads is judged on the
 * first phrases of the same sample, typed key by key, each in a fresh
 * browser context, from the built site served as a static host serves it
 * (gzip, cache headers: `scripts/lib/static-server.ts`), as the full
 * evaluation measures it.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { searchOnPage } from '../../scripts/lib/search-eval-browser.ts';
import { judge, missedTargets, readArchive, samplePhrases, sampleTopics, summarize } from '../../scripts/lib/search-eval.ts';
import { serveStatic } from '../../scripts/lib/static-server.ts';
import { readSiteConfig, resolveDeployment } from '../../scripts/site-config.ts';

const SEED = 13;
const PHRASES = 60;
const TOPICS = 40;
/** Phrases whose first search is weighed: each is a fresh browser, a few seconds. */
const WEIGHED_PHRASES = 20;

test('sampled phrases land on their turn and topics in their chapter, as often as the targets ask', async ({ page }) => {
	test.setTimeout(300_000);
	const archive = readArchive();
	const queries = [...samplePhrases(archive, PHRASES, SEED), ...sampleTopics(archive, TOPICS, SEED)];
	expect(queries.length).toBe(PHRASES + TOPICS);
	await page.goto('search/');
	const rows = [];
	for (const query of queries) {
		const outcome = await searchOnPage(page, query.query, { paste: true });
		rows.push({ query, outcome, verdict: judge(query, outcome) });
	}
	const phrases = summarize(rows.filter((row) => row.query.kind === 'phrase'));
	const topics = summarize(rows.filter((row) => row.query.kind === 'topic'));
	const misses = rows
		.filter((row) => !row.verdict.place || (row.query.kind === 'phrase' && !row.verdict.titleLink))
		.map((row) => `${row.query.kind} “${row.query.query}” → ${row.outcome.title ?? 'none'} / ${row.outcome.firstPlace ?? 'none'} (expected ${row.query.slug}#${row.query.turn})`);
	test.info().annotations.push({ type: 'search eval', description: JSON.stringify({ phrases, topics, misses }) });
	// Every target of issue 13, topics included (85 % in the source turn's chapter).
	expect(missedTargets(phrases, topics), misses.join('\n')).toEqual([]);
});

test('sampled phrases typed into a fresh browser download no more than the targets allow, and still land', async ({ browser }) => {
	test.setTimeout(300_000);
	const phrases = samplePhrases(readArchive(), WEIGHED_PHRASES, SEED);
	const { base } = resolveDeployment(readSiteConfig());
	const server = await serveStatic(path.resolve('dist'), { base });
	const rows = [];
	try {
		for (const query of phrases) {
			const context = await browser.newContext();
			const page = await context.newPage();
			await page.goto(`${server.origin}${base}search/`, { waitUntil: 'networkidle' });
			const outcome = await searchOnPage(page, query.query, { countBytes: true });
			rows.push({ query, outcome, verdict: judge(query, outcome) });
			await context.close();
		}
	} finally {
		await server.close();
	}
	const summary = summarize(rows);
	const heaviest = [...rows].sort((a, b) => (b.outcome.bytes ?? 0) - (a.outcome.bytes ?? 0)).slice(0, 3);
	test.info().annotations.push({ type: 'first-search bytes', description: JSON.stringify({ median: summary.medianBytes, p95: summary.p95Bytes, heaviest: heaviest.map((row) => [row.query.query, row.outcome.bytes]) }) });
	// The seed's targets: landing as above, median <= 250 KB and p95 <= 350 KB.
	expect(missedTargets(summary, undefined)).toEqual([]);
});
