/**
 * How many runs of words of a corpus's transcripts occur once in the whole
 * archive: the supply the search evaluation draws its phrase queries from
 * (it keeps only runs that point to one place). A corpus that copies real
 * turns verbatim into many episodes has almost none.
 */
import { wordTokens } from '../../src/client/search-places.ts';
import { seededRandom } from './random.ts';

/** What to count, and how many occur exactly once. */
export interface RunUniqueness {
	/** Runs drawn. */
	runs: number;
	/** Of those, runs whose tokens occur exactly once, in a row, in the whole archive. */
	unique: number;
}

/**
 * Draws `runs` seeded runs of `length` consecutive words from random turns
 * (`turns`: each turn's whitespace-separated words) and counts how many occur
 * exactly once, as search tokens in a row, in the turns and in `other` (the
 * archive's other text, already as tokens). A run never spans two turns,
 * as in the search evaluation.
 */
export function runUniqueness(turns: readonly (readonly string[])[], other: readonly (readonly string[])[], options: { runs: number; length: number; seed: number }): RunUniqueness {
	const random = seededRandom(options.seed);
	const long = turns.filter((words) => words.length >= options.length);
	if (long.length === 0) return { runs: 0, unique: 0 };
	const samples: string[][] = [];
	while (samples.length < options.runs) {
		const words = random.pick(long);
		const start = random.int(0, words.length - options.length);
		const tokens = words.slice(start, start + options.length).flatMap(wordTokens);
		if (tokens.length > 0) samples.push(tokens);
	}
	// One pass over the archive counting only the drawn runs, keyed by their first token.
	const counts = new Map(samples.map((tokens) => [tokens.join(' '), 0]));
	const lengthsByFirst = new Map<string, Set<number>>();
	for (const tokens of samples) lengthsByFirst.set(tokens[0]!, (lengthsByFirst.get(tokens[0]!) ?? new Set()).add(tokens.length));
	const streams = [...turns.map((words) => words.flatMap(wordTokens)), ...other];
	for (const stream of streams) {
		for (const [i, token] of stream.entries()) {
			for (const length of lengthsByFirst.get(token) ?? []) {
				const key = stream.slice(i, i + length).join(' ');
				const count = counts.get(key);
				if (count !== undefined) counts.set(key, count + 1);
			}
		}
	}
	return { runs: samples.length, unique: samples.filter((tokens) => counts.get(tokens.join(' ')) === 1).length };
}
