/**
 * Time deep links: `#t=1:02:03`, `?t=1:02:03` or plain seconds (`#t=3723`)
 * name a moment of the episode; the page scrolls to the turn that covers it.
 * Pure functions, shared by the episode page's script and the unit tests.
 */
import { parseTime } from '../shared/time.ts';

/**
 * Reads a deep-link time: `1:02:03`, `62:03`, `3723`, a Media Fragments
 * value (`3723.5`, `npt:1:02:03`, `1:02:03,1:05:00` — the start counts) or
 * `1h2m3s`. Returns whole seconds, or `undefined` for anything else.
 */
export function parseDeepLinkTime(value: string): number | undefined {
	const start = decodeURIComponent(value).trim().replace(/^npt:/, '').split(',')[0]!.trim();
	const decimal = /^(\d+)(?:\.\d+)?$/.exec(start);
	if (decimal) return Number(decimal[1]);
	const units = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/i.exec(start);
	if (units && start !== '') return Number(units[1] ?? 0) * 3600 + Number(units[2] ?? 0) * 60 + Number(units[3] ?? 0);
	return parseTime(start.replace(/\.\d+$/, ''));
}

/** What a page address asks for. */
export type DeepLink =
	| { kind: 'time'; seconds: number }
	/** `#t=` or `?t=` with a value that is not a time. */
	| { kind: 'bad-time'; value: string }
	| { kind: 'anchor'; id: string }
	| { kind: 'none' };

/**
 * Reads the fragment and query of an address. A `t=` in the fragment wins
 * over one in the query, as the fragment is the more specific part of a link.
 */
export function readDeepLink(hash: string, search: string): DeepLink {
	const fragment = hash.replace(/^#/, '');
	const fromHash = /^(?:.*&)?t=([^&]*)/.exec(fragment)?.[1];
	const value = fromHash ?? new URLSearchParams(search).get('t') ?? undefined;
	if (value !== undefined) {
		const seconds = parseDeepLinkTime(value);
		return seconds === undefined ? { kind: 'bad-time', value } : { kind: 'time', seconds };
	}
	if (fragment) {
		try {
			return { kind: 'anchor', id: decodeURIComponent(fragment) };
		} catch {
			return { kind: 'anchor', id: fragment };
		}
	}
	return { kind: 'none' };
}

/**
 * The index of the turn that covers `seconds`: the last turn that starts at
 * or before it (turns without a start belong to the last known start). A
 * moment before the first known start is the first turn's; one after the end
 * of the episode (`duration`) is out of range and gives `undefined`.
 */
export function turnAt(seconds: number, starts: readonly (number | undefined)[], duration: number): number | undefined {
	if (starts.length === 0 || seconds > duration) return undefined;
	let found = 0;
	for (const [index, start] of starts.entries()) {
		if (start === undefined) continue;
		if (start > seconds) break;
		// The first turn starting at this moment covers it, not the ones after it without their own start.
		if (start < seconds || starts[found] !== start) found = index;
	}
	return found;
}
