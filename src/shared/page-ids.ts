/**
 * The ids an episode page gives its own parts, in one place for the templates
 * that set them and for the ingest, which must never give a heading, chapter or
 * turn one of them: a second element with the same id breaks the links, labels
 * and skip link that point at the first. `tests/e2e/page-ids.spec.ts` checks
 * on every built episode page that each id is either one of these or one of
 * the episode's own anchors.
 */

/** Ids of the page's fixed parts, by what they mark. */
export const PAGE_IDS = {
	/** `<main>`, where the skip link goes. */
	content: 'content',
	/** The sidebar's episode list, which the menu button opens. */
	episodeNav: 'episode-nav',
	/** The header's search field. */
	siteSearch: 'site-search',
	/** The search dialog's heading and field. */
	searchDialogTitle: 'search-dialog-title',
	searchDialogInput: 'search-dialog-input',
	/** The "On this page" heading. */
	tocHeading: 'toc-heading',
	/** The episode header, the first entry of "On this page". */
	pageTop: 'page-top',
	/** The episode's sections. */
	description: 'description',
	showNotes: 'show-notes',
	chapters: 'chapters',
	transcript: 'transcript',
	/** The episode's topics and its related episodes (src/lib/topics.ts). */
	episodeTopics: 'episode-topics',
	relatedEpisodes: 'related-episodes',
} as const;

/** `#top` goes to the top of any page unless an element takes the id, so none may. */
const BROWSER_ID = 'top';

/** The label of a month in the sidebar's episode list: `nav-2024-3`. */
export function navMonthId(year: number, month: number): string {
	return `nav-${year}-${month}`;
}

const PAGE_ID_SET: ReadonlySet<string> = new Set<string>([...Object.values(PAGE_IDS), BROWSER_ID]);

/** Whether the page itself uses `id` (or the browser gives it a meaning), so no content may take it. */
export function isPageId(id: string): boolean {
	return PAGE_ID_SET.has(id) || /^nav-\d{4}-\d{1,2}$/.test(id);
}
