import { describe, expect, it } from 'vitest';
import type { IndexChunks } from '../../src/client/search-chunks.ts';
import type { WordPairsIndex } from '../../src/client/search-pairs.ts';
import { ALIKE_LOADED } from '../../src/client/search.ts';
import { byWordPositions, commonWords, firstStep, holdsWithin, mayAskMore, nextStep, quotePlan, typingWord } from '../../src/client/search-quotes.ts';

/**
 * The chunks the words of two quotes fall in, from the 2,000-episode bench
 * site's chunk list (`.bench/site/dist/search/index-chunks.json`, Pagefind
 * 1.6), with its median transcript data size. `important` lies between
 * `impli`–`impor` and `impos`–`in`, so Pagefind loads three chunks for it.
 */
const BENCH_INDEX: IndexChunks = {
	chunks: [
		['824', 'a', 514657],
		['ana', 'and', 647382],
		['asso', 'at', 143596],
		['collecti', 'come', 70113],
		['hypersp', 'i', 480139],
		['ifr', 'im', 99371],
		['impli', 'impor', 34996],
		['issw', 'it', 555280],
		['julia', 'just', 232584],
		['morea', 'mos', 63312],
		['oc', 'of', 571598],
		['ours', 'out', 95748],
		['sawy', 'say', 66384],
		['smoo', 'so', 296402],
		['soni', 'sor', 104899],
		['thatd', 'the', 678775],
		['theyv', 'thing', 180633],
		['things', 'think', 261915],
		['tldrawc', 'to', 534504],
	],
	pageBytes: 22797,
};

describe('the archive’s most frequent words', () => {
	it('counts tokens over all texts, most frequent first, ties alphabetically', () => {
		expect(commonWords(['It’s the model, the models.', 'The MODEL and it’s'], 3)).toEqual(['the', 'its', 'model']);
	});
});

describe('what a quote asks Pagefind for', () => {
	// The head of the seed's list (dist/search/common-words.json).
	const common = ['the', 'like', 'and', 'of', 'you', 'to', 'a', 'i', 'that', 'is', 'it', 'in', 'so', 'we', 'know', 'just', 'out', 'our', 'say', 'come'];

	it('asks for the rarer words first, longest first, with where each stands in the quote', () => {
		expect(quotePlan('our inference stack is a combination of', common)).toEqual({
			words: ['combination', 'inference', 'stack', 'our', 'is', 'a', 'of'],
			offsets: [5, 1, 2, 0, 3, 4, 6],
			rare: 3,
			pairs: [],
			pairBytes: 0,
		});
	});

	it('asks for a word without the signs around it, which Pagefind would not find', () => {
		expect(quotePlan('The last round was a $350 million Series B', common)?.words.slice(0, 4)).toEqual(['million', 'Series', 'round', 'last']);
		expect(quotePlan('The last round was a $350 million Series B', common)?.words).toContain('350');
	});

	it('asks for the least frequent common words first when a quote is all common words', () => {
		expect(quotePlan('to just come out and say it', common)?.words.slice(0, 3)).toEqual(['come', 'say', 'out']);
		expect(quotePlan('to just come out and say it', common)?.offsets.slice(0, 3)).toEqual([2, 5, 3]);
	});

	it('leaves short queries, three rare words and quoted queries to Pagefind', () => {
		expect(quotePlan('open source', common)).toBeUndefined();
		expect(quotePlan('rlaif constitutional judge', common)).toBeUndefined();
		expect(quotePlan('our inference stack', common)).toEqual({ words: ['inference', 'stack', 'our'], offsets: [1, 2, 0], rare: 2, pairs: [], pairBytes: 0 });
		expect(quotePlan('model', common)).toBeUndefined();
		expect(quotePlan('"to just come out and say it"', common)).toBeUndefined();
	});
});

describe('what a quote asks Pagefind for, by what its words cost to download', () => {
	const common = ['the', 'like', 'and', 'of', 'you', 'to', 'a', 'i', 'that', 'is', 'it', 'in', 'so', 'we', 'know', 'just', 'out', 'our', 'say', 'come', 'most', 'at', 'things'];

	it('asks for the words whose chunks cost least first, not the rarest', () => {
		// Ranked by frequency it asked for important (615 KB in three chunks) and sort (401 KB in two) first.
		expect(quotePlan('a sort of the most important things at', common)?.words.slice(0, 2)).toEqual(['important', 'sort']);
		const plan = quotePlan('a sort of the most important things at', common, BENCH_INDEX)!;
		expect(plan.words.slice(0, 3)).toEqual(['most', 'at', 'sort']);
		expect(plan.offsets.slice(0, 3)).toEqual([4, 7, 1]);
		expect(plan.cost?.bytes.slice(0, 3)).toEqual([63312, 143596, 104899 + 296402]);
	});

	it('counts a chunk once: a word whose chunks are loaded already costs nothing', () => {
		const plan = quotePlan('a sort of the most important things at', common, BENCH_INDEX)!;
		// things loads the chunks of things and of its stem, thing; none is loaded by the words before it.
		expect(plan.words.indexOf('things')).toBeGreaterThan(2);
		const touched = ['824', 'asso', 'hypersp', 'ifr', 'impli', 'morea', 'oc', 'smoo', 'soni', 'thatd', 'theyv', 'things'];
		const total = BENCH_INDEX.chunks.filter(([from]) => touched.includes(from)).reduce((sum, [, , bytes]) => sum + bytes, 0);
		expect(plan.cost!.bytes.reduce((sum, bytes) => sum + bytes, 0)).toBe(total);
		expect(quotePlan('to just come out and say it', common, BENCH_INDEX)?.words).toEqual(['say', 'come', 'out', 'just', 'to', 'it', 'and']);
	});

	it('asks for the cheapest word first and then the cheaper of the next word and the next pair', () => {
		const plan = quotePlan('to just come out and say it', common, BENCH_INDEX)!;
		expect(firstStep(plan)).toEqual({ words: [0, 1], pairs: [] });
		const pairs: WordPairsIndex = { stems: ['to', 'just', 'come', 'out', 'and', 'say', 'it'], shards: 5, shardBytes: 8000, own: [['come out', 40000]], frequent: ['out and', 'say it', 'to just'] };
		const withPairs = quotePlan('to just come out and say it', common, BENCH_INDEX, pairs)!;
		expect(withPairs.pairs.map((pair) => pair.key)).toEqual(['just come', 'and say', 'come out']);
		// say (66,384 bytes), then the pair just come (8,000) before come (70,113).
		expect(firstStep(withPairs)).toEqual({ words: [0], pairs: [0] });
		expect(nextStep(withPairs, { words: [0], pairs: [0] }, 9)).toEqual({ words: [0], pairs: [0, 1] });
		// come out (40,000) before out (95,748).
		expect(nextStep(withPairs, { words: [0], pairs: [0, 1] }, 9)).toEqual({ words: [0], pairs: [0, 1, 2] });
	});

	it('skips a word whose place in the quote the pairs asked already give', () => {
		const pairs: WordPairsIndex = { stems: ['to', 'just', 'come', 'out', 'and', 'say', 'it'], shards: 5, shardBytes: 8000, own: [['come out', 40000]], frequent: ['out and', 'say it', 'to just'] };
		const plan = quotePlan('to just come out and say it', common, BENCH_INDEX, pairs)!;
		// The three pairs place just, come, out, and, say: the next word is to (word 4), not come, out or just.
		expect(nextStep(plan, { words: [0], pairs: [0, 1, 2] }, ALIKE_LOADED + 1)).toEqual({ words: [0, 4], pairs: [0, 1, 2] });
	});

	it('asks for more while pages are alike only when it costs less than loading those pages’ data', () => {
		const plan = quotePlan('to just come out and say it', common, BENCH_INDEX)!;
		// out (95,748 bytes) against the data of one to four more pages (22,797 each): load the pages.
		expect(nextStep(plan, { words: [0, 1], pairs: [] }, 3)).toBeUndefined();
		expect(nextStep(plan, { words: [0, 1], pairs: [] }, 6)).toBeUndefined();
		// Five more pages (113,985 bytes) cost more than out.
		expect(nextStep(plan, { words: [0, 1], pairs: [] }, 7)).toEqual({ words: [0, 1, 2], pairs: [] });
		// More pages alike than the first answer can load: it must be asked, whatever it costs (to: 534,504 bytes).
		expect(nextStep(plan, { words: [0, 1, 2, 3], pairs: [] }, ALIKE_LOADED + 1)).toEqual({ words: [0, 1, 2, 3, 4], pairs: [] });
		expect(nextStep(plan, { words: [0, 1, 2, 3], pairs: [] }, ALIKE_LOADED)).toBeUndefined();
		expect(nextStep(plan, { words: [0, 1], pairs: [] }, 2)).toBeUndefined();
		const out = plan.cost!.chunks[2]![0]!;
		const cheap = { ...plan, cost: { ...plan.cost!, chunkBytes: { ...plan.cost!.chunkBytes, [out]: 30000 } } };
		expect(nextStep(cheap, { words: [0, 1], pairs: [] }, 3)).toBeUndefined();
		expect(nextStep(cheap, { words: [0, 1], pairs: [] }, 4)).toEqual({ words: [0, 1, 2], pairs: [] });
		expect(nextStep(plan, { words: plan.words.map((_, i) => i), pairs: [] }, 9)).toBeUndefined();
	});

	it('checks the alike pages’ layouts once, when that costs less than the next word or pair', () => {
		const pairs: WordPairsIndex = { stems: ['to', 'just', 'come', 'out', 'and', 'say', 'it'], shards: 5, shardBytes: 8000, own: [['come out', 40000]], frequent: ['out and', 'say it', 'to just'], layouts: { positions: 2048, bytes: 1500 } };
		const plan = quotePlan('to just come out and say it', common, BENCH_INDEX, pairs)!;
		expect(plan.layoutBytes).toBe(1500);
		// Thirty alike pages, one file each (45,000 bytes), against the pair and say (8,000): the pair first.
		expect(nextStep(plan, { words: [0], pairs: [0] }, 30, 30)).toEqual({ words: [0], pairs: [0, 1] });
		// Once the pairs are asked, the next word is to (534,504 bytes): the layouts instead.
		expect(nextStep(plan, { words: [0], pairs: [0, 1, 2] }, 30, 30)).toEqual({ words: [0], pairs: [0, 1, 2], layouts: true });
		// Never twice, and not when the starts are unknown (the next word then, as before).
		expect(nextStep(plan, { words: [0], pairs: [0, 1, 2], layouts: true }, 30, 30)).toEqual({ words: [0, 4], pairs: [0, 1, 2], layouts: true });
		expect(nextStep(plan, { words: [0], pairs: [0, 1, 2] }, 30)).toEqual({ words: [0, 4], pairs: [0, 1, 2] });
		// Three alike pages: loading one more page's data (22,797 bytes) costs less than 16 files.
		expect(nextStep(plan, { words: [0], pairs: [0, 1, 2] }, 3, 16)).toBeUndefined();
		expect(nextStep(plan, { words: [0], pairs: [0, 1, 2] }, 3, 14)).toEqual({ words: [0], pairs: [0, 1, 2], layouts: true });
		// Without the build's chunk list, costs are unknown: no layouts.
		expect(nextStep(quotePlan('to just come out and say it', common, undefined, pairs)!, { words: [0, 1], pairs: [] }, 30, 1)?.layouts).toBeUndefined();
	});

	it('preloads the cheapest rare word typed out', () => {
		expect(typingWord('a sort of the most important things at', ['the', 'a', 'of', 'at'], BENCH_INDEX)).toBe('most');
		expect(typingWord('a sort of the most important things at', ['the', 'a', 'of', 'at'])).toBe('important');
		// Not a word dearer than two median chunks (232,584 bytes here): important loads 614,506.
		expect(typingWord('the most important things', ['the', 'most', 'things'], BENCH_INDEX)).toBeUndefined();
		expect(typingWord('the most important things', ['the', 'most', 'things'])).toBe('important');
	});
});

describe('what a settled quote may ask for when pages are still alike, without the build’s chunk list', () => {
	const common = ['the', 'like', 'and', 'of', 'you', 'to', 'a', 'i', 'that', 'is', 'it', 'in', 'so', 'we', 'know', 'just', 'out', 'our', 'say', 'come'];

	it('asks for nothing more once the first answer can tell its pages apart', () => {
		expect(mayAskMore(quotePlan('our inference stack is a combination of', common)!, 2, 2)).toBe(false);
		expect(mayAskMore(quotePlan('to just come out and say it', common)!, 2, 1)).toBe(false);
	});

	it('asks for more rare words, and for a common one after two rare words only when more pages are alike than the first answer loads', () => {
		const plan = quotePlan('our inference stack is a combination of', common)!;
		expect(plan.words[2]).toBe('stack');
		expect(mayAskMore(plan, 2, 3)).toBe(true);
		expect(plan.words[3]).toBe('our');
		expect(mayAskMore(plan, 3, 4)).toBe(false);
		expect(mayAskMore(plan, 3, 5)).toBe(true);
	});

	it('asks a quote of common words for more only while more pages are alike than the first answer loads, until none is left', () => {
		const plan = quotePlan('to just come out and say it', common)!;
		expect(plan.rare).toBe(0);
		expect(mayAskMore(plan, 2, 3)).toBe(false);
		expect(mayAskMore(plan, 2, 5)).toBe(true);
		expect(mayAskMore(plan, plan.words.length, 5)).toBe(false);
		expect(mayAskMore(quotePlan('so you know what it is', common)!, 2, 4)).toBe(false);
	});
});

describe('the word worth loading while the reader types', () => {
	const common = ['the', 'like', 'and', 'of', 'you', 'to', 'a', 'i', 'that', 'is', 'it', 'in', 'so', 'we', 'know', 'just', 'out', 'our', 'say', 'come'];

	it('is the rarest word typed out, never the last word, which may be half typed', () => {
		const typed = 'our inference stack is a combination of'.split(' ').map((_, i, words) => words.slice(0, i + 1).join(' '));
		expect(typed.map((query) => typingWord(query, common))).toEqual([undefined, undefined, 'inference', 'inference', 'inference', 'inference', 'combination']);
		expect(typingWord('our inference s', common)).toBe('inference');
	});

	it('is never a common word, and none for a query of common words', () => {
		expect(typingWord('to just come out and say it', common)).toBeUndefined();
		expect(typingWord('model', common)).toBeUndefined();
		expect(typingWord('', common)).toBeUndefined();
	});

	it('is the word without the signs around it, as Pagefind finds it', () => {
		expect(typingWord('a $350 million', common)).toBe('350');
		expect(typingWord('the “Brain” credit', common)).toBe('Brain');
	});
});

describe('pages where the asked words stand at the quote’s distances', () => {
	it('come first, in the order given, whichever word stands where', () => {
		const hits = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
		// "come" at offset 2, "say" at offset 5: page b has come@10 and say@13; page a has them 3 apart the other way round.
		const come = new Map([['a', [13]], ['b', [10, 40]], ['c', [7]]]);
		const say = new Map([['a', [10]], ['b', [13]], ['c', [9]]]);
		expect(byWordPositions(hits, [2, 5], [come, say]).hits.map((hit) => hit.id)).toEqual(['b', 'a', 'c']);
	});

	it('put pages holding every word close together before pages that say them far apart or not at all', () => {
		const hits = [{ id: 'far' }, { id: 'missing' }, { id: 'passage' }, { id: 'near' }, { id: 'phrase' }];
		// "viral trend" as two words, offsets 0 and 1: 'near' says them 6 words apart, 'passage' 40 (one answer), 'far' 300.
		const viral = new Map([['far', [10]], ['missing', [5]], ['passage', [200]], ['near', [100]], ['phrase', [50]]]);
		const trend = new Map([['far', [310]], ['passage', [240]], ['near', [94]], ['phrase', [51]]]);
		expect(byWordPositions(hits, [0, 1], [viral, trend]).hits.map((hit) => hit.id)).toEqual(['phrase', 'near', 'passage', 'far', 'missing']);
	});

	it('say how many of the first hits hold the words alike (positions cannot tell them apart)', () => {
		const hits = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
		const really = new Map([['a', [4]], ['b', [20]], ['c', [9]]]);
		const sure = new Map([['a', [8]], ['b', [24]], ['c', [40]]]);
		// At distance 4 pages a and b hold the phrase; at distance 3 neither does, and a and b hold both words close.
		expect(byWordPositions(hits, [0, 4], [really, sure]).alike).toBe(2);
		expect(byWordPositions(hits, [0, 3], [really, sure]).alike).toBe(2);
	});
});

describe('whether one position of each word lies within a span', () => {
	it.each([
		[[[1, 50], [58], [40]], 18, true],
		[[[1, 50], [58], [40]], 17, false],
		[[[3], [3]], 0, true],
		[[[1], []], 10, false],
	])('%j within %d: %s', (lists, span, holds) => {
		expect(holdsWithin(lists, span)).toBe(holds);
	});
});
