/**
 * The one median and quantile every report uses (bench, page speed, search
 * evaluation), so two reports of the same runs cannot disagree on a rule; the
 * search in the browser takes the reader's typing pace from it too.
 */

/**
 * The value at quantile `q` (0–1) of a list, by linear interpolation between
 * the two nearest ranks (so the median of an even count is the mean of the
 * middle two). Unsorted input is fine; `undefined` entries (a run that did
 * not measure this figure) are left out. `undefined` when nothing is left.
 */
export function quantile(values: readonly (number | undefined)[], q: number): number | undefined {
	const known = values.filter((value): value is number => value !== undefined && !Number.isNaN(value)).sort((a, b) => a - b);
	if (known.length === 0) return undefined;
	const rank = Math.min(1, Math.max(0, q)) * (known.length - 1);
	const low = Math.floor(rank);
	const high = Math.ceil(rank);
	return known[low]! + (known[high]! - known[low]!) * (rank - low);
}

/** The median of a list (see `quantile`); `undefined` for an empty one. */
export const median = (values: readonly (number | undefined)[]): number | undefined => quantile(values, 0.5);

/** The median of a list that must hold a figure (a run measured it): throws on an empty list. */
export function medianOf(values: readonly number[]): number {
	const value = median(values);
	if (value === undefined) throw new Error('median of nothing');
	return value;
}
