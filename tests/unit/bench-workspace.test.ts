/**
 * The bench's work copy: the current scenario is the project's own build,
 * untouched; the alternatives change only what they claim to, and their
 * edits still find the project code they replace.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { benchConfig, CURRENT, ingestArgs, parseScenario, prepareWorkCopy, scenarioName } from '../../scripts/bench/workspace.ts';
import { CURRENT as REPORTED_CURRENT } from '../../scripts/bench/report.ts';

const repo = process.cwd();
const tmp = await mkdtemp(path.join(os.tmpdir(), 'bench-workspace-'));
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe('scenarios', () => {
	test('names read back, and the current pipeline is the one the report calls current', () => {
		for (const name of ['split+unified', 'frontmatter+satteri', 'body+unified', 'split+unified+incremental']) expect(scenarioName(parseScenario(name))).toBe(name);
		expect(scenarioName(CURRENT)).toBe(REPORTED_CURRENT);
	});

	test('the obsolete parser-patch flag and unknown parts are refused', () => {
		expect(() => parseScenario('split+unified+fast-parser')).toThrow(/in src\/ingest now/);
		expect(() => parseScenario('yaml+unified')).toThrow(/unknown content layout/);
		expect(() => parseScenario('split+unified+turbo')).toThrow(/unknown scenario flag/);
	});

	test('the current layout is ingested by the project’s own script, the others by the variant writer', () => {
		expect(ingestArgs(CURRENT)).toEqual(['scripts/ingest.ts']);
		expect(ingestArgs(parseScenario('frontmatter+unified'))).toEqual(['scripts/bench/ingest-variant.ts', '--layout', 'frontmatter']);
	});

	test('the bench config is the project’s config unless the processor or incremental build is swapped', () => {
		expect(benchConfig('unified')).toBe(`import config from './astro.config.mjs';\n\nexport default config;\n`);
		expect(benchConfig('satteri', true)).toMatch(/processor: satteri\(.*experimental: \{ \.\.\.config\.experimental, incrementalBuild: true \}/s);
	});
});

describe('prepareWorkCopy', () => {
	const file = (work: string, name: string) => readFile(path.join(work, name), 'utf8');
	const project = (name: string) => readFile(path.join(repo, name), 'utf8');

	test('current: the project’s content config, route and episode helpers, unchanged', async () => {
		const work = path.join(tmp, 'current');
		await prepareWorkCopy(repo, work, CURRENT);
		for (const name of ['src/content.config.ts', 'src/lib/episodes.ts', 'src/pages/episodes/[slug]/index.astro', 'astro.config.mjs']) {
			expect(await file(work, name)).toBe(await project(name));
		}
	});

	test('frontmatter: one MDX collection, and the page renders the episode entry itself', async () => {
		const work = path.join(tmp, 'frontmatter');
		await prepareWorkCopy(repo, work, parseScenario('frontmatter+unified'));
		expect(await file(work, 'src/content.config.ts')).toMatch(/pattern: '\*\.mdx'[\s\S]*EpisodeEntryFileSchema[\s\S]*collections = \{ episodes \}/);
		const episodes = await file(work, 'src/lib/episodes.ts');
		expect(episodes).toContain('\treturn render(episode);');
		expect(episodes).not.toContain(`getEntry('prose'`);
		expect(await file(work, 'src/pages/episodes/[slug]/index.astro')).toBe(await project('src/pages/episodes/[slug]/index.astro'));
	});
});
