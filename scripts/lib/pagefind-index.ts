/**
 * Pagefind's index as the browser sees it, read back after Pagefind has
 * written it: the chunk ranges of its metadata file (`pf_meta`, gzipped CBOR
 * behind a signature, as Pagefind's WebAssembly decodes it) and the size of
 * every file it serves.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cborg';
import type { IndexChunks } from '../../src/client/search-chunks.ts';
import { median } from '../../src/shared/stats.ts';

/** What Pagefind writes before the CBOR of a decompressed file. */
const SIGNATURE = 'pagefind_dcd';

/** The entry file's languages: each names its metadata file (`pagefind.<hash>.pf_meta`). */
interface PagefindEntry {
	languages: Record<string, { hash: string }>;
}

/** The metadata file's fields the chunk list needs: `[version, pages, chunks, …]`, pages as `[hash, word count]`, chunks as `[from, to, hash]`. */
export type PagefindMeta = [version: string, pages: [hash: string, words: number][], chunks: [from: string, to: string, hash: string][], ...rest: unknown[]];

/** Decodes one of Pagefind's files: gunzip, then CBOR behind the signature. */
export function decodePagefindFile(bytes: Uint8Array): unknown {
	const plain = gunzipSync(bytes);
	if (plain.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) throw new Error('not a Pagefind file (no signature after gunzip)');
	return decode(plain.subarray(SIGNATURE.length));
}

/**
 * Pages at least this long are transcripts (an episode page without one has a
 * few hundred words): the pages a quote's words stand in, whose data the
 * search loads to find the phrase in their text.
 */
const LONG_PAGE_WORDS = 1000;

/** The metadata of the Pagefind index in `pagefindDir` (one language: the archive's). */
export function readPagefindMeta(pagefindDir: string): PagefindMeta {
	const entry = JSON.parse(readFileSync(path.join(pagefindDir, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
	const languages = Object.values(entry.languages);
	if (languages.length !== 1) throw new Error(`expected one language in the Pagefind index, found ${languages.length}`);
	return decodePagefindFile(readFileSync(path.join(pagefindDir, `pagefind.${languages[0]!.hash}.pf_meta`))) as PagefindMeta;
}

/**
 * The chunk list of the Pagefind index in `pagefindDir` (its metadata
 * `meta`, read unless given): each chunk's range and file size, and the
 * median size of a transcript's data file.
 */
export function readIndexChunks(pagefindDir: string, meta: PagefindMeta = readPagefindMeta(pagefindDir)): IndexChunks {
	const size = (file: string) => statSync(path.join(pagefindDir, file)).size;
	const transcripts = meta[1].filter(([, words]) => words >= LONG_PAGE_WORDS);
	const fragments = transcripts.map(([hash]) => size(path.join('fragment', `${hash}.pf_fragment`)));
	return {
		chunks: meta[2].map(([from, to, hash]) => [from, to, size(path.join('index', `${hash}.pf_index`))]),
		// An archive without transcripts has no page data worth weighing against a word.
		pageBytes: Math.round(median(fragments) ?? 0),
	};
}
