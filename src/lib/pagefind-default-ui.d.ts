/**
 * Types for the part of Pagefind's default UI the search page uses; the
 * package ships none. Options: https://pagefind.app/docs/ui/
 */
declare module '@pagefind/default-ui' {
	export interface PagefindUIOptions {
		element: string | HTMLElement;
		bundlePath?: string;
		baseUrl?: string;
		showSubResults?: boolean;
		showImages?: boolean;
		resetStyles?: boolean;
		autofocus?: boolean;
		pageSize?: number;
		excerptLength?: number;
		translations?: Record<string, string>;
	}
	export class PagefindUI {
		constructor(options: PagefindUIOptions);
		triggerSearch(term: string): void;
		destroy(): void;
	}
}
