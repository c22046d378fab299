/**
 * Everything the search runs in the browser, as one module that pages load
 * with a dynamic import when a reader starts to search or lands from a
 * result. One entry means one chunk: the small scripts every page carries
 * import nothing statically, so search costs a page nothing until it is used.
 */
export { startDialogSearch } from './search-dialog.ts';
export { highlightFromUrl } from './search-highlight.ts';
export { startPageSearch } from './search-page.ts';
// The search itself, for the tests that check ranking and landing through the code readers run.
export { resultViews, search } from './search-client.ts';
