/**
 * Searching the built site the way its readers' browsers do: through the
 * site's own search module (the chunk the dialog and page load, which wraps
 * Pagefind's JavaScript API with the archive's options, phrase-first order
 * and deep links), imported into the page under test.
 */
import { readdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { SearchState } from '../../src/client/search.ts';

const dir = process.env.ARCHIVE_OUT_DIR ?? 'dist';

/** What a search returned: every hit's URL in order, and the first results as shown. */
export interface SiteSearch {
	total: number;
	results: { url: string; title: string; subResults: { url: string; title: string }[] }[];
}

/** The built search module's file name (`search-app.<hash>.js`). */
function searchModule(): string {
	const file = readdirSync(`${dir}/_astro`).find((name) => /^search-app\.[\w-]+\.js$/.test(name));
	if (!file) throw new Error(`no search-app chunk in ${dir}/_astro`);
	return file;
}

/** Runs searches in the page (which must be a page of the site) and returns the first `shown` results of each. */
export async function siteSearch(page: Page, states: Partial<SearchState>[], shown = 4): Promise<SiteSearch[]> {
	const base = new URL(page.url()).pathname.match(/^(\/(?:archive\/)?)/)![1]!;
	return page.evaluate(
		async ({ module, states, shown }) => {
			const app = await import(module);
			const out = [];
			for (const state of states) {
				const hits = await app.search({ q: '', filters: {}, sort: 'relevance', ...state });
				// A page of results as the search shows it: loaded together, then ordered by how well each holds the query.
				const views = await app.resultViews(hits.slice(0, Math.max(shown, 4)), state.q ?? '');
				out.push({
					total: hits.length,
					results: views.slice(0, shown).map((view: { url: string; title: string; subResults: { url: string; title: string }[] }) => ({
						url: view.url,
						title: view.title,
						subResults: view.subResults.map((sub) => ({ url: sub.url, title: sub.title })),
					})),
				});
			}
			return out;
		},
		{ module: `${base}_astro/${searchModule()}`, states, shown },
	);
}

/** The slug of an episode URL (`/archive/episodes/x/?highlight=…#t-01-02` → `x`). */
export const slugOf = (url: string): string | undefined => /\/episodes\/([^/]+)\//.exec(url)?.[1];

/** The anchor of a URL, without `#`. */
export const hashOf = (url: string): string => decodeURIComponent(new URL(url, 'https://x.invalid').hash.slice(1));
