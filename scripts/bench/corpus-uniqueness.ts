/**
 * `npm run bench:uniqueness -- --entries DIR`: of N seeded runs of 6 words
 * from the transcripts of an ingested archive (the entries `npm run ingest`
 * wrote, e.g. of a generated bench dump), how many occur exactly once in the
 * whole archive (see `run-uniqueness.ts`). Options: `--runs` (500),
 * `--length` (6), `--seed` (1).
 */
import { readCommandLine } from '../lib/cli.ts';
import { readArchive } from '../lib/search-eval.ts';
import { runUniqueness } from './run-uniqueness.ts';

const values = readCommandLine({ values: { entries: 'content/episodes', runs: '500', length: '6', seed: '1' } });
const archive = readArchive(values.entries);
const result = runUniqueness(
	archive.turns.map((turn) => turn.words),
	archive.other,
	{ runs: Number(values.runs), length: Number(values.length), seed: Number(values.seed) },
);
const pct = ((100 * result.unique) / Math.max(1, result.runs)).toFixed(1);
console.log(`${archive.turns.length} turns: ${result.unique} of ${result.runs} runs of ${values.length} words occur once in the archive (${pct} %)`);
