/** The GitHub Actions workflows parse as YAML and hold the steps a deployment and a pull request need. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';

type Step = { name?: string; id?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> };
type Workflow = { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, { steps: Step[]; needs?: string; container?: string; environment?: { name: string } }> };

const load = (name: string) => parse(readFileSync(`.github/workflows/${name}`, 'utf8'), { strict: true, uniqueKeys: true }) as Workflow;
const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
const action = (steps: Step[], name: string) => steps.find((step) => step.uses?.split('@')[0] === name);

describe('deploy.yml', () => {
	const workflow = load('deploy.yml');
	const build = workflow.jobs.build!.steps;
	const deploy = workflow.jobs.deploy!;

	test('runs on push to main with the permissions Pages deployments need', () => {
		expect(workflow.on.push).toEqual({ branches: ['main'] });
		expect(workflow.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
	});

	test('installs with npm ci and builds with the strict ingest, Astro and Pagefind', () => {
		const steps = build.map((step) => step.run ?? step.uses?.split('@')[0]);
		expect(steps.indexOf('npm ci')).toBeGreaterThan(-1);
		expect(steps.indexOf('npm run build:strict')).toBeGreaterThan(steps.indexOf('npm ci'));
		expect(scripts['build:strict']).toBe('npm run ingest -- --strict && astro build && pagefind --site dist && tsx scripts/search-files.ts');
	});

	test('restores the entries of an earlier run before the build, so the ingest parses only what changed', () => {
		const cache = action(build, 'actions/cache')!;
		const run = build.find((step) => step.run === 'npm run build:strict')!;
		expect(cache.with).toMatchObject({ path: 'content/episodes', 'restore-keys': 'ingest-' });
		expect(String(cache.with!.key)).toMatch(/^ingest-\$\{\{ hashFiles\('content\/sources\/\*\*'/);
		expect(build.indexOf(cache)).toBeLessThan(build.indexOf(run));
	});

	test('takes the site URL and base path from the Pages settings', () => {
		const pages = action(build, 'actions/configure-pages')!;
		const run = build.find((step) => step.run === 'npm run build:strict')!;
		expect(run.env).toEqual({ SITE_URL: `\${{ steps.${pages.id}.outputs.origin }}`, BASE_PATH: `\${{ steps.${pages.id}.outputs.base_path }}/` });
		expect(build.indexOf(pages)).toBeLessThan(build.indexOf(run));
	});

	test('uploads dist/ and deploys it with the official actions', () => {
		expect(action(build, 'actions/upload-pages-artifact')?.with).toEqual({ path: 'dist' });
		expect(deploy.needs).toBe('build');
		expect(deploy.environment?.name).toBe('github-pages');
		expect(action(deploy.steps, 'actions/deploy-pages')).toBeDefined();
	});
});

describe('test.yml', () => {
	const workflow = load('test.yml');
	const job = workflow.jobs.test!;

	test('runs the whole suite on pull requests, on Debian, with nothing installed but npm packages', () => {
		expect(Object.keys(workflow.on)).toContain('pull_request');
		expect(job.container).toMatch(/bookworm/);
		expect(job.steps.map((step) => step.run).filter(Boolean)).toEqual(['bash .ci/run']);
		const ci = readFileSync('.ci/run', 'utf8');
		expect(ci).not.toContain('apt-get');
		expect(ci).toMatch(/export ARCHIVE_BROWSER=npm\nnpm ci\nnpm test/);
	});
});
