/** The smoke run's check: a bench result in which every step measured something passes, a broken one names what broke. */
import { expect, test } from 'vitest';
import type { SizeResult } from '../../scripts/bench/report.ts';
import { smokeProblems } from '../../scripts/bench/smoke.ts';

const step = { wall: 1.2, cpu: 1.5, peakMb: 120, walls: [1.2] };
/** A 20-episode result as the bench wrote it on 2026-11-29 (rounded). */
const good: SizeResult = {
	episodes: 20,
	date: '2026-11-29T05:26:11.847Z',
	dumpBytes: 1_163_383,
	runs: 1,
	ingest: { ...step, inner: 0.33 },
	astro: { wall: 5.89, cpu: 7.15, peakMb: 579, walls: [5.89] },
	pagefind: { wall: 0.7, cpu: 0.85, peakMb: 49, walls: [0.7] },
	totalWall: 7.8,
	incremental: { ingest: step, astro: step, pagefind: step, totalWall: 6.9 },
	site: {
		files: 171,
		bytes: 7_000_000,
		pagefindFiles: 50,
		pagefindBytes: 1_500_000,
		episodePages: 20,
		largestPage: { path: 'episodes/x/index.html', raw: 268_000, gzip: 70_000 },
		medianPage: { raw: 114_000, gzip: 33_000 },
		pageCssGzip: 5_100,
		pageJsGzip: 3_900,
	},
	search: [
		{ query: 'open source', bytes: 265_000, requests: 12, byKind: { pf_index: 67_000, wasm: 59_000, pf_fragment: 120_000 }, results: 18, firstSubResults: 3 },
	],
};

test('a result in which every step measured something has no problems', () => {
	expect(smokeProblems(good)).toEqual([]);
});

test('a broken result names each step that measured nothing', () => {
	const broken = {
		...good,
		pagefind: { ...good.pagefind, wall: 0 },
		site: { ...good.site, episodePages: 19, pagefindFiles: 0 },
		search: [{ ...good.search[0]!, results: 0, byKind: {} }],
	} as SizeResult;
	expect(smokeProblems(broken)).toEqual([
		'Pagefind: no time or memory measured',
		'19 episode pages built for 20 episodes',
		'no Pagefind index in dist/',
		'search “open source”: no results',
		"search “open source”: Pagefind's index and WebAssembly were not downloaded",
	]);
	expect(smokeProblems({ ...good, search: [] })).toEqual(['no search measured']);
});
