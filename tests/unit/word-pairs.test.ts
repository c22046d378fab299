import { describe, expect, it } from 'vitest';
import { ownPairFile, pairKey, pairPositions, quotePairs, shardOf, type WordPairsIndex } from '../../src/client/search-pairs.ts';
import { commonPositions, MAX_PAIR_OCCURRENCES, pairFiles, SHARED_PAIR_OCCURRENCES, wordPairs } from '../../scripts/lib/word-pairs.ts';

/**
 * The start of three words' entries for one page (number 326, `en_f6459cb`)
 * in the seed's Pagefind index (`to`, `want`): `[page step, positions, meta
 * positions]`. Chromium's Pagefind returned 22, 70, 99, 105, 151, … for `to` there.
 */
const TO = ['to', [[326, [-9, 4182, 26, 7773, -25, 70, 29, 6, 46], []]]] as const;
const WANT = ['want', [[326, [-25, 864, 113, 117], []]]] as const;
// Where model would stand next to to (made up: in the seed, to and model are not said side by side there).
const MODEL = ['model', [[326, [-25, 71, 81], []]]] as const;

/** Where each stem stands on a page, from `commonPositions`. */
function where(positions: ReturnType<typeof commonPositions>, page: number): Record<string, number[]> {
	const found: Record<string, number[]> = {};
	positions.pages.get(page)!.forEach((stem, at) => {
		if (stem > 0) (found[positions.stems[stem - 1]!] ??= []).push(at);
	});
	return found;
}

describe('positions read out of Pagefind’s index chunks', () => {
	it('adds up the steps, counting from 0 again after each weight', () => {
		const said = where(commonPositions([[[TO as never, WANT as never]]], ['to', 'want']), 326);
		expect(said.to).toEqual([70, 99, 105, 151, 4182, 4208, 11981]);
		expect(said.want).toEqual([864, 977, 1094]);
	});

	it('keeps only the common stems', () => {
		expect(Object.keys(where(commonPositions([[[TO as never, MODEL as never]]], ['to']), 326))).toEqual(['to']);
	});
});

describe('pairs of common words side by side', () => {
	const byPage = commonPositions([[[TO as never, MODEL as never]]], ['model', 'to']);

	it('are found where one common word follows another, by the first word’s position', () => {
		// to at 70, 99, 105, 151, …; model at 71 and 152.
		const pairs = wordPairs(byPage);
		expect([...pairs.keys()]).toEqual(['to model']);
		expect(pairs.get('to model')!.get(326)).toEqual([70, 151]);
	});

	it('go into files a browser can find by the pair’s key, and come back out with the same positions', () => {
		const every = (n: number, step: number) => Array.from({ length: n }, (_, i) => i * step);
		const pairs = new Map([
			['want to', new Map([[0, [5, 90, 94]], [2, [17]]])],
			['kind of', new Map([[1, every(SHARED_PAIR_OCCURRENCES + 1, 3)]])],
			['i think', new Map([[1, every(MAX_PAIR_OCCURRENCES + 1, 3)]])],
		]);
		const { index, files } = pairFiles(pairs, ['en_a', 'en_b', 'en_c'], ['i', 'kind', 'of', 'think', 'to', 'want']);
		expect(index.frequent).toEqual(['i think']);
		expect(index.own.map(([key]) => key)).toEqual(['kind of']);
		const file = (name: string) => files.find((entry) => entry.name === name)!.shard;
		const shared = file(`${shardOf('want to', index.shards)}.json`);
		expect(shared['want to']).toEqual(['en_a', 5, 85, 4, 'en_c', 17]);
		expect(pairPositions(shared, 'want to')).toEqual(new Map([['en_a', [5, 90, 94]], ['en_c', [17]]]));
		expect(pairPositions(file(ownPairFile(0)), 'kind of').get('en_b')).toHaveLength(SHARED_PAIR_OCCURRENCES + 1);
		expect(index.own[0]![1]).toBeGreaterThan(index.shardBytes);
		expect(files.some((entry) => 'i think' in entry.shard)).toBe(false);
	});
});

describe('the pairs a quote asks for', () => {
	const index: WordPairsIndex = {
		stems: ['come', 'out', 'and', 'say', 'it', 'to', 'just', 'realli', 'want'],
		shards: 7,
		shardBytes: 8000,
		own: [['come out', 30000], ['say it', 12000]],
		frequent: ['and say'],
	};

	it('are the quote’s neighbouring common words, by their stems, without the frequent ones, cheapest first', () => {
		const words = ['to', 'just', 'come', 'out', 'and', 'say', 'it'];
		expect(quotePairs(words, [0, 1, 2, 3, 4, 5, 6], index).map((pair) => [pair.key, pair.file, pair.bytes])).toEqual([
			['to just', `${shardOf('to just', 7)}.json`, 8000],
			['just come', `${shardOf('just come', 7)}.json`, 8000],
			['out and', `${shardOf('out and', 7)}.json`, 8000],
			['say it', 'own-1.json', 12000],
			['come out', 'own-0.json', 30000],
		]);
		expect(pairKey('Really', 'want')).toBe('realli want');
	});

	it('stand where their first word stands in the quote, whatever order the words are asked in', () => {
		expect(quotePairs(['inference', 'really', 'want', 'stack'], [1, 4, 5, 2], index)).toEqual([{ key: 'realli want', offset: 4, file: `${shardOf('realli want', 7)}.json`, bytes: 8000 }]);
	});
});
