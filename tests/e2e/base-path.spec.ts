import { expect, test } from '@playwright/test';

/*
 * Run by `npm run test:e2e:base` against the build in dist-base/, made for
 * https://example.org/archive/ and served under /archive/ (the other specs
 * run against the root build and skip this file).
 */
test.describe('under a base path @base-path', () => {
	test.beforeEach(({ baseURL }) => {
		expect(new URL(baseURL!).pathname, 'run with BASE_PATH=/archive/').toBe('/archive/');
	});

	test('pages, styles and links stay under the base path', async ({ page }) => {
		const failed: string[] = [];
		page.on('response', (response) => {
			if (response.status() >= 400) failed.push(response.url());
		});
		await page.goto('');
		await expect(page.locator('h1')).toHaveText('Latent Space Archive');
		// The stylesheet loaded: the header is laid out as a flex row.
		await expect(page.locator('.site-header')).toHaveCSS('display', 'flex');
		for (const href of await page.locator('a[href^="/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!))) {
			expect(href.startsWith('/archive/'), href).toBe(true);
		}
		await page.locator('.episode-list a').first().click();
		await expect(page).toHaveURL(/\/archive\/episodes\/[^/]+\/$/);
		await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /^https:\/\/example\.org\/archive\/episodes\//);
		expect(failed).toEqual([]);
	});

	test('time deep links and copy link work under the base path', async ({ page, context, baseURL }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		const path = 'episodes/why-google-failed-to-make-gpt-3-why-multimodal-agents-are/';
		await page.goto(`${path}#t=1:14`);
		await expect(page.locator('[data-landed]')).toHaveAttribute('id', 't-01-14');
		await page.locator('#t-01-14').hover();
		await page.locator('#t-01-14').getByRole('button', { name: 'Copy link to 01:14' }).click();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(new URL(`${path}#t-01-14`, baseURL).href);
	});

	test('search finds topics and episodes and links to them under the base path', async ({ page }) => {
		await page.goto('search/?q=Adept');
		const results = page.locator('.search-result-title');
		await expect(results.first()).toBeVisible({ timeout: 15_000 });
		// The topic named by the query leads (topics in search), then its episodes; every link stays under the base.
		const hrefs = await results.evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
		expect(hrefs[0]).toMatch(/^\/archive\/topics\/adept\/$/);
		expect(hrefs.slice(1).length).toBeGreaterThan(0);
		for (const href of hrefs.slice(1)) expect(href).toMatch(/^\/archive\/episodes\//);
		await results.nth(1).click();
		await expect(page).toHaveURL(/\/archive\/episodes\//);
		await expect(page.locator('h1')).toBeVisible();
	});

	test('the feed, robots.txt and the 404 page point under the base path', async ({ page, request }) => {
		const feed = await (await request.get('rss.xml')).text();
		expect(feed).toContain('<podcast:chapters url="https://example.org/archive/episodes/');
		expect(await (await request.get('robots.txt')).text()).toContain('Sitemap: https://example.org/archive/sitemap-index.xml');
		const response = await page.goto('no-such-page/');
		expect(response?.status()).toBe(404);
		await expect(page.locator('h1')).toHaveText('This page is not in the archive');
		await expect(page.locator('#not-found-search')).toHaveValue('no such page');
	});
});
