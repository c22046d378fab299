/**
 * The dialog's search, loaded when the dialog first opens: searches as the
 * reader types, keeps the "Full search page" link and the form's Enter in
 * step with the query, and closes the dialog when a result is followed.
 */
import { readSearchState } from './search.ts';
import { loadPagefind } from './search-client.ts';
import { SearchController, searchElementsIn } from './search-ui.ts';

/** Wires the search inside `dialog` (once). */
export function startDialogSearch(dialog: HTMLDialogElement): void {
	const input = dialog.querySelector<HTMLInputElement>('input[type="search"]')!;
	const full = dialog.querySelector<HTMLAnchorElement>('[data-search-full]')!;
	const controller = new SearchController(
		searchElementsIn(dialog, input, 3),
		() => readSearchState(new URLSearchParams({ q: input.value })),
	);
	const update = () => {
		const url = new URL(full.href);
		url.search = input.value.trim() ? new URLSearchParams({ q: input.value.trim() }).toString() : '';
		full.href = url.href;
		controller.schedule();
	};
	input.addEventListener('input', update);
	// A modal dialog keeps focus out of the page, but Tab past its last control would reach the browser's
	// own toolbar; wrap around instead, as readers of a dialog expect.
	dialog.addEventListener('keydown', (event) => {
		if (event.key !== 'Tab') return;
		const focusable = [...dialog.querySelectorAll<HTMLElement>('input, button:not([hidden]), a[href]')].filter((element) => element.offsetParent !== null);
		const [first, last] = [focusable[0], focusable.at(-1)];
		if (event.shiftKey && document.activeElement === first) {
			event.preventDefault();
			last?.focus();
		} else if (!event.shiftKey && document.activeElement === last) {
			event.preventDefault();
			first?.focus();
		}
	});
	dialog.querySelector('[data-search-results]')!.addEventListener('click', (event) => {
		if ((event.target as Element).closest('a')) dialog.close();
	});
	// Opening the dialog is the reader starting to search: fetch the engine now, not at the first key.
	void loadPagefind();
	if (input.value.trim()) update();
}
