import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseSiteConfig, resolveDeployment } from '../../scripts/site-config.ts';
import { joinBase, normalizeBasePath } from '../../src/shared/base-path.ts';
import { jsonSchemaFiles } from '../../src/schemas/json-schemas.ts';
import type { SiteConfig } from '../../src/schemas/site.ts';
import { testReturns } from './helpers/table.ts';

const config = parseSiteConfig(JSON.parse(readFileSync('content/site.json', 'utf8')));

describe('content/site.json', () => {
	test('is a valid configuration with the show and both hosts', () => {
		expect(config.show.name).toBe('Latent Space: The AI Engineer Podcast');
		expect(config.hosts.map((host) => host.name)).toEqual(['Alessio Fanelli', 'Shawn “swyx” Wang']);
		expect(config.base).toBe('/');
	});
});

describe('the names in content/site.json', () => {
	test('are written in no page file: pages, components, the layout and the site code read them from the configuration', () => {
		const names = [config.title, config.show.name, config.show.author].filter((name): name is string => Boolean(name));
		const files = ['src/pages', 'src/components', 'src/layouts', 'src/lib', 'src/client', 'src/shared'].flatMap((dir) =>
			readdirSync(dir, { recursive: true, encoding: 'utf8' })
				.filter((file) => /\.(astro|ts)$/.test(file))
				.map((file) => path.join(dir, file)),
		);
		expect(files.length).toBeGreaterThan(20);
		const written = files.flatMap((file) => names.filter((name) => readFileSync(file, 'utf8').includes(name)).map((name) => `${file}: ${name}`));
		expect(written).toEqual([]);
	});
});

describe('parseSiteConfig', () => {
	test('names the file and every wrong field, including typos in key names', () => {
		const broken = { ...config, url: 'example.org', base: 'archive', hosts: [{ ...config.hosts[0], url: 'javascript:alert(1)', nmae: 'x' }] };
		expect(() => parseSiteConfig(broken, 'content/site.json')).toThrowErrorMatchingInlineSnapshot(`
			[Error: content/site.json is not a valid site configuration:
			  - url: must be an absolute http(s) URL such as "https://example.org"
			  - base: a base path starts and ends with "/" (e.g. "/" or "/archive/") and holds only URL-safe path segments
			  - hosts[0].url: must be an absolute http(s) URL
			  - hosts[0]: Unrecognized key: "nmae"]
		`);
	});

	test('says which required field is missing', () => {
		const { show: _show, ...withoutShow } = config;
		expect(() => parseSiteConfig(withoutShow)).toThrow(/ - show: Invalid input: expected object, received undefined/);
	});
});

describe('normalizeBasePath', () => {
	testReturns('%j → %j', normalizeBasePath, [
		['', '/'],
		['/', '/'],
		['/repo', '/repo/'],
		['repo/', '/repo/'],
		['/a/b/', '/a/b/'],
	]);

	test('joinBase puts a site path under any spelling of the base', () => {
		for (const base of ['/archive', 'archive/', '/archive/']) expect(joinBase(base, '/episodes/x/')).toBe('/archive/episodes/x/');
		expect(joinBase('/', 'episodes/x/')).toBe('/episodes/x/');
	});
});

describe('resolveDeployment', () => {
	const base: SiteConfig = { ...config, url: 'https://archive.example.org', base: '/' };

	test('uses the configuration when the environment says nothing', () => {
		expect(resolveDeployment(base, {})).toEqual({ site: 'https://archive.example.org', base: '/' });
	});

	test('SITE_URL and BASE_PATH from GitHub Pages (configure-pages gives the base without its last slash)', () => {
		expect(resolveDeployment(base, { SITE_URL: 'https://owner.github.io', BASE_PATH: '/latent-space-archive' })).toEqual({
			site: 'https://owner.github.io',
			base: '/latent-space-archive/',
		});
	});

	test('a site URL with a path gives that path as the base, and an empty BASE_PATH is no override', () => {
		expect(resolveDeployment(base, { SITE_URL: 'https://owner.github.io/repo', BASE_PATH: '' })).toEqual({ site: 'https://owner.github.io', base: '/repo/' });
	});

	test('refuses values that would build broken links', () => {
		expect(() => resolveDeployment(base, { SITE_URL: 'owner.github.io' })).toThrow('SITE_URL “owner.github.io” is not an absolute URL such as https://example.org');
		expect(() => resolveDeployment(base, { SITE_URL: 'ftp://example.org' })).toThrow('must use http or https');
		expect(() => resolveDeployment(base, { BASE_PATH: '/a b/' })).toThrow(/base path “\/a b\/”/);
	});
});

describe('JSON Schemas for editors', () => {
	test('content/*.schema.json are up to date with the zod schemas (`npm run schemas` writes them)', () => {
		for (const [name, text] of Object.entries(jsonSchemaFiles())) expect(readFileSync(`content/${name}`, 'utf8'), name).toBe(text);
	});
});
