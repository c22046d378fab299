/**
 * Marks the words a reader searched for on the page they landed on and
 * brings them into view. In the turn the result pointed at, the query is
 * marked as the search found it (`markRanges`: the phrase as one mark, even
 * across punctuation); elsewhere on the page Pagefind's highlight script
 * marks the phrase and its longer words. The turn itself stands out through
 * its `:target` style (a background and a rule, so nothing moves).
 */
import { HIGHLIGHT_PARAM, isTurnId } from './search.ts';
import { basePath } from './search-client.ts';
import { markRanges } from './search-places.ts';

interface PagefindHighlightOptions {
	highlightParam: string;
	markContext: string | null;
	markOptions: { className: string; exclude: string[] };
	addStyles: boolean;
}

const MARK_CLASS = 'search-highlight';

/**
 * Wraps the ranges `markRanges` finds in each paragraph of a turn in
 * `<mark>`s. Where the turn holds the whole query (a quote, a remembered
 * phrase), only that is marked: its words scattered elsewhere in the turn
 * would only hide it.
 */
function markTurn(turn: HTMLElement, query: string): void {
	const paragraphs = [...turn.querySelectorAll<HTMLElement>(':scope > p:not([data-pagefind-ignore])')].filter(
		(paragraph) => paragraph.firstChild?.nodeType === Node.TEXT_NODE && paragraph.childNodes.length === 1,
	);
	const hasPhrase = paragraphs.some((paragraph) => markRanges(paragraph.textContent ?? '', query, false).length > 0);
	for (const paragraph of paragraphs) {
		const value = paragraph.textContent ?? '';
		const parts: Node[] = [];
		let from = 0;
		for (const [start, end] of markRanges(value, query, !hasPhrase)) {
			parts.push(document.createTextNode(value.slice(from, start)));
			const mark = document.createElement('mark');
			mark.className = MARK_CLASS;
			mark.textContent = value.slice(start, end);
			parts.push(mark);
			from = end;
		}
		if (parts.length === 0) continue;
		parts.push(document.createTextNode(value.slice(from)));
		paragraph.replaceChildren(...parts);
	}
}

/** Marks the words from the URL in the episode content and scrolls to the first mark in the target. */
export async function highlightFromUrl(): Promise<void> {
	const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
	// The first parameter is the whole query (see `highlightTerms`).
	const query = new URLSearchParams(location.search).get(HIGHLIGHT_PARAM) ?? '';
	const turn = target && isTurnId(target.id) ? target : null;
	if (turn) markTurn(turn, query);
	const module = (await import(/* @vite-ignore */ `${basePath()}pagefind/pagefind-highlight.js`)) as {
		default: new (options: PagefindHighlightOptions) => unknown;
	};
	// Styles come from the site's stylesheet: the script's own <style> would break the page's CSP.
	new module.default({
		highlightParam: HIGHLIGHT_PARAM,
		markContext: null,
		markOptions: {
			className: MARK_CLASS,
			exclude: ['[data-pagefind-ignore]', '[data-pagefind-ignore] *', ...(turn ? [`[id="${turn.id}"]`, `[id="${turn.id}"] *`] : [])],
		},
		addStyles: false,
	});
	const marks = [...document.querySelectorAll<HTMLElement>(`mark.${MARK_CLASS}`)];
	// The first mark inside the target or after it: the turn holds the words, the heading may not.
	const first =
		(target && marks.find((mark) => target.contains(mark) || target.compareDocumentPosition(mark) & Node.DOCUMENT_POSITION_FOLLOWING)) ?? marks[0];
	if (first) centreWhileLayoutSettles(first);
}

/** Frames to wait between two checks of a mark's place, and the most checks. */
const SETTLE_FRAMES = 2;
const SETTLE_CHECKS = 5;

/**
 * Centres `mark`, then again while it moves: turns skipped by rendering
 * (`content-visibility: auto`, laid out at an estimated height) take their
 * real height once the scroll brings them near the screen, which can push
 * the mark out of view after the first scroll.
 */
function centreWhileLayoutSettles(mark: HTMLElement, checks = SETTLE_CHECKS): void {
	mark.scrollIntoView({ block: 'center' });
	const top = mark.getBoundingClientRect().top;
	let frames = SETTLE_FRAMES;
	const wait = () => {
		if (--frames > 0) return void requestAnimationFrame(wait);
		if (checks > 1 && Math.abs(mark.getBoundingClientRect().top - top) > 1) centreWhileLayoutSettles(mark, checks - 1);
	};
	requestAnimationFrame(wait);
}
