/**
 * Times are whole seconds everywhere; this is the one parser and the one set
 * of formatters for them.
 */

/** A bracketed timestamp as the dump writes it: `[00:01:14]`, `[0:09:16]` or `[01:14]`. */
export const TIMESTAMP_SOURCE = String.raw`\[(\d{1,2}):(\d{2})(?::(\d{2}))?\]`;

/**
 * Reads the numbers of a timestamp (`h:mm:ss` or `mm:ss`) into seconds.
 * Returns `undefined` when minutes or seconds are out of range, so callers can
 * report the timestamp as unreadable instead of inventing a time.
 */
export function timestampToSeconds(first: string, second: string, third?: string): number | undefined {
	const [h, m, s] = third === undefined ? [0, Number(first), Number(second)] : [Number(first), Number(second), Number(third)];
	if (![h, m, s].every(Number.isInteger) || (third !== undefined && m > 59) || s > 59) return undefined;
	return h * 3600 + m * 60 + s;
}

/** Parses a whole timestamp string (`[00:01:14]`, `1:02:03`, `74`, `1:14`) into seconds. */
export function parseTime(text: string): number | undefined {
	const trimmed = text.trim().replace(/^\[|\]$/g, '');
	if (/^\d+$/.test(trimmed)) return Number(trimmed);
	const match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(trimmed);
	return match ? timestampToSeconds(match[1]!, match[2]!, match[3]) : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Formats seconds for readers: `1:02:03`, or `02:03` under an hour. */
export function formatTime(seconds: number): string {
	const h = Math.floor(seconds / 3600);
	const m = Math.floor((seconds % 3600) / 60);
	const s = seconds % 60;
	return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/** Formats seconds as an ISO 8601 duration (`PT1H2M3S`) for `<time datetime>` and JSON-LD. */
export function isoDuration(seconds: number): string {
	const h = Math.floor(seconds / 3600);
	const m = Math.floor((seconds % 3600) / 60);
	const s = seconds % 60;
	const parts = `${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
	return `PT${parts}`;
}

/** Formats seconds as a WebVTT cue time (`01:02:03.000`). */
export function vttTime(seconds: number): string {
	return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}.000`;
}

/** Formats seconds as a SubRip cue time (`01:02:03,000`): WebVTT's with a comma before the milliseconds. */
export function srtTime(seconds: number): string {
	return vttTime(seconds).replace('.', ',');
}

/** Formats a duration for humans: `1 h 02 min`, `48 min`. */
export function formatDuration(seconds: number): string {
	const h = Math.floor(seconds / 3600);
	const m = Math.round((seconds % 3600) / 60);
	return h > 0 ? `${h} h ${pad(m)} min` : `${m} min`;
}
