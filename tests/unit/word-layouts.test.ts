import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { layoutFiles, LAYOUT_POSITIONS } from '../../scripts/lib/word-layouts.ts';
import { commonPositions } from '../../scripts/lib/word-pairs.ts';
import { holdsLayout, type PageLayout } from '../../src/client/search-layouts.ts';

/**
 * Two words' entries for one page (number 326, `en_f6459cb`) in the seed's
 * Pagefind index (`to`, `want`), as in word-pairs.test.ts: Chromium's
 * Pagefind returned 22, 70, 99, … for `to` there; `want` at 864, 977, 1094.
 */
const TO = ['to', [[326, [-9, 4182, 26, 7773, -25, 70, 29, 6, 46], []]]] as const;
const WANT = ['want', [[326, [-25, 864, 113, 117], []]]] as const;
const HASHES = Object.assign(Array.from({ length: 327 }, (_, n) => `en_${n}`), { 326: 'en_f6459cb' });

/** The layout files of the page, ungzipped, by number. */
function unzipped(files: { name: string; bytes: Uint8Array }[]): PageLayout {
	return new Map(files.map(({ name, bytes }) => [Number(/-(\d+)\.bin$/.exec(name)![1]), new Uint8Array(gunzipSync(bytes))]));
}

describe('a page’s word layout, in files of positions', () => {
	const positions = commonPositions([[[TO as never, WANT as never]]], ['to', 'want']);

	it('holds each common stem’s number where Pagefind says it stands, and 0 elsewhere', () => {
		const { files } = layoutFiles(positions, ['to', 'want'], HASHES);
		// `to` last stands at 11,981: files 0 to 5, the last cut after it.
		expect(files.map((file) => file.name)).toEqual([0, 1, 2, 3, 4, 5].map((n) => `en_f6459cb-${n}.bin`));
		const layout = unzipped(files);
		expect(layout.get(5)!.length).toBe((11981 % LAYOUT_POSITIONS) + 1);
		const at = (position: number) => layout.get(Math.floor(position / LAYOUT_POSITIONS))![position % LAYOUT_POSITIONS];
		for (const position of [70, 99, 105, 151, 4182, 4208, 11981]) expect(at(position)).toBe(1);
		for (const position of [864, 977, 1094]) expect(at(position)).toBe(2);
		expect(at(71)).toBe(0);
		expect([...layout.values()].reduce((sum, file) => sum + (file?.filter((id) => id > 0).length ?? 0), 0)).toBe(10);
	});

	it('numbers stems as the pairs’ index lists them, whatever order they were read in', () => {
		const layout = unzipped(layoutFiles(positions, ['want', 'to'], HASHES).files);
		expect(layout.get(0)![70]).toBe(2);
		expect(layout.get(0)![864]).toBe(1);
	});

	it('is the same bytes on every build', () => {
		const once = layoutFiles(positions, ['to', 'want'], HASHES);
		const again = layoutFiles(commonPositions([[[TO as never, WANT as never]]], ['to', 'want']), ['to', 'want'], HASHES);
		expect(again.files).toEqual(once.files);
		expect(once.info).toEqual({ positions: LAYOUT_POSITIONS, bytes: expect.any(Number) });
	});

	it('tells the browser where the quote’s common words stand', () => {
		const layout = unzipped(layoutFiles(positions, ['to', 'want'], HASHES).files);
		// `to` at 4,182 and 4,208: a quote with `to` at its places 0 and 26, any other word at place 1.
		const expected = new Map([[0, 1], [1, 0], [26, 1]]);
		expect(holdsLayout(layout, 4182, expected, LAYOUT_POSITIONS)).toBe(true);
		expect(holdsLayout(layout, 70, expected, LAYOUT_POSITIONS)).toBe(false);
	});
});
