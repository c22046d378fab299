/**
 * `npm run eval:search`: how search behaves on queries nobody chose. Samples
 * phrase and topic queries from the generated entries (seeded, so a run can
 * be repeated), serves the built site like a static host, types each query
 * into its search page in Chromium and reports how often the right episode
 * comes first and the first place and the title link land on the turn where
 * the words were said, the time from the last key to the results, and what
 * a first query downloads (each phrase in a fresh browser context).
 *
 * Options: --dist DIR (dist), --entries DIR (content/episodes), --phrases N
 * (300), --topics N (100), --seed N (13), --port N (4481), --report FILE
 * (also write the report there), --quotes Q (repeatable: also measure these in
 * a fresh context), --paste (enter each phrase at once instead of key by key:
 * the cost without the searches typing runs on the way), --delay MS (time
 * between keys, 0 by default: as fast as the browser takes them), --targets
 * seed|large (the issue's targets for the seed site, the default, or for the
 * 2,000-episode bench site). Exits 1 when a target is missed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { COMMON_WORDS_PATH, quotePlan } from '../src/client/search-quotes.ts';
import { browserLaunchOptions } from './lib/browser.ts';
import { readCommandLine } from './lib/cli.ts';
import { serveStatic } from './lib/static-server.ts';
import { quantile } from '../src/shared/stats.ts';
import { searchOnPage } from './lib/search-eval-browser.ts';
import { judge, missedTargets, readArchive, samplePhrases, sampleTopics, summarize, TARGETS, type EvalOutcome, type EvalQuery, type EvalVerdict } from './lib/search-eval.ts';

const values = readCommandLine({
	values: { dist: 'dist', entries: 'content/episodes', phrases: '300', topics: '100', seed: '13', port: '4481', report: undefined, delay: '0', targets: 'seed' },
	flags: ['paste'],
	lists: ['quotes'],
});
const seed = Number(values.seed);
if (values.targets !== 'seed' && values.targets !== 'large') throw new Error(`--targets is seed or large, not ${values.targets}`);
const targets = TARGETS[values.targets];
const delay = Number(values.delay);
const port = Number(values.port);
const archive = readArchive(values.entries);
const phrases = samplePhrases(archive, Number(values.phrases), seed);
const topics = sampleTopics(archive, Number(values.topics), seed);
const episodes = new Set(archive.turns.map((turn) => turn.slug)).size;
console.log(`${episodes} episodes with transcripts, ${archive.turns.length} turns; ${phrases.length} phrase and ${topics.length} topic queries (seed ${seed})`);

const server = await serveStatic(path.resolve(values.dist), { port });
// The browser's own traffic (updates, sync) off, so the bytes counted are the site's.
const launch = browserLaunchOptions();
const browser = await chromium.launch({ ...launch, args: [...(launch.args ?? []), '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'] });
const searchPage = `${server.origin}/search/`;

type Row = { query: EvalQuery; outcome: EvalOutcome; verdict: EvalVerdict };

/** A query in a fresh context (empty cache): its landing and its first-query bytes. */
async function fresh(query: string): Promise<EvalOutcome> {
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		await page.goto(searchPage, { waitUntil: 'networkidle' });
		return await searchOnPage(page, query, { countBytes: true, paste: values.paste, delay });
	} catch (error) {
		// A crashed page (the renderer ran out of memory, say) is a miss of its own, reported, not the end of the run.
		console.log(`  “${query}”: ${String(error).split('\n')[0]}`);
		return { ms: NaN, error: String(error).split('\n')[0] };
	} finally {
		await context.close().catch(() => undefined);
	}
}

const rows: Row[] = [];
const quotes: (EvalOutcome & { quote: string })[] = [];
try {
	for (const [i, query] of phrases.entries()) {
		const outcome = await fresh(query.query);
		rows.push({ query, outcome, verdict: judge(query, outcome) });
		if ((i + 1) % 25 === 0) console.log(`  ${i + 1}/${phrases.length} phrases`);
	}
	// Topic queries in one context: their landing and times, not a first query's bytes.
	const context = await browser.newContext();
	let page = await context.newPage();
	await page.goto(searchPage, { waitUntil: 'networkidle' });
	for (const query of topics) {
		let outcome: EvalOutcome;
		try {
			outcome = await searchOnPage(page, query.query, { delay });
		} catch (error) {
			console.log(`  “${query.query}”: ${String(error).split('\n')[0]}`);
			outcome = { ms: NaN, error: String(error).split('\n')[0] };
			await page.close().catch(() => undefined);
			page = await context.newPage();
			await page.goto(searchPage, { waitUntil: 'networkidle' });
		}
		rows.push({ query, outcome, verdict: judge(query, outcome) });
	}
	await context.close();
	for (const quote of values.quotes) quotes.push({ quote, ...(await fresh(quote)) });
} finally {
	await browser.close();
	await server.close();
}

const phraseRows = rows.filter((row) => row.query.kind === 'phrase');
const topicRows = rows.filter((row) => row.query.kind === 'topic');
const p = summarize(phraseRows);
const t = summarize(topicRows);
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const kb = (n: number | undefined) => (n === undefined ? '–' : `${(n / 1000).toFixed(0)} KB`);
const hash = (url: string | undefined) => (url ? decodeURIComponent(new URL(url, 'https://x.invalid').hash) || '(top)' : 'none');
const slug = (url: string | undefined) => (url ? (/\/episodes\/([^/]+)\//.exec(url)?.[1] ?? url) : 'none');
const missLine = (row: Row) =>
	`- ${row.query.kind} “${row.query.query}” (${row.query.slug}#${row.query.turn}): ${row.outcome.error ? `failed: ${row.outcome.error}` : `first ${slug(row.outcome.title)}, title link ${hash(row.outcome.title)}, first place ${hash(row.outcome.firstPlace)}`}`;
/** Median bytes of each kind of file over the phrase queries' first searches (a kind a query did not load counts 0). */
const kinds = [...new Set(phraseRows.flatMap((row) => Object.keys(row.outcome.byKind ?? {})))].sort();
const breakdown = kinds
	.map((kind) => phraseRows.map((row) => row.outcome.byKind?.[kind] ?? 0))
	.map((values, i) => ({ kind: kinds[i]!, median: quantile(values, 0.5) ?? 0, p95: quantile(values, 0.95) ?? 0 }))
	.sort((a, b) => b.median - a.median || b.p95 - a.p95);
/**
 * Phrase queries by how many of their words are outside the site's common
 * words (`quotePlan`): a quote with fewer than two such words must ask
 * Pagefind for common words, whose index chunks grow with the archive.
 */
const commonList = JSON.parse(readFileSync(path.join(values.dist, COMMON_WORDS_PATH), 'utf8')) as string[];
const rareGroup = (query: string) => {
	const rare = quotePlan(query, commonList)?.rare;
	return rare === undefined ? 'not a quote (under four words)' : rare >= 2 ? 'two or more rare words' : rare === 1 ? 'one rare word' : 'no rare word';
};
const byRare = [...Map.groupBy(phraseRows, (row) => rareGroup(row.query.query)).entries()].map(([group, rows]) => {
	const bytes = rows.flatMap((row) => (row.outcome.bytes === undefined ? [] : [row.outcome.bytes]));
	return `- ${group}: ${rows.length} phrases, ${kb(quantile(bytes, 0.5))} / ${kb(quantile(bytes, 0.95))}`;
});
const heavy = phraseRows.filter((row) => (row.outcome.bytes ?? 0) > targets.p95Bytes).length;
const kindsOf = (byKind: Record<string, number> | undefined) =>
	Object.entries(byKind ?? {})
		.sort((a, b) => b[1] - a[1])
		.map(([kind, n]) => `${kind} ${kb(n)}`)
		.join(', ');
const lines = [
	`Seed ${seed}; ${episodes} episodes with transcripts (${archive.turns.length} turns) in \`${values.entries}\`, site \`${values.dist}\`; ${values.paste ? 'pasted' : `typed, ${delay} ms between keys`}; ${values.targets} targets.`,
	'',
	'| queries | n | right episode first | first place on the turn (topics: in its chapter) | title link on the turn | last key → results, median / p95 | first-query bytes, median / p95 |',
	'|---|---|---|---|---|---|---|',
	`| phrases | ${p.count} | ${pct(p.episode)} | ${pct(p.place)} | ${pct(p.titleLink)} | ${p.medianMs.toFixed(0)} / ${p.p95Ms.toFixed(0)} ms | ${kb(p.medianBytes)} / ${kb(p.p95Bytes)} |`,
	`| topics | ${t.count} | ${pct(t.episode)} | ${pct(t.place)} | – | ${t.medianMs.toFixed(0)} / ${t.p95Ms.toFixed(0)} ms | – |`,
	'',
	...(breakdown.length > 0 ? ['Phrase queries\' first-query bytes by kind of file, median / p95:', '', ...breakdown.map((b) => `- ${b.kind}: ${kb(b.median)} / ${kb(b.p95)}`), ''] : []),
	...(breakdown.length > 0 ? ["Phrase queries' first-query bytes by the words a quote can ask for, median / p95:", '', ...byRare, ''] : []),
	...(breakdown.length > 0
		? [
				`The heaviest phrase queries: every one above the 95th-percentile target (${kb(targets.p95Bytes)}; ${heavy} of ${phraseRows.length}), at least five:`,
				'',
				...[...phraseRows]
					.sort((a, b) => (b.outcome.bytes ?? 0) - (a.outcome.bytes ?? 0))
					.slice(0, Math.max(5, heavy))
					.map((row) => `- “${row.query.query}”: ${kb(row.outcome.bytes)} (${kindsOf(row.outcome.byKind)})`),
				'',
			]
		: []),
	...(quotes.length > 0 ? ['First-query bytes of chosen quotes (fresh context):', '', ...quotes.map((q) => `- “${q.quote}”: ${kb(q.bytes)} (${kindsOf(q.byKind)}), title link ${hash(q.title)}`), ''] : []),
	'Misses:',
	'',
	...rows.filter((row) => !row.verdict.place || (row.query.kind === 'phrase' && !row.verdict.titleLink)).map(missLine),
];
const missed = missedTargets(p, t, targets);
lines.push('', missed.length === 0 ? 'All targets met.' : `Targets missed: ${missed.join('; ')}.`);
const report = lines.join('\n');
console.log(report);
if (values.report) writeFileSync(values.report, `${report}\n`);
process.exitCode = missed.length === 0 ? 0 : 1;
