import { describe, expect, it } from 'vitest';
import { byLayouts, expectedLayout, holdsLayout, layoutFile, layoutFilesFor, type PageLayout } from '../../src/client/search-layouts.ts';

/** Common stems as the pairs' index lists them (sorted): `and` is 1, `it` 2, `say` 3, `to` 4. */
const STEMS = ['and', 'it', 'say', 'to'];

/** A layout of one file of 16 positions with the given stems' numbers at the given positions. */
const layout = (said: Record<number, number>, positions = 16): PageLayout => {
	const file = new Uint8Array(positions);
	for (const [at, id] of Object.entries(said)) file[Number(at)] = id;
	return new Map([[0, file]]);
};

describe('what a quote’s layout must hold', () => {
	it('numbers each one-token word by its stem, 0 for a word that is not common', () => {
		// “to just come out and say it”, by place: to, just, come, out, and, say, it.
		expect(expectedLayout(['to', 'just', 'come', 'out', 'and', 'say', 'it'], [0, 1, 2, 3, 4, 5, 6], STEMS)).toEqual(new Map([[0, 4], [1, 0], [2, 0], [3, 0], [4, 1], [5, 3], [6, 2]]));
	});

	it('weighs stems, not words, and leaves out words of several tokens', () => {
		// `says` is indexed as `say`; `state-of-the-art` may put `the` at its own place.
		expect(expectedLayout(['says', 'state-of-the-art', 'It,'], [0, 1, 2], STEMS)).toEqual(new Map([[0, 3], [2, 2]]));
	});
});

describe('which layout files a page needs', () => {
	it('covers the quote from each start to its end, across a file’s edge', () => {
		expect(layoutFilesFor([3], 6, 16)).toEqual([0]);
		expect(layoutFilesFor([12, 40], 6, 16)).toEqual([0, 1, 2]);
		expect(layoutFile('en_f6459cb', 2)).toBe('en_f6459cb-2.bin');
	});
});

describe('whether a page’s common words stand as in the quote', () => {
	const expected = new Map([[0, 4], [1, 0], [4, 1]]);

	it('is true where every place holds its stem (or no common word), false where one does not', () => {
		expect(holdsLayout(layout({ 5: 4, 9: 1 }), 5, expected, 16)).toBe(true);
		expect(holdsLayout(layout({ 5: 4, 6: 2, 9: 1 }), 5, expected, 16)).toBe(false);
		expect(holdsLayout(layout({ 5: 4 }), 5, expected, 16)).toBe(false);
	});

	it('reads a position past a file’s end as no common word, and says nothing without a file', () => {
		expect(holdsLayout(new Map([[0, Uint8Array.from([0, 4])]]), 1, new Map([[0, 4], [3, 0]]), 16)).toBe(true);
		expect(holdsLayout(new Map([[0, Uint8Array.from([0, 4])], [1, undefined]]), 14, new Map([[0, 0], [4, 1]]), 16)).toBeUndefined();
	});
});

describe('alike pages ordered by their layouts', () => {
	const hits = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
	const expected = new Map([[0, 4], [2, 1]]);
	const starts = new Map([['a', [1]], ['b', [3]], ['c', [0]]]);

	it('puts the pages that hold the quote first and counts only them as alike', () => {
		const layouts = new Map([['a', layout({ 1: 4, 3: 2 })], ['b', layout({ 3: 4, 5: 1 })], ['c', layout({})]]);
		expect(byLayouts({ hits, alike: 3 }, starts, expected, layouts, 16)).toEqual({ hits: [hits[1], hits[0], hits[2], hits[3]], alike: 1 });
	});

	it('keeps a page whose files did not load among the alike ones', () => {
		const layouts = new Map([['a', layout({ 1: 4, 3: 2 })], ['b', layout({ 3: 4, 5: 1 })], ['c', new Map([[0, undefined]])]]);
		expect(byLayouts({ hits, alike: 3 }, starts, expected, layouts, 16)).toEqual({ hits: [hits[1], hits[2], hits[0], hits[3]], alike: 2 });
	});

	it('keeps the order when no page holds the quote: the layouts then disagree with the positions', () => {
		const layouts = new Map([['a', layout({})], ['b', layout({})], ['c', layout({})]]);
		expect(byLayouts({ hits, alike: 3 }, starts, expected, layouts, 16)).toEqual({ hits, alike: 3 });
	});
});
