/**
 * Reads the files of a built Pagefind index (`pagefind/*.pf_meta`,
 * `pagefind/index/*.pf_index`), to see what a query downloads and why: which
 * index chunks cover a word, and which words (with how many pages and word
 * positions) make a chunk heavy. Pagefind 1.x writes each file gzipped, as
 * the signature `pagefind_dcd` followed by one CBOR value; the layouts read
 * here are those of Pagefind 1.6 (checked by tests/unit/bench-pagefind-files.test.ts
 * against an index the installed Pagefind writes).
 */
import { gunzipSync } from 'node:zlib';

/** What every Pagefind 1.x data file starts with once decompressed. */
const SIGNATURE = 'pagefind_dcd';
/** One decoder for every text string: a chunk holds thousands of words. */
const UTF8 = new TextDecoder();

/** A decoded CBOR value (the subset Pagefind writes). */
export type CborValue = number | string | boolean | null | Uint8Array | CborValue[] | { [key: string]: CborValue };

/**
 * Decodes one CBOR value (RFC 8949): unsigned and negative integers, byte and
 * text strings, arrays and maps (definite or indefinite length), tags (their
 * content is returned), simple values and floats. Enough for Pagefind's files;
 * not a general decoder (no big integers beyond 2^53, no half floats).
 */
export function decodeCbor(bytes: Uint8Array): CborValue {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let at = 0;
	const length = (info: number): number => {
		if (info < 24) return info;
		const size = [1, 2, 4, 8][info - 24];
		if (size === undefined) {
			if (info === 31) return -1;
			throw new Error(`CBOR: unsupported length encoding ${info} at byte ${at}`);
		}
		const value = size === 1 ? view.getUint8(at) : size === 2 ? view.getUint16(at) : size === 4 ? view.getUint32(at) : Number(view.getBigUint64(at));
		at += size;
		return value;
	};
	const item = (): CborValue => {
		if (at >= bytes.length) throw new Error('CBOR: unexpected end of data');
		const initial = bytes[at++]!;
		const major = initial >> 5;
		const info = initial & 31;
		switch (major) {
			case 0:
				return length(info);
			case 1:
				return -1 - length(info);
			case 2:
			case 3: {
				const n = length(info);
				if (n < 0) throw new Error('CBOR: indefinite-length strings are not supported');
				const slice = bytes.subarray(at, at + n);
				at += n;
				return major === 3 ? UTF8.decode(slice) : slice;
			}
			case 4: {
				const n = length(info);
				const items: CborValue[] = [];
				if (n < 0) {
					while (bytes[at] !== 0xff) items.push(item());
					at++;
				} else for (let i = 0; i < n; i++) items.push(item());
				return items;
			}
			case 5: {
				const n = length(info);
				const map: { [key: string]: CborValue } = {};
				for (let i = 0; n < 0 ? bytes[at] !== 0xff : i < n; i++) map[String(item())] = item();
				if (n < 0) at++;
				return map;
			}
			case 6:
				length(info);
				return item();
			default: {
				if (info === 20 || info === 21) return info === 21;
				if (info === 22 || info === 23) return null;
				if (info === 26 || info === 27) {
					const value = info === 26 ? view.getFloat32(at) : view.getFloat64(at);
					at += info === 26 ? 4 : 8;
					return value;
				}
				throw new Error(`CBOR: unsupported simple value ${info}`);
			}
		}
	};
	return item();
}

/** Decompresses and decodes one Pagefind data file. */
export function decodePagefindFile(file: Uint8Array): CborValue {
	const raw = gunzipSync(file);
	const start = raw.subarray(0, SIGNATURE.length).toString('latin1') === SIGNATURE ? SIGNATURE.length : 0;
	return decodeCbor(raw.subarray(start));
}

/** An index chunk as `pf_meta` lists it: the first and last word it holds and its file's name (`index/<hash>.pf_index`). */
export interface IndexChunk {
	from: string;
	to: string;
	hash: string;
}

/** A word of an index chunk: on how many pages it occurs and how many positions the chunk stores for it. */
export interface ChunkWord {
	word: string;
	pages: number;
	positions: number;
}

const isArray = (value: CborValue | undefined): value is CborValue[] => Array.isArray(value);

/**
 * The index chunks listed in a decoded `pf_meta`: Pagefind 1.6 writes
 * `[version, pages, chunks, filters, sorts]`, each chunk `[from, to, hash]`.
 */
export function metaChunks(meta: CborValue): IndexChunk[] {
	const chunks = isArray(meta) ? meta[2] : undefined;
	if (!isArray(chunks)) throw new Error('pf_meta: no chunk list where Pagefind 1.6 puts it');
	return chunks.map((chunk) => {
		if (!isArray(chunk) || chunk.length < 3) throw new Error('pf_meta: a chunk is not [from, to, hash]');
		return { from: String(chunk[0]), to: String(chunk[1]), hash: String(chunk[2]) };
	});
}

/** How many pages a decoded `pf_meta` lists (each `[hash, word count]`). */
export function metaPageCount(meta: CborValue): number {
	const pages = isArray(meta) ? meta[1] : undefined;
	if (!isArray(pages)) throw new Error('pf_meta: no page list where Pagefind 1.6 puts it');
	return pages.length;
}

/**
 * The words of a decoded `pf_index` chunk, heaviest first: Pagefind 1.6
 * writes `[words, …]`, each word `[word, [[page, positions, meta positions], …]]`
 * (a negative number among the positions marks a weight change, not a word).
 */
export function chunkWords(chunk: CborValue): ChunkWord[] {
	const words = isArray(chunk) ? chunk[0] : undefined;
	if (!isArray(words)) throw new Error('pf_index: no word list where Pagefind 1.6 puts it');
	return words
		.map((entry) => {
			if (!isArray(entry) || typeof entry[0] !== 'string' || !isArray(entry[1])) throw new Error('pf_index: a word is not [word, pages]');
			let positions = 0;
			for (const page of entry[1]) {
				const locations = isArray(page) ? page[1] : undefined;
				if (isArray(locations)) positions += locations.filter((n) => typeof n === 'number' && n >= 0).length;
			}
			return { word: entry[0], pages: entry[1].length, positions };
		})
		.sort((a, b) => b.positions - a.positions || a.word.localeCompare(b.word));
}

/** The chunk an exact look-up of `word` loads (Pagefind's look-up of every query word but the last): the one whose range holds it. */
export function chunksForWord(chunks: readonly IndexChunk[], word: string): IndexChunk[] {
	return chunks.filter((chunk) => chunk.from <= word && word <= chunk.to);
}

/**
 * The chunks a search for `term` loads: Pagefind looks a term up as a prefix
 * (the last word of a query always), so every chunk whose word range meets
 * the words starting with it. Terms are compared as Pagefind stores them
 * (lowercased and stemmed: `source` is stored as `sourc`).
 */
export function chunksForPrefix(chunks: readonly IndexChunk[], term: string): IndexChunk[] {
	return chunks.filter((chunk) => chunk.to >= term && (chunk.from <= term || chunk.from.startsWith(term)));
}
