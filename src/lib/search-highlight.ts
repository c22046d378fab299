/**
 * Marks the words a reader searched for on the page they landed on, with
 * Pagefind's highlight script, and brings the first of them into view.
 */
import { HIGHLIGHT_PARAM } from './search.ts';
import { basePath } from './search-client.ts';

interface PagefindHighlightOptions {
	highlightParam: string;
	markContext: string | null;
	markOptions: { className: string; exclude: string[] };
	addStyles: boolean;
}

/** Marks the words from the URL in the episode content and scrolls to the first mark in the target. */
export async function highlightFromUrl(): Promise<void> {
	const module = (await import(/* @vite-ignore */ `${basePath()}pagefind/pagefind-highlight.js`)) as {
		default: new (options: PagefindHighlightOptions) => unknown;
	};
	// Styles come from the site's stylesheet: the script's own <style> would break the page's CSP.
	new module.default({
		highlightParam: HIGHLIGHT_PARAM,
		markContext: null,
		markOptions: { className: 'search-highlight', exclude: ['[data-pagefind-ignore]', '[data-pagefind-ignore] *'] },
		addStyles: false,
	});
	const marks = [...document.querySelectorAll<HTMLElement>('mark.search-highlight')];
	const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
	// The first mark inside the target or after it: the turn holds the words, the heading may not.
	const first =
		(target && marks.find((mark) => target.contains(mark) || target.compareDocumentPosition(mark) & Node.DOCUMENT_POSITION_FOLLOWING)) ?? marks[0];
	first?.scrollIntoView({ block: 'center' });
}
