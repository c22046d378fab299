/**
 * The most common table test here: a function, some inputs and what it returns
 * for each. Written out, every such table repeated the same `test.each` body;
 * here it is once, and a table is only its title, its function and its rows.
 */
import { expect, test } from 'vitest';

/** One test a row: `fn(input)` is `expected` (compared with `toBe`). `title` names a row as `test.each` does (`%s`, `%j`). */
export function testReturns<I, O>(title: string, fn: (input: I) => O, rows: readonly (readonly [input: I, expected: O])[]): void {
	test.each(rows.map(([input, expected]) => [input, expected] as [I, O]))(title, (input, expected) => {
		expect(fn(input)).toBe(expected);
	});
}
