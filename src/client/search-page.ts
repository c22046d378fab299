/**
 * The search page: its form restored from the URL, results as the reader
 * types or changes a filter, and the URL kept in step (replaced, not pushed,
 * so Back leaves the page instead of stepping through every letter).
 */
import { FILTER_KEYS, hasSearch, readSearchState, searchQueryString, type SearchState } from './search.ts';
import { SearchController, searchElementsIn } from './search-ui.ts';

/** Wires the search page's form and results. */
export function startPageSearch(form: HTMLFormElement): void {
	const input = form.querySelector<HTMLInputElement>('[data-search-page-input]')!;
	const selects = [...form.querySelectorAll('select')];
	const area = document.querySelector<HTMLElement>('.search-results-area')!;

	const state = (): SearchState => readSearchState(new URLSearchParams([...new FormData(form)].map(([key, value]) => [key, String(value)])));
	const controller = new SearchController(
		searchElementsIn(area, input, 2),
		state,
	);

	const restored = readSearchState(location.search);
	input.value = restored.q;
	for (const select of selects) {
		const value = select.name === 'sort' ? restored.sort : (restored.filters[select.name as (typeof FILTER_KEYS)[number]] ?? '');
		// A value the build does not offer (an old link) still filters: add it as an option.
		if (value && ![...select.options].some((option) => option.value === value)) select.add(new Option(value, value));
		select.value = value;
	}

	const keepUrl = () => history.replaceState(history.state, '', `${location.pathname}${searchQueryString(state())}`);
	input.addEventListener('input', () => {
		keepUrl();
		controller.schedule();
	});
	form.addEventListener('change', (event) => {
		if (event.target === input) return;
		keepUrl();
		void controller.run();
	});
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		keepUrl();
		void controller.run();
	});
	// The engine loads when the reader starts to search: a query in the URL, or the first keystroke.
	if (hasSearch(restored)) void controller.run();
	else input.focus();
}
