import { describe, expect, it } from 'vitest';
import { chunksFor, newChunkBytes, pagefindTerm, type IndexChunks } from '../../src/client/search-chunks.ts';

/**
 * Chunks 243–250, 459–465 and 497–500 of the 2,000-episode bench site's index
 * (`.bench/site/dist/search/index-chunks.json`), and which of them Chromium
 * downloaded for each word when Pagefind 1.6 searched it there.
 */
const BENCH: IndexChunks['chunks'] = [
	['hypersp', 'i', 480139],
	['ia', 'idea', 39347],
	['ideal', 'if', 136418],
	['ifr', 'im', 99371],
	['ima', 'imager', 27980],
	['images', 'imple', 32541],
	['impli', 'impor', 34996],
	['impos', 'in', 331030],
	['smoo', 'so', 296402],
	['soa', 'softwar', 37163],
	['software', 'some', 121282],
	['someb', 'someth', 102071],
	['someti', 'song', 35907],
	['soni', 'sor', 104899],
	['sot', 'sourc', 79955],
	['textb', 'than', 49113],
	['thank', 'that', 619745],
	['thatd', 'the', 678775],
	['thea', 'thei', 53486],
];
const name = (indices: number[]) => indices.map((index) => BENCH[index]!.slice(0, 2).join('–'));

describe('the index chunks Pagefind downloads for a word', () => {
	it('is the one chunk whose range holds the word', () => {
		expect(name(chunksFor('the', BENCH))).toEqual(['thatd–the']);
		expect(name(chunksFor('imager', BENCH))).toEqual(['ima–imager']);
	});

	it('is every chunk whose range matches the word’s first letters when the word falls between two ranges', () => {
		// Observed: important loaded hypersp–i, ifr–im and impli–impor (615 KB); impor, a chunk's end, only impli–impor.
		expect(name(chunksFor('important', BENCH))).toEqual(['hypersp–i', 'ifr–im', 'impli–impor']);
		expect(name(chunksFor('impor', BENCH))).toEqual(['impli–impor']);
		expect(name(chunksFor('sort', BENCH))).toEqual(['smoo–so', 'soni–sor']);
	});

	it('adds the chunk that holds the word’s stem', () => {
		// Observed: that's loaded thank–that (its stem, that) and thatd–the (thats); the, only thatd–the.
		expect(name(chunksFor('thats', BENCH))).toEqual(['thank–that', 'thatd–the']);
		expect(name(chunksFor('the', BENCH))).toEqual(['thatd–the']);
	});

	it('overrates a word whose stem’s chunk Pagefind skips, never underrates it', () => {
		// Chunks 535–536 of the bench site. Observed: University loaded universi–unt only, though its stem, univers,
		// lies in understo–universa; universe (between two ranges) loaded understo–universa.
		const chunks: IndexChunks['chunks'] = [
			['understo', 'universa', 31764],
			['universi', 'unt', 33733],
		];
		expect(chunksFor('university', chunks)).toEqual([0, 1]);
		expect(chunksFor('universe', chunks)).toEqual([0]);
	});

	it('looks a word up as Pagefind does: lower case, punctuation dropped', () => {
		expect(pagefindTerm('That’s')).toBe('thats');
		expect(pagefindTerm("they're,")).toBe('theyre');
		expect(pagefindTerm('$350')).toBe('$350');
		expect(pagefindTerm('is_')).toBe('is_');
		expect(pagefindTerm('Café')).toBe('cafe');
	});

	it('adds only the bytes of chunks not yet loaded', () => {
		const index = { chunks: BENCH, pageBytes: 23000 };
		const loaded = new Set<number>();
		expect(newChunkBytes('impor', index, loaded)).toBe(34996);
		expect(newChunkBytes('important', index, loaded)).toBe(480139 + 99371);
		expect(newChunkBytes('importance', index, loaded)).toBe(0);
	});
});
