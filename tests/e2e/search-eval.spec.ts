/**
 * The search evaluation (`npm run eval:search`) on a small fixed sample:
 * phrases and topics drawn with a fixed seed from whatever entries were
 * built, typed into the search page, judged against the targets of issue 13.
 * A warm page (one context) and pasted queries are enough here: landing
 * depends on neither; the full evaluation types every query and measures
 * first-query bytes in fresh contexts.
 */
import { expect, test } from '@playwright/test';
import { searchOnPage } from '../../scripts/lib/search-eval-browser.ts';
import { judge, missedTargets, readArchive, samplePhrases, sampleTopics, summarize } from '../../scripts/lib/search-eval.ts';

const SEED = 13;
const PHRASES = 60;
const TOPICS = 40;

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
