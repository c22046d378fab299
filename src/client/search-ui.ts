/**
 * The search as readers use it, shared by the dialog and the search page: a
 * field, a list of results with their chapter and turn sub-results, a status
 * line read by screen readers and a "More results" button. Results render as
 * DOM nodes built here (no HTML from the index is ever parsed into the page
 * except Pagefind's `<mark>`s, see `markedText`).
 */
import { RESULTS_PER_PAGE, hasSearch, quietTime, type SearchState } from './search.ts';
import { orderedResults, prefetch, resultViews, searchAnswer, type PagefindHit, type ResultView } from './search-client.ts';
import { topicLine } from './search-topics.ts';

/** The elements one search works with. */
export interface SearchElements {
	input: HTMLInputElement;
	/** The `<ol>` the results go into; it gets `data-query` once results for that query are shown. */
	results: HTMLElement;
	/** A live region for the count and for problems. */
	status: HTMLElement;
	/** Loads the next page of results; hidden when there are no more. */
	more: HTMLButtonElement;
	/** Level of the result headings, one below the heading above the list. */
	headingLevel: 2 | 3;
}

/**
 * The result list, status line and "More results" button inside `root` (the
 * dialog or the search page's results area), found by their `data-search-*`
 * attributes (`SearchResults.astro`).
 */
export function searchElementsIn(root: ParentNode, input: HTMLInputElement, headingLevel: SearchElements['headingLevel']): SearchElements {
	return {
		input,
		results: root.querySelector<HTMLElement>('[data-search-results]')!,
		status: root.querySelector<HTMLElement>('[data-search-status]')!,
		more: root.querySelector<HTMLButtonElement>('[data-search-more]')!,
		headingLevel,
	};
}

/** Gaps between keys that set the reader's pace (`quietTime`): the last few, so the pace follows the reader. */
const PACE_KEYS = 8;

/**
 * Pagefind's excerpt as text and `<mark>` elements only. The excerpt is
 * parsed in an inert template (nothing in it runs or loads), then copied node
 * by node, so the page's text can never become markup.
 */
export function markedText(excerpt: string): DocumentFragment {
	const template = document.createElement('template');
	template.innerHTML = excerpt;
	const out = document.createDocumentFragment();
	const copy = (from: Node, to: Node) => {
		for (const node of from.childNodes) {
			if (node.nodeType === Node.TEXT_NODE) to.appendChild(document.createTextNode(node.textContent ?? ''));
			else if (node.nodeName === 'MARK') to.appendChild(document.createElement('mark')).append(node.textContent ?? '');
			else copy(node, to);
		}
	};
	copy(template.content, out);
	return out;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	node.className = className;
	node.append(...children);
	return node;
}

/** One result: the episode, its date and guests, the excerpt, then where in it the words are; or a topic, its kind and how many episodes. */
function resultItem(result: ResultView, headingLevel: 2 | 3): HTMLLIElement {
	const link = element('a', 'search-result-title', result.title);
	link.href = result.url;
	const meta = result.topic ? topicLine(result.topic) : [result.date, result.guests && `with ${result.guests}`].filter(Boolean).join(' · ');
	const item = element('li', result.topic ? 'search-result search-result-topic' : 'search-result', element(`h${headingLevel}`, 'search-result-heading', link));
	if (meta) item.append(element('p', 'search-result-meta', meta));
	if (result.excerpt) item.append(element('p', 'search-result-excerpt', markedText(result.excerpt)));
	if (result.subResults.length > 0) {
		const subs = element('ul', 'search-subresults');
		for (const sub of result.subResults) {
			const subLink = element('a', 'search-subresult-title', sub.title);
			subLink.href = sub.url;
			// Who said it and when (`Alessio Fanelli · 36:13`), part of the link so it is read with the title.
			const said: (Node | string)[] = [sub.speaker ?? '', sub.speaker && sub.time ? ' · ' : '', sub.time ? element('span', 'search-subresult-time', sub.time) : ''];
			if (sub.speaker || sub.time) subLink.append(' ', element('span', 'search-subresult-said', ...said.filter((part) => part !== '')));
			subs.append(element('li', 'search-subresult', subLink, element('p', 'search-result-excerpt', markedText(sub.excerpt))));
		}
		item.append(subs);
	}
	return item;
}

const quoted = (state: SearchState) => (state.q ? ` for “${state.q}”` : '');

/**
 * Runs the search for whatever `state()` returns, on input and on demand,
 * and keeps only the latest answer (a slow early query never overwrites a
 * later one).
 */
export class SearchController {
	#hits: PagefindHit[] = [];
	#query = '';
	#shown = 0;
	#run = 0;
	#timer: ReturnType<typeof setTimeout> | undefined;
	/** When the last key came, and the gaps before it (`quietTime`). */
	#lastKey = -Infinity;
	#gaps: number[] = [];

	constructor(
		private readonly elements: SearchElements,
		private readonly state: () => SearchState,
	) {
		elements.more.addEventListener('click', () => void this.#showMore());
		elements.results.addEventListener('keydown', (event) => this.#arrows(event));
		elements.input.addEventListener('keydown', (event) => {
			if (event.key === 'ArrowDown') this.#focusLink(0, event);
		});
	}

	/** Searches once typing pauses (`quietTime`); meanwhile loads only what the query will surely need (`prefetch`). */
	schedule(): void {
		clearTimeout(this.#timer);
		const now = performance.now();
		this.#gaps = [...this.#gaps, now - this.#lastKey].slice(-PACE_KEYS);
		this.#lastKey = now;
		const state = this.state();
		// An emptied field clears the results at once: there is nothing to download.
		if (!hasSearch(state)) return void this.run();
		void prefetch(state).catch(() => undefined);
		this.#timer = setTimeout(() => void this.run(), quietTime(this.#gaps, state.q));
	}

	/** Searches now and shows the first page of results. */
	async run(): Promise<void> {
		clearTimeout(this.#timer);
		const run = ++this.#run;
		const state = this.state();
		const { results, status, more } = this.elements;
		if (!hasSearch(state)) {
			this.#hits = [];
			results.replaceChildren();
			results.removeAttribute('data-query');
			more.hidden = true;
			status.textContent = '';
			return;
		}
		try {
			const answer = await searchAnswer(state);
			if (answer === null || run !== this.#run) return;
			const { hits } = answer;
			// Pages that hold the words alike are all loaded and ordered by their text; the first page shows the best of them,
			// and the rest follow on "More results" in that order (their data is loaded already).
			const loaded = hits.slice(0, answer.topics + answer.firstPage);
			const ordered = await orderedResults(loaded, state.q);
			if (run !== this.#run) return;
			const views = ordered.slice(0, answer.topics + RESULTS_PER_PAGE).map(({ view }) => view);
			this.#hits = [...ordered.map(({ hit }) => hit), ...hits.slice(loaded.length)];
			this.#query = state.q;
			this.#shown = views.length;
			results.replaceChildren(...views.map((view) => resultItem(view, this.elements.headingLevel)));
			results.dataset.query = state.q;
			more.hidden = this.#shown >= hits.length;
			// "results", not "episodes": topic pages are found too.
			status.textContent = hits.length === 0 ? `No results${quoted(state)}.` : `${hits.length === 1 ? '1 result' : `${hits.length} results`}${quoted(state)}.`;
		} catch (error) {
			if (run !== this.#run) return;
			status.textContent = 'Search could not load. Check the connection and try again.';
			console.error(error);
		}
	}

	async #showMore(): Promise<void> {
		const run = this.#run;
		const next = this.#hits.slice(this.#shown, this.#shown + RESULTS_PER_PAGE);
		const views = await resultViews(next, this.#query);
		if (run !== this.#run) return;
		const items = views.map((view) => resultItem(view, this.elements.headingLevel));
		this.elements.results.append(...items);
		this.#shown += views.length;
		this.elements.more.hidden = this.#shown >= this.#hits.length;
		// Keep the reader's place: the first new result takes the focus the button had.
		items[0]?.querySelector('a')?.focus();
	}

	/** Up and down arrows move between result links; up from the first goes back to the field. */
	#arrows(event: KeyboardEvent): void {
		if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
		const links = [...this.elements.results.querySelectorAll('a')];
		const index = links.indexOf(document.activeElement as HTMLAnchorElement);
		if (index === -1) return;
		if (event.key === 'ArrowUp' && index === 0) {
			event.preventDefault();
			this.elements.input.focus();
			return;
		}
		this.#focusLink(index + (event.key === 'ArrowDown' ? 1 : -1), event);
	}

	#focusLink(index: number, event: KeyboardEvent): void {
		const link = this.elements.results.querySelectorAll('a')[index];
		if (!link) return;
		event.preventDefault();
		link.focus();
	}
}
