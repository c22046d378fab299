/**
 * What a smoke run of the bench (`npm run bench:smoke`, part of `npm test`)
 * must show: that every step of the bench still works on the current site,
 * not how fast it is. A bench that stops measuring (a step that builds
 * nothing, a search probe that no longer finds the dialog's results) fails
 * here instead of on the day someone needs the figures.
 */
import type { SizeResult } from './report.ts';

/** Problems with one size's result; none when every step measured something real. */
export function smokeProblems(result: SizeResult): string[] {
	const problems: string[] = [];
	const steps = { ingest: result.ingest, Astro: result.astro, Pagefind: result.pagefind };
	for (const [name, step] of Object.entries(steps)) {
		if (!(step.wall > 0 && step.cpu > 0 && step.peakMb > 0)) problems.push(`${name}: no time or memory measured`);
	}
	if (!(result.incremental.totalWall > 0)) problems.push('incremental rebuild: not measured');
	if (result.site.episodePages !== result.episodes) problems.push(`${result.site.episodePages} episode pages built for ${result.episodes} episodes`);
	if (!(result.site.pagefindFiles > 0)) problems.push('no Pagefind index in dist/');
	if (!(result.site.largestPage.raw > 0 && result.site.pageCssGzip > 0 && result.site.pageJsGzip > 0)) problems.push('episode page, CSS or JavaScript sizes missing');
	if (result.search.length === 0) problems.push('no search measured');
	for (const search of result.search) {
		if (search.results < 1) problems.push(`search “${search.query}”: no results`);
		if (!(search.byKind['pf_index'] && search.byKind['wasm'])) problems.push(`search “${search.query}”: Pagefind's index and WebAssembly were not downloaded`);
	}
	return problems;
}
