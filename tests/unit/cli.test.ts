import { describe, expect, it } from 'vitest';
import { readCommandLine } from '../../scripts/lib/cli.ts';

describe('the scripts’ command line', () => {
	const spec = { values: { dist: 'dist', report: undefined }, flags: ['paste'], lists: ['quotes'] } as const;

	it('gives each option its default, each flag false and each list empty when nothing is given', () => {
		expect(readCommandLine(spec, [])).toEqual({ dist: 'dist', paste: false, quotes: [] });
	});

	it('reads values, flags and repeated options as given', () => {
		expect(readCommandLine(spec, ['--dist', 'out', '--report', 'r.md', '--paste', '--quotes', 'a b', '--quotes', 'c'])).toEqual({
			dist: 'out',
			report: 'r.md',
			paste: true,
			quotes: ['a b', 'c'],
		});
	});

	it('refuses an option the script does not know', () => {
		expect(() => readCommandLine(spec, ['--typo', 'x'])).toThrow(/typo/);
	});
});
