/** The one median and quantile of the reports (src/shared/stats.ts). */
import { expect, test } from 'vitest';
import { median, medianOf, quantile } from '../../src/shared/stats.ts';
import { medianFigures } from '../../scripts/bench/page-speed-lib.ts';
import { summarize } from '../../scripts/lib/search-eval.ts';

test('median takes the middle value, or the mean of the middle two, of unsorted input', () => {
	expect(median([3, 1, 2])).toBe(2);
	expect(median([4, 1, 2, 3])).toBe(2.5);
	expect(medianOf([190, 179, 203])).toBe(190);
});

test('runs that measured nothing are left out; nothing at all is undefined, or an error where a figure is required', () => {
	expect(median([undefined, 12, undefined, 14])).toBe(13);
	expect(median([])).toBeUndefined();
	expect(() => medianOf([])).toThrow(/median of nothing/);
});

test('quantiles interpolate between the nearest ranks', () => {
	const hundred = Array.from({ length: 101 }, (_, i) => i);
	expect(quantile(hundred, 0.95)).toBe(95);
	expect(quantile([10, 20], 0.95)).toBeCloseTo(19.5);
	expect(quantile([7], 0.95)).toBe(7);
});

test('the page-speed report and the search evaluation use the same rule as the bench', () => {
	const figures = (tbt: number) => ({ performance: 90, accessibility: 100, bestPractices: 100, seo: 100, fcp: 1000, lcp: 2000, tbt, domSize: 800, bytes: 40_000 });
	expect(medianFigures([figures(100), figures(300)]).tbt).toBe(medianOf([100, 300]));
	const verdict = { episode: true, place: true, titleLink: true };
	const rows = [100, 300].map((ms) => ({ verdict, outcome: { ms, title: '', firstPlace: '', bytes: ms * 1000 } }));
	const summary = summarize(rows as Parameters<typeof summarize>[0]);
	expect(summary.medianMs).toBe(medianOf([100, 300]));
	expect(summary.medianBytes).toBe(medianOf([100_000, 300_000]));
});
