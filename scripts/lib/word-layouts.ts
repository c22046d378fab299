/**
 * The word layouts the quote search reads (src/client/search-layouts.ts):
 * for every page, which common stem stands at each position, cut into files
 * of `LAYOUT_POSITIONS` positions, built from the positions the word pairs
 * are built from (`readCommonWords`, word-pairs.ts).
 */
import { gzipSync } from 'node:zlib';
import { layoutFile, type LayoutsInfo } from '../../src/client/search-layouts.ts';
import { median } from '../../src/shared/stats.ts';
import type { CommonPositions } from './word-pairs.ts';

/**
 * Positions per file: about 1.5 KB gzipped at 2,000 episodes, so checking a
 * passage costs one or two files (1,024 would halve that and double the files
 * a host serves: 11,000 at 2,000 episodes).
 */
export const LAYOUT_POSITIONS = 2048;

/** One layout file: its name below `search/layouts/` and its bytes (gzipped). */
export interface LayoutFile {
	name: string;
	bytes: Uint8Array;
}

/**
 * Every page's layout as files: each position holds the number of the common
 * stem said there in `stems` (from 1; the pairs' index's order), 0 for any
 * other word. A page's files run to its last common word, and the last one
 * ends there. `pageHashes[n]` is page `n`'s hash. The same bytes on every build.
 */
export function layoutFiles({ stems: from, pages }: CommonPositions, stems: readonly string[], pageHashes: readonly string[], positions = LAYOUT_POSITIONS): { info: LayoutsInfo; files: LayoutFile[] } {
	const id = new Map(stems.map((s, i) => [s, i + 1]));
	// The positions' numbers are `from`'s; the files' are `stems`'s.
	const renumber = Uint8Array.from([0, ...from.map((s) => id.get(s) ?? 0)]);
	const files: LayoutFile[] = [];
	for (const page of [...pages.keys()].sort((a, b) => a - b)) {
		const said = pages.get(page)!;
		let end = said.length;
		while (end > 0 && said[end - 1] === 0) end--;
		for (let n = 0; n * positions < end; n++) {
			const part = said.slice(n * positions, Math.min(end, (n + 1) * positions)).map((stem) => renumber[stem]!);
			files.push({ name: layoutFile(pageHashes[page]!, n), bytes: gzipSync(part, { level: 9 }) });
		}
	}
	return { info: { positions, bytes: Math.round(median(files.map((file) => file.bytes.length)) ?? 0) }, files };
}
