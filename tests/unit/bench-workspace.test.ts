/**
 * The bench's work copy: the project's own build, untouched, in a folder of
 * its own; a cold build starts from nothing the last one left.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { clean, prepareWorkCopy } from '../../scripts/bench/workspace.ts';

const repo = process.cwd();
const tmp = await mkdtemp(path.join(os.tmpdir(), 'bench-workspace-'));
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe('prepareWorkCopy', () => {
	test('copies the project’s config, content config, routes and helpers unchanged, with no sources of its own', async () => {
		const work = path.join(tmp, 'work');
		await prepareWorkCopy(repo, work);
		for (const name of ['src/content.config.ts', 'src/lib/episodes.ts', 'src/pages/episodes/[slug]/index.astro', 'astro.config.mjs', 'content/site.json']) {
			expect(await readFile(path.join(work, name), 'utf8'), name).toBe(await readFile(path.join(repo, name), 'utf8'));
		}
		expect(await readdir(path.join(work, 'content', 'sources'))).toEqual([]);
	});
});

describe('clean', () => {
	test('removes the generated entries, the build and the caches, and keeps the sources', async () => {
		const work = path.join(tmp, 'clean');
		for (const dir of ['content/episodes', 'content/sources', 'dist', '.astro']) {
			await mkdir(path.join(work, dir), { recursive: true });
			await writeFile(path.join(work, dir, 'x'), '');
		}
		await clean(work);
		expect((await readdir(work, { recursive: true })).sort()).toEqual(['content', 'content/sources', 'content/sources/x']);
	});
});
