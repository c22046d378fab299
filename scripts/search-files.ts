/**
 * The build's last step, after Pagefind (`npm run build`): the files the
 * quote search reads that only Pagefind's index can tell.
 * - `search/index-chunks.json`: each index chunk's word range and size
 *   (src/client/search-chunks.ts), so a quote asks for the words that cost
 *   least to download;
 * - `search/pairs/`: where each pair of common words stands side by side
 *   (src/client/search-pairs.ts), so a quote of common words need not
 *   download their chunks;
 * - `search/layouts/`: which common word stands at each position of each
 *   page (src/client/search-layouts.ts), so a quote whose rarer words stand
 *   alike in many pages can tell them apart without a common word's chunk.
 * Options: --site DIR (dist).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { INDEX_CHUNKS_PATH } from '../src/client/search-chunks.ts';
import { WORD_LAYOUTS_DIR } from '../src/client/search-layouts.ts';
import { WORD_PAIRS_DIR } from '../src/client/search-pairs.ts';
import { COMMON_WORDS_PATH } from '../src/client/search-quotes.ts';
import { readCommandLine } from './lib/cli.ts';
import { readIndexChunks, readPagefindMeta } from './lib/pagefind-index.ts';
import { layoutFiles } from './lib/word-layouts.ts';
import { readCommonWords, readWordPairs } from './lib/word-pairs.ts';

const { site } = readCommandLine({ values: { site: 'dist' } });
const pagefindDir = path.join(site, 'pagefind');
const started = performance.now();
const meta = readPagefindMeta(pagefindDir);

/** Writes `files` into `dir` below the site, emptied first (so no file of an older build is left); their total bytes. */
function writeFiles(dir: string, files: readonly { name: string; content: string | Uint8Array }[]): number {
	const full = path.join(site, dir);
	rmSync(full, { recursive: true, force: true });
	mkdirSync(full, { recursive: true });
	for (const { name, content } of files) writeFileSync(path.join(full, name), content);
	return files.reduce((sum, { content }) => sum + Buffer.byteLength(content), 0);
}

const index = readIndexChunks(pagefindDir, meta);
const chunksFile = path.join(site, INDEX_CHUNKS_PATH);
mkdirSync(path.dirname(chunksFile), { recursive: true });
writeFileSync(chunksFile, JSON.stringify(index));
const total = index.chunks.reduce((sum, [, , bytes]) => sum + bytes, 0);
console.log(`${chunksFile}: ${index.chunks.length} index chunks, ${(total / 1e6).toFixed(1)} MB; a transcript's data ${(index.pageBytes / 1e3).toFixed(0)} KB at the median`);

const common = JSON.parse(readFileSync(path.join(site, COMMON_WORDS_PATH), 'utf8')) as string[];
const indexed = readCommonWords(pagefindDir, meta, common);
const pairs = readWordPairs(meta, indexed);
const layouts = layoutFiles(indexed.positions, pairs.index.stems, meta[1].map(([hash]) => hash));
const { index: pairsIndex } = pairs;
const pairBytes = writeFiles(WORD_PAIRS_DIR, [
	...pairs.files.map(({ name, shard }) => ({ name, content: JSON.stringify(shard) })),
	{ name: 'index.json', content: JSON.stringify({ ...pairsIndex, layouts: layouts.info }) },
]);
console.log(
	`${path.join(site, WORD_PAIRS_DIR)}: ${pairsIndex.shards} shared shards of word pairs (${(pairsIndex.shardBytes / 1e3).toFixed(1)} KB gzipped at the median) and ${pairsIndex.own.length} pairs in files of their own, over ${pairsIndex.stems.length} common stems; ${pairsIndex.frequent.length} pairs too frequent to list; ${(pairBytes / 1e6).toFixed(1)} MB`,
);

const layoutBytes = writeFiles(
	WORD_LAYOUTS_DIR,
	layouts.files.map(({ name, bytes }) => ({ name, content: bytes })),
);
console.log(
	`${path.join(site, WORD_LAYOUTS_DIR)}: ${layouts.files.length} layout files of ${layouts.info.positions} positions (${(layouts.info.bytes / 1e3).toFixed(1)} KB at the median), ${(layoutBytes / 1e6).toFixed(1)} MB; ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
