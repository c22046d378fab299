/**
 * `npm run bench:corpus -- --episodes N --out FILE`: writes a synthetic dump of
 * N episodes made from the real seed (see `corpus-lib.ts`). Options: `--seed`
 * (default 1), `--source` (the real dump, default
 * content/sources/latent-space.txt), `--site` (for the hosts), `--verbatim`
 * (keep every seed turn's words as written: the corpus of the benchmarks
 * measured before 2026-11-30).
 *
 * Write generated dumps outside content/sources/ (e.g. /tmp, or the
 * git-ignored bench/ folder) unless you mean to build them.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readCommandLine } from '../lib/cli.ts';
import { loadSiteConfig } from '../site-config.ts';
import { readVocabulary } from '../lib/vocabulary-file.ts';
import { generateCorpus } from './corpus-lib.ts';

const values = readCommandLine({
	values: { episodes: undefined, out: undefined, seed: '1', source: 'content/sources/latent-space.txt', site: 'content/site.json' },
	flags: ['verbatim'],
});
const episodes = Number(values.episodes);
if (!Number.isInteger(episodes) || episodes < 1 || !values.out) {
	console.error('usage: npm run bench:corpus -- --episodes N --out FILE [--seed S] [--source DUMP] [--site site.json] [--verbatim]');
	process.exit(2);
}

const site = await loadSiteConfig(values.site);
const text = generateCorpus(await readFile(values.source, 'utf8'), site.hosts, { episodes, seed: Number(values.seed), words: readVocabulary().words, splice: !values.verbatim });
await mkdir(path.dirname(path.resolve(values.out)), { recursive: true });
await writeFile(values.out, text);
console.log(`bench:corpus: ${episodes} episodes, ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB → ${values.out}`);
