/** Reading Pagefind's own files: a CBOR decoder checked on RFC 8949 examples, and the layouts on an index the installed Pagefind writes. */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, expect, test } from 'vitest';
import { chunksForPrefix, chunkWords, decodeCbor, decodePagefindFile, metaChunks, metaPageCount } from '../../scripts/bench/pagefind-files.ts';

const bytes = (hex: string) => Uint8Array.from(Buffer.from(hex.replace(/\s/g, ''), 'hex'));

test('decodes the CBOR items Pagefind writes (examples from RFC 8949, appendix A)', () => {
	expect(decodeCbor(bytes('17'))).toBe(23);
	expect(decodeCbor(bytes('1903e8'))).toBe(1000);
	expect(decodeCbor(bytes('1a000f4240'))).toBe(1_000_000);
	expect(decodeCbor(bytes('1b000000e8d4a51000'))).toBe(1_000_000_000_000);
	expect(decodeCbor(bytes('3863'))).toBe(-100);
	expect(decodeCbor(bytes('6449455446'))).toBe('IETF');
	expect(decodeCbor(bytes('62c3bc'))).toBe('ü');
	expect(decodeCbor(bytes('4401020304'))).toEqual(Uint8Array.from([1, 2, 3, 4]));
	expect(decodeCbor(bytes('8301820203820405'))).toEqual([1, [2, 3], [4, 5]]);
	expect(decodeCbor(bytes('9f018202039f0405ffff'))).toEqual([1, [2, 3], [4, 5]]);
	expect(decodeCbor(bytes('a26161016162820203'))).toEqual({ a: 1, b: [2, 3] });
	expect(decodeCbor(bytes('bf6346756ef563416d7421ff'))).toEqual({ Fun: true, Amt: -2 });
	expect(decodeCbor(bytes('f4'))).toBe(false);
	expect(decodeCbor(bytes('f6'))).toBe(null);
	expect(decodeCbor(bytes('fb3ff199999999999a'))).toBe(1.1);
	expect(decodeCbor(bytes('c11a514b67b0'))).toBe(1363896240);
	expect(() => decodeCbor(bytes('83 01 02'))).toThrow(/end of data/);
});

test('a prefix look-up loads every chunk whose word range meets the words starting with it', () => {
	const chunks = [
		{ from: 'a', to: 'open', hash: '1' },
		{ from: 'openai', to: 'sot', hash: '2' },
		{ from: 'sou', to: 'sourc', hash: '3' },
		{ from: 'sourceabl', to: 'space', hash: '4' },
		{ from: 'spam', to: 'z', hash: '5' },
	];
	expect(chunksForPrefix(chunks, 'sourc').map((c) => c.hash)).toEqual(['3', '4']);
	expect(chunksForPrefix(chunks, 'open').map((c) => c.hash)).toEqual(['1', '2']);
	expect(chunksForPrefix(chunks, 'zz')).toEqual([]);
});

const out = await mkdtemp(path.join(tmpdir(), 'pagefind-files-'));
afterAll(async () => {
	await pagefind.close();
	await rm(out, { recursive: true, force: true });
});

test('reads the page list, the chunk list and the words of an index Pagefind writes', async () => {
	const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
	expect(errors).toEqual([]);
	const records = [
		{ url: '/a/', content: 'Open models and open weights: why open matters.' },
		{ url: '/b/', content: 'The open web is where podcasts live.' },
		{ url: '/c/', content: 'Closed weights, closed doors.' },
	];
	for (const record of records) {
		const added = await index!.addCustomRecord({ ...record, language: 'en', meta: { title: record.url } });
		expect(added.errors).toEqual([]);
	}
	expect((await index!.writeFiles({ outputPath: out })).errors).toEqual([]);

	const metaName = (await readdir(out)).find((name) => name.endsWith('.pf_meta'))!;
	const meta = decodePagefindFile(await readFile(path.join(out, metaName)));
	expect(metaPageCount(meta)).toBe(3);
	const chunks = metaChunks(meta);
	expect(chunks.length).toBeGreaterThan(0);
	const [chunk] = chunksForPrefix(chunks, 'open');
	const words = chunkWords(decodePagefindFile(await readFile(path.join(out, 'index', `${chunk!.hash}.pf_index`))));
	// “open” three times on /a/ (the title is a separate field), once on /b/.
	expect(words.find((w) => w.word === 'open')).toEqual({ word: 'open', pages: 2, positions: 4 });
	// Stemmed as Pagefind stores it: “closed” twice on one page.
	expect(words.find((w) => w.word === 'close')).toEqual({ word: 'close', pages: 1, positions: 2 });
	expect(words[0]!.word).toBe('open');
});
