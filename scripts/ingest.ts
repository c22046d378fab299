/**
 * `npm run ingest`: reads every dump in content/sources/, writes one MDX entry
 * per episode to content/episodes/, and reports what it added, updated,
 * removed and left unchanged, then every error and warning.
 *
 * All parsing is in src/ingest/ (pure); this file only does the file I/O.
 * Options: `--strict` fails (exit 1) on any error instead of skipping the
 * episode; `--sources DIR` and `--out DIR` change the folders.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { renderEpisodeMdx } from '../src/ingest/mdx.ts';
import { formatProblem } from '../src/ingest/problems.ts';
import { ingestSources } from '../src/ingest/sources.ts';
import { loadSiteConfig } from './site-config.ts';

const { values } = parseArgs({
	options: {
		strict: { type: 'boolean', default: false },
		sources: { type: 'string', default: 'content/sources' },
		out: { type: 'string', default: 'content/episodes' },
		site: { type: 'string', default: 'content/site.json' },
	},
});

const started = performance.now();
const site = await loadSiteConfig(values.site);
const files = (await readdir(values.sources)).filter((name) => name.endsWith('.txt')).sort();
if (files.length === 0) throw new Error(`no dump files (*.txt) in ${values.sources}`);
const sources = await Promise.all(files.map(async (file) => ({ file, text: await readFile(path.join(values.sources, file), 'utf8') })));
const { episodes, problems } = ingestSources(sources, site.hosts);

await mkdir(values.out, { recursive: true });
const existing = new Set((await readdir(values.out)).filter((name) => name.endsWith('.mdx')));
const counts = { added: 0, updated: 0, removed: 0, unchanged: 0 };
for (const episode of episodes) {
	const name = `${episode.slug}.mdx`;
	const target = path.join(values.out, name);
	const content = renderEpisodeMdx(episode);
	const previous = existing.has(name) ? await readFile(target, 'utf8') : undefined;
	existing.delete(name);
	if (previous === content) {
		counts.unchanged++;
		continue;
	}
	await writeFile(target, content);
	counts[previous === undefined ? 'added' : 'updated']++;
}
for (const stale of existing) {
	await rm(path.join(values.out, stale));
	counts.removed++;
}

const bytes = sources.reduce((sum, source) => sum + Buffer.byteLength(source.text), 0);
const seconds = (performance.now() - started) / 1000;
console.log(
	`ingest: ${episodes.length} episodes from ${files.length} source${files.length === 1 ? '' : 's'} ` +
		`(${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s): ` +
		`${counts.added} added, ${counts.updated} updated, ${counts.removed} removed, ${counts.unchanged} unchanged`,
);
const errors = problems.filter((problem) => problem.severity === 'error');
const warnings = problems.filter((problem) => problem.severity === 'warning');
if (warnings.length > 0) console.warn(`\n${warnings.length} warning${warnings.length === 1 ? '' : 's'}:\n${warnings.map(formatProblem).join('\n')}`);
if (errors.length > 0) {
	console.error(`\n${errors.length} error${errors.length === 1 ? '' : 's'} (episodes skipped):\n${errors.map(formatProblem).join('\n')}`);
	if (values.strict) process.exit(1);
}
