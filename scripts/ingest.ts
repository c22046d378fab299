/**
 * `npm run ingest`: reads every source in content/sources/ (text dumps `*.txt`,
 * RSS feed exports `*.xml`/`*.rss`), content/overrides.json and content/vocabulary.json, writes each
 * episode's entry files (`<slug>.json` data, `<slug>.mdx` prose) to content/episodes/, and reports what it added, updated,
 * removed and left unchanged, then every error and warning.
 *
 * All parsing is in src/ingest/ (pure); this file only does the file I/O.
 * Unchanged episodes are neither parsed nor rendered: the manifest left in
 * the entries folder remembers what each source episode gave.
 * Options: `--strict` fails (exit 1) on any error instead of skipping the
 * episode; `--sources DIR`, `--out DIR`, `--site FILE`, `--overrides FILE` and
 * `--vocabulary FILE` change the inputs and the output folder.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCommandLine } from './lib/cli.ts';
import { formatProblem } from '../src/ingest/problems.ts';
import { ingestSources } from '../src/ingest/sources.ts';
import { ManifestSchema, type Manifest } from '../src/schemas/manifest.ts';
import { NO_OVERRIDES, OverridesSchema, type Overrides } from '../src/schemas/overrides.ts';
import type { RedirectsFile } from '../src/schemas/redirects.ts';
import { REDIRECTS_FILE } from './build-paths.ts';
import { codeVersion } from './lib/code-version.ts';
import { readVocabulary, VOCABULARY_FILE } from './lib/vocabulary-file.ts';
import { topicsReport, writeTopics } from './topics.ts';
import { formatIssues, loadSiteConfig } from './site-config.ts';

/** The manifest of the last run, in the entries folder. */
const MANIFEST_FILE = '.ingest-manifest.json';
/** Source files the ingest reads. */
const SOURCE_FILE = /\.(?:txt|xml|rss)$/i;

const values = readCommandLine({
	values: { sources: 'content/sources', out: 'content/episodes', site: 'content/site.json', overrides: 'content/overrides.json', vocabulary: VOCABULARY_FILE },
	flags: ['strict'],
});

/** Reads overrides.json (absent means no corrections); a file that does not fit the schema stops the run. */
async function loadOverrides(file: string): Promise<Overrides> {
	if (!existsSync(file)) return NO_OVERRIDES;
	let raw: unknown;
	try {
		raw = JSON.parse(await readFile(file, 'utf8'));
	} catch (error) {
		throw new Error(`${file}: not readable as JSON: ${(error as Error).message}`);
	}
	const result = OverridesSchema.safeParse(raw);
	if (!result.success) throw new Error(`${file} is not a valid overrides file:\n${formatIssues(result.error)}`);
	return result.data;
}

/** The previous run's manifest; a missing or foreign one means everything is parsed. */
async function loadManifest(file: string): Promise<Manifest | undefined> {
	if (!existsSync(file)) return undefined;
	const result = ManifestSchema.safeParse(JSON.parse(await readFile(file, 'utf8').catch(() => 'null')));
	return result.success ? result.data : undefined;
}

const started = performance.now();
const site = await loadSiteConfig(values.site);
const overrides = await loadOverrides(values.overrides);
const files = (await readdir(values.sources)).filter((name) => SOURCE_FILE.test(name)).sort();
if (files.length === 0) throw new Error(`no sources (*.txt dumps, *.xml or *.rss feeds) in ${values.sources}`);
// Decoded in one piece: readFile(…, 'utf8') builds the text from many chunks, which every later scan of a big dump then pays to flatten.
const sources = await Promise.all(files.map(async (file) => ({ file, text: (await readFile(path.join(values.sources, file))).toString('utf8') })));

await mkdir(values.out, { recursive: true });
const manifestPath = path.join(values.out, MANIFEST_FILE);
/** Entry files are `<slug>.json` and `<slug>.mdx`; the ingest's own files start with a dot. */
const existing = new Set((await readdir(values.out)).filter((name) => /^[^.].*\.(?:json|mdx)$/.test(name)));
const { entries, problems, redirects, manifest, stats } = ingestSources(sources, {
	hosts: site.hosts,
	overrides,
	overridesFile: values.overrides,
	words: readVocabulary(values.vocabulary).words,
	previous: await loadManifest(manifestPath),
	existingFiles: existing,
	codeVersion: codeVersion(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')),
});

const counts = { added: 0, updated: 0, removed: 0, unchanged: 0 };
for (const entry of entries) {
	const names = [entry.files.data, entry.files.prose];
	const had = names.map((name) => existing.delete(name)).some(Boolean);
	if (entry.content === undefined) {
		counts.unchanged++;
		continue;
	}
	let changed = false;
	for (const [name, content] of [[entry.files.data, entry.content.data], [entry.files.prose, entry.content.prose]] as const) {
		const target = path.join(values.out, name);
		// Synchronous: thousands of small files, one after the other, with nothing else to do meanwhile.
		if (existsSync(target) && readFileSync(target, 'utf8') === content) continue;
		writeFileSync(target, content);
		changed = true;
	}
	counts[!changed ? 'unchanged' : had ? 'updated' : 'added']++;
}
for (const stale of existing) await rm(path.join(values.out, stale));
// An episode's two files count once.
counts.removed = new Set([...existing].map((name) => name.replace(/\.(?:json|mdx)$/, ''))).size;
const redirectsFile: RedirectsFile = {
	generated: 'Generated by `npm run ingest` from content/overrides.json: old episode slugs and where they moved. Do not edit.',
	redirects,
};
await writeIfChanged(path.join(values.out, REDIRECTS_FILE), `${JSON.stringify(redirectsFile, null, '\t')}\n`);
await writeIfChanged(manifestPath, `${JSON.stringify(manifest)}\n`);

/** Writes a file only when its content changes, so the build's file watchers and caches stay quiet. */
async function writeIfChanged(file: string, content: string): Promise<void> {
	const previous = existsSync(file) ? await readFile(file, 'utf8') : undefined;
	if (previous !== content) await writeFile(file, content);
}

const bytes = sources.reduce((sum, source) => sum + Buffer.byteLength(source.text), 0);
const seconds = (performance.now() - started) / 1000;
console.log(
	`ingest: ${entries.length} episodes from ${files.length} source${files.length === 1 ? '' : 's'} ` +
		`(${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s; ${stats.parsed} parsed, ${stats.reused} reused unchanged): ` +
		`${counts.added} added, ${counts.updated} updated, ${counts.removed} removed, ${counts.unchanged} unchanged` +
		(redirects.length > 0 ? `; ${redirects.length} redirect${redirects.length === 1 ? '' : 's'} from old slugs` : ''),
);
// Topics are computed over the entries as written, so they see every episode, parsed this run or reused.
const topics = writeTopics(values.out, values.overrides);
console.log(topicsReport(topics.result, topics.seconds));
const errors = problems.filter((problem) => problem.severity === 'error');
const warnings = problems.filter((problem) => problem.severity === 'warning');
const notes = problems.filter((problem) => problem.severity === 'note');
if (notes.length > 0) console.log(`\n${notes.length} note${notes.length === 1 ? '' : 's'}:\n${notes.map(formatProblem).join('\n')}`);
if (warnings.length > 0) console.warn(`\n${warnings.length} warning${warnings.length === 1 ? '' : 's'}:\n${warnings.map(formatProblem).join('\n')}`);
if (errors.length > 0) {
	console.error(`\n${errors.length} error${errors.length === 1 ? '' : 's'} (episodes skipped):\n${errors.map(formatProblem).join('\n')}`);
	if (values.strict) process.exit(1);
}
