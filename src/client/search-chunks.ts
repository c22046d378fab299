/**
 * What a word costs to search for. Pagefind splits its index into chunks of
 * alphabetically neighbouring words and downloads, for every word it is
 * asked, each chunk that may hold it or a shorter form of it (`chunksFor`):
 * chunk ranges are short prefixes (`impli`–`impor`, then `impos`–`in`), so
 * `important` lies between two ranges and at 2,000 episodes loads
 * `hypersp`–`i`, `ifr`–`im` and `impli`–`impor`: 615 KB. A frequent
 * word's chunk lists every place it is said. The build writes each chunk's
 * range and size after Pagefind has run (`scripts/search-files.ts`), so a
 * quote can ask for the words that cost least (`search-quotes.ts`).
 */
import { stem } from 'porter2';

/** Where the build writes the chunk list, below the site's base path. */
export const INDEX_CHUNKS_PATH = 'search/index-chunks.json';

/**
 * The chunk list as written: Pagefind's ranges in its order, with the size of
 * each file as served. Only a guide to what words cost: a list that does not
 * match the index (a deploy half done) makes a quote ask for dearer words,
 * never find other pages, as Pagefind itself decides what to download.
 */
export interface IndexChunks {
	/** `[from, to, bytes]` per chunk, in Pagefind's order (alphabetical). */
	chunks: [from: string, to: string, bytes: number][];
	/** The median size of a transcript's data file (`pf_fragment`): what loading one more result costs. */
	pageBytes: number;
}

/**
 * A word as Pagefind looks it up: lower case, without punctuation (the
 * apostrophe of `that's` too: `thats`; Pagefind drops the Unicode punctuation
 * classes other than connectors, so `_` stays, and so do currency signs), and
 * without diacritics (`café`: `cafe`; the Japanese voicing marks stay).
 */
export function pagefindTerm(word: string): string {
	const bare = word.replace(/[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu, '').toLocaleLowerCase();
	const stripped = bare.normalize('NFD').replace(/(?![\u3099\u309A])\p{M}/gu, '');
	return /[\u3099\u309A]/.test(stripped) ? stripped.normalize('NFC') : stripped;
}

/**
 * The chunks (indices into `chunks`) Pagefind downloads for one word as it
 * looks it up (`pagefindTerm`), as its WebAssembly decides: the chunk whose
 * range holds the word, or when none does, every chunk whose range, cut to
 * the word's length, holds the word cut to the range's (any chunk that may
 * hold a word starting with it, or that it starts with); and the chunk whose
 * range holds the word's stem (Porter2, Pagefind's English stemmer: `things`
 * also loads the chunk of `thing`, `doing` that of `do`). Found by asking
 * Pagefind 1.6 in Chromium: on 250 random words of the 2,000-episode bench
 * site this predicts every chunk it loads and no other; a word it overrates
 * is `university`, whose stem's chunk Pagefind skips. Checked in
 * tests/e2e/search-files.spec.ts.
 */
export function chunksFor(term: string, chunks: IndexChunks['chunks']): number[] {
	const inside = (form: string) => chunks.findIndex(([from, to]) => form >= from && form <= to);
	const own = inside(term);
	const found = own === -1 ? prefixChunks(term, chunks) : [own];
	const stemmed = inside(stem(term));
	return [...new Set(stemmed === -1 ? found : [...found, stemmed])].sort((a, b) => a - b);
}

/** Every chunk whose range, cut to the term's length, holds the term cut to the range's length: where a word between two ranges may be. */
function prefixChunks(term: string, chunks: IndexChunks['chunks']): number[] {
	return chunks.flatMap(([from, to], index) => {
		const start = Math.min(term.length, from.length);
		const end = Math.min(term.length, to.length);
		return term.slice(0, start) >= from.slice(0, start) && term.slice(0, end) <= to.slice(0, end) ? [index] : [];
	});
}

/** Bytes of the chunks not yet in `loaded` that searching for `word` downloads; adds them to `loaded`. */
export function newChunkBytes(word: string, index: IndexChunks, loaded: Set<number>): number {
	let bytes = 0;
	for (const chunk of chunksFor(pagefindTerm(word), index.chunks)) {
		if (loaded.has(chunk)) continue;
		loaded.add(chunk);
		bytes += index.chunks[chunk]![2];
	}
	return bytes;
}
