/**
 * Browsing by topic on the production build: from an episode's topics to a
 * topic page, from a mention to the turn it quotes; related episodes on every
 * episode page; the topic index, its filter without script, /topics.json;
 * axe on the index and a topic page in both themes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { LIST_PAGE_LIMIT } from '../../src/lib/archive.ts';
import { YEAR_PAGE_MENTIONS } from '../../src/lib/topic-views.ts';
import { TopicsFileSchema } from '../../src/schemas/topic.ts';

const dir = process.env.ARCHIVE_OUT_DIR ?? 'dist';
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const episodes: { slug: string }[] = JSON.parse(readFileSync(path.join(dir, 'episodes.json'), 'utf8')).episodes;
const topics = TopicsFileSchema.parse(JSON.parse(readFileSync(path.join(process.env.ARCHIVE_EPISODES_DIR ?? 'content/episodes', '.topics.json'), 'utf8')));
const AXOLOTL_EPISODE = 'the-busy-persons-intro-to-finetuning-and-open-source-ai-wing';

test('a show-notes item’s topic link leads to the topic page, whose mention lands on the turn, marked', async ({ page }) => {
	await page.goto(`episodes/${AXOLOTL_EPISODE}/`);
	const item = page.locator('#description li', { hasText: 'Axolotl GitHub and Discord' });
	await item.getByRole('link', { name: 'topic: Axolotl' }).click();
	await expect(page).toHaveURL(/\/topics\/axolotl\/$/);
	await expect(page.locator('h1')).toHaveText('Axolotl');
	const mention = page.locator('.mentions li').first();
	const excerpt = (await mention.locator('q').textContent())!.replace(/^… /, '').replace(/ …$/, '');
	const href = await mention.locator('a').getAttribute('href');
	const turn = href!.split('#')[1]!;
	await mention.locator('a').click();
	await expect(page).toHaveURL(new RegExp(`/episodes/${AXOLOTL_EPISODE}/#${turn}$`));
	const target = page.locator(`#${turn}`);
	await expect(target).toBeInViewport();
	await expect(target).toContainText(excerpt.slice(0, 60));
	await expect(target).toContainText('Axolotl');
	// Marked: the turn is the page's :target, which the stylesheet highlights.
	expect(await target.evaluate((element) => element.matches(':target'))).toBe(true);
	await expect(target).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
});

test('a chapter title that names a topic links to it, and the episode lists its topics', async ({ page }) => {
	await page.goto(`episodes/${AXOLOTL_EPISODE}/`);
	await expect(page.locator('.episode-topics').getByRole('link', { name: 'Axolotl', exact: true })).toHaveAttribute('href', /\/topics\/axolotl\/$/);
	const link = page.locator('.chapter-topic', { hasText: 'Axolotl' }).first();
	await expect(link).toHaveAttribute('href', /\/topics\/axolotl\/$/);
});

test('related episodes on every episode page, 3 to 5, never the page itself', async ({ request }) => {
	expect(episodes.length).toBeGreaterThan(40);
	for (const { slug } of episodes) {
		const html = await (await request.get(`episodes/${slug}/`)).text();
		const section = /<section class="related"[\s\S]*?<\/section>/.exec(html)?.[0];
		expect(section, slug).toBeDefined();
		const links = [...section!.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]!);
		expect(links.length, slug).toBeGreaterThanOrEqual(3);
		expect(links.length, slug).toBeLessThanOrEqual(5);
		expect(links.some((href) => href.endsWith(`/episodes/${slug}/`)), `${slug} relates to itself`).toBe(false);
		expect(section, slug).toMatch(/also (?:about|with|on) /);
	}
});

test('the topic index lists every topic A to Z, links from the header, and filters by kind without script', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('episodes/');
	await page.locator('.site-nav').getByRole('link', { name: 'Topics' }).click();
	await expect(page).toHaveURL(/\/topics\/$/);
	const items = page.locator('.topic-list li');
	await expect(items).toHaveCount(topics.topics.filter((t) => t.episodes.length > 0).length);
	const names = await page.locator('.topic-list li > a').allTextContents();
	expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
	await page.locator('label[for="kind-person"]').click();
	const visible = page.locator('.topic-list li:visible');
	const people = topics.topics.filter((t) => t.kind === 'person').length;
	await expect(visible).toHaveCount(people);
	for (const kind of await visible.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-kind')))) expect(kind).toBe('person');
	await context.close();
});

test('/topics.json lists every topic with its page and episodes', async ({ request }) => {
	const body = await (await request.get('topics.json')).json();
	expect(body.version).toBe(1);
	const axolotl = body.topics.find((t: { id: string }) => t.id === 'axolotl');
	expect(axolotl).toMatchObject({ name: 'Axolotl', kind: 'product' });
	expect(axolotl.url).toMatch(/\/topics\/axolotl\/$/);
	expect(axolotl.episodes[0].slug).toBe(AXOLOTL_EPISODE);
});

test('a topic page has its own title, description and DefinedTerm JSON-LD with the episodes', async ({ page }) => {
	await page.goto('topics/axolotl/');
	await expect(page).toHaveTitle(/^Axolotl: Latent Space episodes/);
	await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /^Axolotl \(product or project\) on Latent Space: The AI Engineer Podcast: /);
	const ld = (await page.locator('script[type="application/ld+json"]').allTextContents()).flatMap((text) => [JSON.parse(text)].flat());
	const term = ld.find((item) => item['@type'] === 'DefinedTerm');
	expect(term.name).toBe('Axolotl');
	expect(term.subjectOf[0].url).toMatch(new RegExp(`/episodes/${AXOLOTL_EPISODE}/$`));
});

test('topic pages are in the sitemap', async ({ request }) => {
	const index = await (await request.get('sitemap-index.xml')).text();
	const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
	const all = (await Promise.all(maps.map(async (p) => (await request.get(p.replace(/^\//, ''))).text()))).join('');
	expect(all).toContain('/topics/axolotl/');
	expect(all).toContain('/topics/</loc>');
});

test('a topic said in many episodes lists the latest on its page and every episode on a page per year', async ({ page, request }) => {
	const busiest = [...topics.topics].sort((a, b) => b.episodes.length - a.episodes.length)[0]!;
	expect(busiest.episodes.length).toBeGreaterThan(LIST_PAGE_LIMIT);
	await page.goto(`topics/${busiest.id}/`);
	const listed = page.locator('.episode-list > li');
	await expect(listed).toHaveCount(LIST_PAGE_LIMIT);
	await expect(page.getByRole('heading', { name: 'Latest episodes' })).toBeVisible();
	const years = page.getByRole('navigation', { name: `Episodes about ${busiest.name} by year` }).getByRole('link');
	const hrefs = await years.evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
	expect(hrefs.length).toBeGreaterThan(1);
	// JSON-LD names the episodes the page lists, not every one.
	const ld = (await page.locator('script[type="application/ld+json"]').allTextContents()).flatMap((text) => [JSON.parse(text)].flat());
	expect(ld.find((item) => item['@type'] === 'DefinedTerm').subjectOf).toHaveLength(LIST_PAGE_LIMIT);
	// The year pages together list every episode, once, newest first.
	const slugs: string[] = [];
	for (const href of hrefs) {
		await page.goto(href);
		const year = /\/(\d{4})\/$/.exec(href)![1]!;
		await expect(page.locator('h1')).toHaveText(`${busiest.name} in ${year}`);
		await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`/topics/${busiest.id}/${year}/$`));
		await expect(page.locator('.breadcrumbs a').last()).toHaveAttribute('href', new RegExp(`/topics/${busiest.id}/$`));
		await expect(page.locator('[aria-current="page"]', { hasText: year })).toBeVisible();
		const crumbs = (await page.locator('script[type="application/ld+json"]').allTextContents()).map((text) => JSON.parse(text)).find((item) => item['@type'] === 'BreadcrumbList');
		expect(crumbs.itemListElement.at(-1)).toMatchObject({ name: year });
		slugs.push(...(await page.locator('.episode-list > li h3 a').evaluateAll((links) => links.map((link) => /\/episodes\/([^/]+)\/$/.exec(link.getAttribute('href')!)![1]!))));
		// A mention on a year page lands on its turn like one on the topic's page; few are quoted per episode.
		await expect(page.locator('.mentions a').first()).toHaveAttribute('href', /#t-/);
		for (const count of await page.locator('.episode-list > li').evaluateAll((items) => items.map((item) => item.querySelectorAll('.mentions q').length))) {
			expect(count).toBeLessThanOrEqual(YEAR_PAGE_MENTIONS);
		}
	}
	expect(slugs).toEqual(busiest.episodes.map((e) => e.slug));
	const index = await (await request.get('sitemap-index.xml')).text();
	const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
	const all = (await Promise.all(maps.map(async (p) => (await request.get(p.replace(/^\//, ''))).text()))).join('');
	for (const href of hrefs) expect(all).toContain(`${href}</loc>`);
});

for (const path of ['topics/', 'topics/axolotl/', 'topics/openai/2024/']) {
	test(`${path}: axe (WCAG 2.2 AA) in both themes`, async ({ page }) => {
		for (const scheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme: scheme });
			await page.goto(path);
			const { violations } = await new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] }).withTags(WCAG).analyze();
			expect(violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')} — ${v.nodes[0]?.failureSummary}`), scheme).toEqual([]);
		}
	});
}

test('search narrows to a topic: only the episodes that name it', async ({ page }) => {
	const mamba = topics.topics.find((t) => t.id === 'mamba')!;
	expect(mamba.episodes.length).toBeGreaterThan(1);
	await page.goto('search/?q=model&topic=Mamba');
	await expect(page.locator('select[name="topic"]')).toHaveValue('Mamba');
	const titles = page.locator('.search-result-title');
	await expect(titles.first()).toBeVisible({ timeout: 15_000 });
	const hrefs = await titles.evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
	expect(hrefs.length).toBeGreaterThan(0);
	for (const href of hrefs) expect(mamba.episodes.map((e) => e.slug)).toContain(/\/episodes\/([^/]+)\//.exec(href)![1]);
});
