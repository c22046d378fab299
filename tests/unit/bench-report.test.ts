/** The bench's pure helpers: reading tool output, statistics, the chart and the report. */
import { describe, expect, test } from 'vitest';
import { editOneEpisode } from '../../scripts/bench/corpus-lib.ts';
import { astroPhases, ingestInner, parseTimeLine } from '../../scripts/bench/measure.ts';
import { END, renderReport, START, table, type BenchResults, type CompareResult, type StepSummary } from '../../scripts/bench/report.ts';
import { lineChart, logTicks } from '../../scripts/bench/svg.ts';

describe('reading what the tools print', () => {
	test('parseTimeLine reads /usr/bin/time -f "%e %U %S %M"', () => {
		expect(parseTimeLine('12.50 20.00 1.50 2097152\n')).toEqual({ wall: 12.5, cpu: 21.5, peakMb: 2048 });
		expect(() => parseTimeLine('Command exited with non-zero status 1')).toThrow(/unreadable/);
	});

	test('astroPhases reads the sync, bundle and render times from an Astro build log', () => {
		const log = [
			'20:11:33 [types] Generated 24.65s',
			'20:14:02 [vite] ✓ built in 2m 29s',
			'20:14:04 [vite] ✓ built in 62ms',
			' generating static routes ',
			'20:14:52 ✓ Completed in 47.59s.',
		].join('\n');
		expect(astroPhases(log)).toEqual({ sync: 24.65, bundle: 149, render: 47.59 });
		expect(astroPhases('')).toEqual({ sync: undefined, bundle: undefined, render: undefined });
	});

	test('ingestInner reads the ingest’s own time from its summary line', () => {
		expect(ingestInner('ingest: 200 episodes from 1 source (12.2 MB in 4.12 s; 200 parsed, 0 reused unchanged): 200 added')).toBe(4.12);
	});
});

test('editOneEpisode changes one word in one episode’s body line only', () => {
	const dump = '-\nA\nFrom X, published at 2024-01-01 00:00\nsay the word\n-\nB\nFrom X, published at 2024-01-02 00:00\nsay the word';
	expect(editOneEpisode(dump, 1)).toBe(dump.replace(/say the word$/, 'say the very word'));
});

describe('lineChart', () => {
	test('logTicks gives 1-2-5 steps across the range', () => {
		expect(logTicks(1, 100)).toEqual([1, 2, 5, 10, 20, 50, 100]);
	});

	test('draws one line per series with a legend, the same bytes for the same input', () => {
		const series = [{ label: 'ingest <fast>', color: '#000', points: [{ x: 20, y: 1 }, { x: 2000, y: 50 }] }];
		const svg = lineChart('t', 'x', 'y', series);
		expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
		expect(svg.match(/<polyline/g)).toHaveLength(1);
		expect(svg).toContain('ingest &lt;fast&gt;');
		expect(lineChart('t', 'x', 'y', series)).toBe(svg);
	});
});

describe('the report', () => {
	const results: BenchResults = {
		machine: { cpus: 2, cpuModel: 'CPU', memoryGb: 24, node: 'v22', os: 'Linux', note: 'shared' },
		sizes: [],
		compare: [],
		incremental: [],
	};

	test('replaces only the generated section, keeping the text around it', () => {
		const doc = `# Benchmarks\n\nintro\n\n${START}\nold figures\n${END}\n\n## Analysis\n\nkept\n`;
		const out = renderReport(doc, results);
		expect(out.startsWith('# Benchmarks\n\nintro\n\n')).toBe(true);
		expect(out.endsWith(`${END}\n\n## Analysis\n\nkept\n`)).toBe(true);
		expect(out).not.toContain('old figures');
		expect(out).toContain('2 cores (CPU), 24 GB memory');
	});

	test('comparisons against today’s pipeline and earlier ones go to separate, dated tables', () => {
		const step: StepSummary = { wall: 1, cpu: 1, peakMb: 100, walls: [1] };
		const row = (date: string, scenario: string, baseline?: string): CompareResult => ({
			episodes: 200,
			date,
			...(baseline ? { baseline } : {}),
			scenario,
			writer: scenario.split('+')[0]!,
			processor: scenario.split('+')[1]!,
			runs: 1,
			ingest: step,
			astro: step,
			pagefind: step,
			totalWall: 3,
			largestPage: 1024,
			medianPage: 1024,
			html: { pages: 201, differing: 0 },
		});
		const out = renderReport(`${START}
${END}
`, {
			...results,
			compare: [row('2026-11-28T10:00:00Z', 'split+unified+fast-parser'), row('2026-11-29T03:00:00Z', 'frontmatter+unified', 'split+unified')],
		});
		const [today, earlier] = out.split('### Earlier measurements');
		expect(today).toContain('#### N = 200 (measured 2026-11-29)');
		expect(today).toContain('`frontmatter+unified`');
		expect(today).not.toContain('fast-parser');
		expect(earlier).toContain('##### N = 200 (measured 2026-11-28)');
		expect(earlier).toContain('`split+unified+fast-parser`');
		expect(earlier).toMatch(/not comparable with the figures above/);
	});

	test('table right-aligns every column but the first', () => {
		expect(table(['a', 'b'], [['1', '2']])).toBe('| a | b |\n|---|---:|\n| 1 | 2 |');
	});
});
