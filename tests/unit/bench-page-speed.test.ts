import { describe, expect, test } from 'vitest';
import { choosePages, figuresOf, medianFigures, renderPageSpeed, withPageSpeed, PAGE_SPEED_END, PAGE_SPEED_START } from '../../scripts/bench/page-speed-lib.ts';

const built = [
	{ file: 'index.html', bytes: 30_000 },
	{ file: '404.html', bytes: 20_000 },
	{ file: 'episodes/index.html', bytes: 40_000 },
	{ file: 'episodes/2023/index.html', bytes: 60_000 },
	{ file: 'episodes/2024/index.html', bytes: 50_000 },
	{ file: 'episodes/long-talk/index.html', bytes: 290_000 },
	{ file: 'episodes/mid-talk/index.html', bytes: 120_000 },
	{ file: 'episodes/short-talk/index.html', bytes: 40_000 },
	{ file: 'speakers/index.html', bytes: 35_000 },
	{ file: 'speakers/swyx/index.html', bytes: 70_000 },
	{ file: 'speakers/swyx/2024/index.html', bytes: 65_000 },
	{ file: 'speakers/david-luan/index.html', bytes: 20_000 },
	{ file: 'topics/index.html', bytes: 45_000 },
	{ file: 'topics/openai/index.html', bytes: 90_000 },
	{ file: 'topics/openai/2023/index.html', bytes: 80_000 },
	{ file: 'topics/mamba/index.html', bytes: 15_000 },
	{ file: 'search/index.html', bytes: 25_000 },
];

describe('page-speed report', () => {
	test('one page per type: the latest year, the longest and median episode, the busiest speaker and topic; year pages are not episodes', () => {
		expect(choosePages(built)).toEqual([
			{ type: 'home', path: '' },
			{ type: 'episode index', path: 'episodes/' },
			{ type: 'year page (latest)', path: 'episodes/2024/' },
			{ type: 'longest episode', path: 'episodes/long-talk/' },
			{ type: 'median episode', path: 'episodes/mid-talk/' },
			{ type: 'speaker index', path: 'speakers/' },
			{ type: 'busiest speaker', path: 'speakers/swyx/' },
			{ type: 'speaker year page', path: 'speakers/swyx/2024/' },
			{ type: 'topic index', path: 'topics/' },
			{ type: 'largest topic page', path: 'topics/openai/' },
			{ type: 'topic year page', path: 'topics/openai/2023/' },
			{ type: 'search', path: 'search/' },
		]);
	});

	test('a build without year pages measures the types it has', () => {
		expect(choosePages(built.filter((page) => !/\/20\d\d\//.test(page.file))).map((choice) => choice.type)).not.toContain('year page (latest)');
	});

	test('figures come from the Lighthouse result; each is the median of the runs', () => {
		const run = (performance: number, tbt: number) =>
			figuresOf({
				categories: { performance: { score: performance / 100 }, accessibility: { score: 1 }, 'best-practices': { score: 1 }, seo: { score: 1 } },
				audits: {
					'first-contentful-paint': { numericValue: 1234.4 },
					'largest-contentful-paint': { numericValue: 2000 },
					'total-blocking-time': { numericValue: tbt },
					'dom-size-insight': { numericValue: 812 },
					'total-byte-weight': { numericValue: 45_000 },
				},
			});
		const median = medianFigures([run(91, 300), run(97, 20), run(95, 120)]);
		expect(median).toEqual({ performance: 95, accessibility: 100, bestPractices: 100, seo: 100, fcp: 1234, lcp: 2000, tbt: 120, domSize: 812, bytes: 45_000 });
	});

	test('the section replaces the old one and keeps the text around it', () => {
		const section = renderPageSpeed([{ label: '20 episodes', date: '2026-11-30', rows: [] }]);
		const document = `# Benchmarks\n\nintro\n\n${PAGE_SPEED_START}\nold\n${PAGE_SPEED_END}\n\nafter\n`;
		const updated = withPageSpeed(document, section);
		expect(updated).toContain('#### 20 episodes (2026-11-30)');
		expect(updated).not.toContain('old');
		expect(updated.endsWith('\n\nafter\n')).toBe(true);
		expect(withPageSpeed('# Benchmarks\n', section)).toBe(`# Benchmarks\n\n${section}\n`);
	});
});
