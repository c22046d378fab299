/**
 * `npm run bench`: builds synthetic archives of 20, 200 and 2,000 episodes
 * with the current pipeline (exactly `npm run build`: the project's ingest,
 * astro.config.mjs, Pagefind) and records what each step costs, what the
 * site weighs and what a first search downloads. Results go to
 * docs/benchmarks.json (raw, merged with earlier runs by size) and to the
 * generated part of docs/benchmarks.md, with docs/benchmarks.svg. The
 * comparisons of other content pipelines and the incremental-build prototype
 * that chose today's pipeline are finished: their results stay in
 * docs/benchmarks.json and are still rendered; the code that ran them is in
 * the history (see docs/benchmarks.md).
 *
 * Options:
 *   --sizes 20,200,2000     archive sizes (default); `none` to measure no size
 *   --runs 3                cold builds per size up to 1,000 episodes (median reported)
 *   --big-runs 1            cold builds per size above 1,000 episodes
 *   --no-search             skip the browser measurement
 *   --quick                 = --sizes 20,200 --runs 1
 *   --work .bench           work folder (git-ignored; must be inside the repository, so packages resolve)
 *   --docs docs             where benchmarks.{md,json,svg} go (another folder for a trial run)
 *   --report-only           only re-render docs/benchmarks.md and the SVG from docs/benchmarks.json
 *   --smoke                 20 episodes, one build, into .bench/smoke/; fails unless every step measured something
 *
 * The work copy lives in .bench/site; the developer's content/ and dist/ are never touched.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readCommandLine } from '../lib/cli.ts';
import { median } from '../../src/shared/stats.ts';
import { loadSiteConfig } from '../site-config.ts';
import { readVocabulary, VOCABULARY_FILE } from '../lib/vocabulary-file.ts';
import { editOneEpisode, generateCorpus } from './corpus-lib.ts';
import { astroPhases, ingestInner, medianCost, timeCommand, type PhaseTimes, type StepCost } from './measure.ts';
import { CURRENT, renderReport, type BenchResults, type SizeResult, type StepSummary } from './report.ts';
import { probeSearch, type SearchCost } from './search-probe.ts';
import { siteStats, type SiteStats } from './site-stats.ts';
import { smokeProblems } from './smoke.ts';
import { lineChart } from './svg.ts';
import { clean, prepareWorkCopy } from './workspace.ts';

const values = readCommandLine({
	values: { sizes: '20,200,2000', runs: '3', 'big-runs': '1', work: '.bench', docs: 'docs', seed: '1' },
	flags: ['no-search', 'quick', 'report-only', 'smoke'],
});
if (values.smoke) {
	// `npm run bench:smoke`: one cold build and one rebuild of 20 episodes in a folder of its own, then checks that
	// every step measured something (scripts/bench/smoke.ts). About half a minute; docs/ is not touched.
	Object.assign(values, { sizes: '20', runs: '1', work: '.bench/smoke', docs: '.bench/smoke/docs' });
}
const quick = values.quick;
const sizes = values.sizes === 'none' ? [] : (quick ? '20,200' : values.sizes).split(',').map(Number);
const runsFor = (n: number) => (n > 1000 ? Number(values['big-runs']) : quick ? 1 : Number(values.runs));

const [major, minor] = process.versions.node.split('.').map(Number);
if (major! < 22 || (major === 22 && minor! < 12)) {
	console.error(`npm run bench needs Node >= 22.12 (Astro 7); this is ${process.version}. Run it as \`npm run bench\`, which uses the project's node@22.`);
	process.exit(2);
}

const repo = process.cwd();
const workRoot = path.resolve(values.work);
// The work copy resolves its packages from the repository's node_modules, so it must lie inside the repository.
if (path.relative(repo, workRoot).startsWith('..') || path.isAbsolute(path.relative(repo, workRoot))) {
	throw new Error(`--work ${values.work}: the work folder must be inside the repository (packages resolve from its node_modules)`);
}
const work = path.join(workRoot, 'site');
const docs = path.resolve(values.docs);
const site = await loadSiteConfig(path.join(repo, 'content', 'site.json'));
const seedDump = await readFile(path.join(repo, 'content', 'sources', 'latent-space.txt'), 'utf8');
const env = { NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1' };
const QUERIES = ['brain credit marketplace', 'open source', 'model'];
const started = Date.now();

const log = (message: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(5)} s] ${message}`);

/** The steps of `npm run build`, each timed, in the work copy (the chunk list with Pagefind's). */
async function build(): Promise<{ ingest: StepCost; astro: StepCost; pagefind: StepCost }> {
	const ingest = await timeCommand('tsx', ['scripts/ingest.ts'], { cwd: work, env });
	const astro = await timeCommand('astro', ['build'], { cwd: work, env });
	const index = await timeCommand('pagefind', ['--site', 'dist'], { cwd: work, env });
	// The chunk list the search reads after Pagefind (`npm run build`'s last command), timed as part of the Pagefind step.
	const chunks = await timeCommand('tsx', ['scripts/search-files.ts'], { cwd: work, env });
	const pagefind = { wall: index.wall + chunks.wall, cpu: index.cpu + chunks.cpu, peakMb: Math.max(index.peakMb, chunks.peakMb), output: `${index.output}\n${chunks.output}` };
	return { ingest, astro, pagefind };
}

/** One cold build: clean, then ingest, Astro, Pagefind. */
async function coldBuild(): Promise<Awaited<ReturnType<typeof build>>> {
	await clean(work);
	return build();
}

/** A step's median cost without the captured output. */
function summary(runs: StepCost[], extra: Partial<StepSummary> = {}): StepSummary {
	const { wall, cpu, peakMb, walls } = medianCost(runs);
	return { wall, cpu, peakMb, walls, ...extra };
}

/** Writes the dump for `n` episodes into the work copy's sources. */
async function writeCorpus(n: number): Promise<{ file: string; text: string }> {
	const text = generateCorpus(seedDump, site.hosts, { episodes: n, seed: Number(values.seed), words: readVocabulary(path.join(repo, VOCABULARY_FILE)).words });
	const file = path.join(work, 'content', 'sources', `bench-${n}.txt`);
	await writeFile(file, text);
	return { file, text };
}

/** Measures one archive size with the current pipeline. */
async function measureSize(n: number): Promise<SizeResult> {
	await prepareWorkCopy(repo, work);
	const corpus = await writeCorpus(n);
	const runs = runsFor(n);
	const cold: Awaited<ReturnType<typeof coldBuild>>[] = [];
	const incremental: Awaited<ReturnType<typeof coldBuild>>[] = [];
	let stats: SiteStats | undefined;
	let search: SearchCost[] = [];
	for (let r = 0; r < runs; r++) {
		log(`N=${n}: cold build ${r + 1}/${runs}`);
		cold.push(await coldBuild());
		if (r === runs - 1) {
			stats = await siteStats(path.join(work, 'dist'));
			if (!values['no-search']) search = await probeSearch(path.join(work, 'dist'), QUERIES);
		}
		// A warm rebuild after one episode's source changed, on the caches the cold build left (the
		// ingest's manifest included, so it parses only that episode, as `npm run build` would).
		log(`N=${n}: incremental rebuild ${r + 1}/${runs}`);
		await writeFile(corpus.file, editOneEpisode(corpus.text, Math.floor(n / 2)));
		incremental.push(await build());
		await writeFile(corpus.file, corpus.text);
	}

	const total = (set: typeof cold) => set.map((b) => b.ingest.wall + b.astro.wall + b.pagefind.wall);
	const bytes = Buffer.byteLength(corpus.text);
	return {
		episodes: n,
		date: new Date().toISOString(),
		dumpBytes: bytes,
		runs,
		ingest: summary(cold.map((b) => b.ingest), { inner: median(cold.map((b) => ingestInner(b.ingest.output))) }),
		astro: summary(cold.map((b) => b.astro), { phases: medianPhases(cold.map((b) => astroPhases(b.astro.output))) }),
		pagefind: summary(cold.map((b) => b.pagefind)),
		totalWall: median(total(cold))!,
		incremental: {
			ingest: summary(incremental.map((b) => b.ingest)),
			astro: summary(incremental.map((b) => b.astro), { phases: medianPhases(incremental.map((b) => astroPhases(b.astro.output))) }),
			pagefind: summary(incremental.map((b) => b.pagefind)),
			totalWall: median(total(incremental))!,
		},
		site: stats!,
		search,
	};
}

function medianPhases(phases: PhaseTimes[]): PhaseTimes {
	return {
		sync: median(phases.map((p) => p.sync)),
		bundle: median(phases.map((p) => p.bundle)),
		render: median(phases.map((p) => p.render)),
	};
}

// Results are merged with earlier runs, so a quick run of small sizes keeps the 2,000-episode figures.
await mkdir(docs, { recursive: true });
const resultsFile = path.join(docs, 'benchmarks.json');
const previous: BenchResults | undefined = await readFile(resultsFile, 'utf8').then(JSON.parse, () => undefined);
const results: BenchResults = {
	machine: {
		cpus: os.cpus().length,
		cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
		memoryGb: Math.round(os.totalmem() / 2 ** 30),
		node: process.version,
		os: `${os.type()} ${os.release()}`,
		note: 'shared with other engineers building and testing at the same time: timings are noisy; medians of repeated runs',
	},
	sizes: previous?.sizes ?? [],
	compare: previous?.compare ?? [],
	incremental: previous?.incremental ?? [],
};

for (const n of values['report-only'] ? [] : sizes) {
	const result = await measureSize(n);
	results.sizes = [...results.sizes.filter((s) => s.episodes !== n), result].sort((a, b) => a.episodes - b.episodes);
	await writeFile(resultsFile, `${JSON.stringify(results, null, '\t')}\n`);
}
// The chart: median wall time per step against N, with a line of slope one through the 200-episode total.
const steps = [
	{ label: 'ingest', color: '#1f77b4', value: (s: SizeResult) => s.ingest.wall },
	{ label: 'Astro build', color: '#d62728', value: (s: SizeResult) => s.astro.wall },
	{ label: 'Pagefind', color: '#2ca02c', value: (s: SizeResult) => s.pagefind.wall },
	{ label: 'full build', color: '#333333', value: (s: SizeResult) => s.totalWall },
];
const anchor = results.sizes.find((s) => s.episodes === 200) ?? results.sizes[0]!;
await writeFile(
	path.join(docs, 'benchmarks.svg'),
	lineChart('Build time per step, current pipeline (cold, median wall s)', 'episodes (log scale)', 'seconds (log scale)', [
		...steps.map((step) => ({ label: step.label, color: step.color, points: results.sizes.map((s) => ({ x: s.episodes, y: step.value(s) })) })),
		{
			label: 'full build, frontmatter layout',
			color: '#9467bd',
			points: results.compare
				.filter((c) => c.baseline === CURRENT && c.scenario === 'frontmatter+unified')
				.sort((a, b) => a.episodes - b.episodes)
				.map((c) => ({ x: c.episodes, y: c.totalWall })),
		},
		{
			label: 'linear from N=200',
			color: '#999999',
			dashed: true,
			points: results.sizes.map((s) => ({ x: s.episodes, y: (anchor.totalWall / anchor.episodes) * s.episodes })),
		},
	]),
);
const mdFile = path.join(docs, 'benchmarks.md');
const existing = await readFile(mdFile, 'utf8').catch(() => '');
await writeFile(mdFile, renderReport(existing, results));
const written = ['benchmarks.md', 'benchmarks.json', 'benchmarks.svg'].map((name) => path.relative(repo, path.join(docs, name))).join(', ');
log(`done in ${((Date.now() - started) / 60000).toFixed(1)} min: ${written}`);
if (values.smoke) {
	const problems = results.sizes.flatMap((result) => smokeProblems(result).map((problem) => `N=${result.episodes}: ${problem}`));
	if (problems.length > 0) {
		console.error(`bench smoke run: the bench no longer measures the site:\n${problems.join('\n')}`);
		process.exit(1);
	}
	log(`smoke run: every step measured (${results.sizes.map((s) => `N=${s.episodes}: full build ${s.totalWall.toFixed(1)} s, first search ≤ ${Math.max(...s.search.map((q) => q.bytes / 1000)).toFixed(0)} KB`).join('; ')})`);
}
