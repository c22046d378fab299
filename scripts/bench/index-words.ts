/**
 * Why a query's first search is heavy: which Pagefind index chunks its words
 * load, how big each file is, and which words fill it.
 *
 *   npx tsx scripts/bench/index-words.ts --dist .bench/site/dist open 'sourc*'
 *
 * Words are given as Pagefind stores them (lowercased, stemmed: `sourc` for
 * “source”); `word*` is a prefix look-up, as Pagefind does for the last word
 * of a query, a bare word an exact one. `--top N` words per chunk (default 5).
 * docs/benchmarks.md quotes its output for the 2,000-episode site.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chunksForPrefix, chunksForWord, chunkWords, decodePagefindFile, metaChunks, metaPageCount } from './pagefind-files.ts';

const { values, positionals } = parseArgs({ options: { dist: { type: 'string' }, top: { type: 'string', default: '5' } }, allowPositionals: true });
if (!values.dist || positionals.length === 0) {
	console.error('usage: npx tsx scripts/bench/index-words.ts --dist DIR [--top N] word [prefix*] …');
	process.exit(2);
}
const folder = path.join(values.dist, 'pagefind');
const metaName = (await readdir(folder)).find((name) => name.endsWith('.pf_meta'));
if (!metaName) throw new Error(`no .pf_meta in ${folder}: is it a site built with Pagefind?`);
const metaFile = path.join(folder, metaName);
const meta = decodePagefindFile(await readFile(metaFile));
const chunks = metaChunks(meta);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`${metaName}: ${kb((await stat(metaFile)).size)}, ${metaPageCount(meta)} pages, ${chunks.length} index chunks`);

const seen = new Set<string>();
let total = 0;
for (const term of positionals) {
	const prefix = term.endsWith('*');
	const word = term.replace(/\*$/, '');
	const hits = prefix ? chunksForPrefix(chunks, word) : chunksForWord(chunks, word);
	for (const chunk of hits) {
		const file = path.join(folder, 'index', `${chunk.hash}.pf_index`);
		const bytes = await readFile(file);
		const words = chunkWords(decodePagefindFile(bytes));
		const again = seen.has(chunk.hash);
		if (!again) total += bytes.length;
		seen.add(chunk.hash);
		const top = words.slice(0, Number(values.top)).map((w) => `${w.word} (${w.pages} pages, ${w.positions} positions)`);
		console.log(`${term}: ${path.basename(file)} ${kb(bytes.length)}${again ? ' (already counted)' : ''}, ${words.length} words “${chunk.from}”…“${chunk.to}”; heaviest: ${top.join(', ')}`);
	}
}
console.log(`index chunks for these words: ${seen.size} files, ${kb(total)}`);
