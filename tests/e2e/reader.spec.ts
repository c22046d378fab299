import { chromium, expect, test, type Page } from '@playwright/test';
import { browserLaunchOptions } from '../../scripts/lib/browser.ts';
import { archiveEpisodes } from './archive-episodes.ts';

const archive = archiveEpisodes();

const DAVID = 'episodes/why-google-failed-to-make-gpt-3-why-multimodal-agents-are/';
const SOUMITH = 'episodes/open-source-ai-is-ai-we-can-trust-with-soumith-chintala-of/';
const NO_TRANSCRIPT = 'episodes/the-four-wars-of-the-ai-stack-dec-2023-audio-recap/';

/** Each turn's id and start time (`data-t`, absent for turns the dump gives no time). */
async function turnStarts(page: Page) {
	return page.locator('.turn').evaluateAll((turns) => turns.map((turn) => ({ id: turn.id, t: turn.getAttribute('data-t') })));
}

/** The longest transcript's slug, its last turn's id and that turn's last words: far below the first screen. */
function longestTranscriptEnd() {
	const longest = archive.filter((episode) => episode.transcript).sort((a, b) => b.transcript!.turns.length - a.transcript!.turns.length)[0]!;
	const last = longest.transcript!.turns.at(-1)!;
	return { slug: longest.slug, last: last.id, words: last.paragraphs.at(-1)!.text };
}

test.describe('reading an episode', () => {
	test('the home page leads to an episode', async ({ page }) => {
		await page.goto('');
		await expect(page.locator('h1')).toHaveText('Latent Space Archive');
		await expect(page.locator('.stats')).toContainText('episodes');
		const first = page.locator('.episode-list a').first();
		const title = await first.innerText();
		await first.click();
		await expect(page.locator('h1')).toHaveText(title);
		await expect(page.locator('.sidebar [aria-current="page"]')).toHaveText(title);
	});

	test('the navigation lists the current year’s episodes and links every other year to its page', async ({ page }) => {
		for (const [path, year, other] of [
			[DAVID, '2024', '2023'],
			['episodes/the-state-of-silicon-and-the-gpu-poors-with-dylan-patel-of/', '2023', '2024'],
		] as const) {
			await page.goto(path);
			const nav = page.locator('#episode-nav');
			await expect(nav.locator('details[open] summary')).toContainText(year);
			await expect(nav.locator('details')).toHaveCount(1);
			// As many links as the year's count says, and no more.
			const count = Number.parseInt(await nav.locator('details summary .nav-count').innerText(), 10);
			expect(count).toBeGreaterThan(1);
			await expect(nav.locator('details a')).toHaveCount(count);
			await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
			const link = nav.locator('a.nav-year-link');
			await expect(link).toContainText(other);
			await link.click();
			await expect(page).toHaveURL(new RegExp(`/episodes/${other}/$`));
			await expect(page.locator('h1')).toHaveText(`Episodes of ${other}`);
			const dates = await page.locator('.episode-item-date time').evaluateAll((times) => times.map((time) => time.getAttribute('datetime')!));
			expect(dates.length).toBe(archive.filter((episode) => episode.published.getUTCFullYear() === Number(other)).length);
			expect(dates.every((date) => date.startsWith(other))).toBe(true);
		}
	});

	test('the index keeps every year’s anchor, leading to that year’s page', async ({ page }) => {
		for (const year of ['2023', '2024']) {
			await page.goto(`episodes/#y${year}`);
			const section = page.locator(`#y${year}`);
			await expect(section).toBeInViewport();
			await page.locator(`section:has(> #y${year})`).getByRole('link').click();
			await expect(page).toHaveURL(new RegExp(`/episodes/${year}/$`));
			await expect(page.locator('.year-links [aria-current="page"]')).toHaveText(year);
		}
	});

	test('a host in every episode has a bounded page and one page per year', async ({ page }) => {
		await page.goto('speakers/swyx/');
		const listed = await page.locator('.episode-item').count();
		const years = page.locator('.year-links a');
		const counts = await page.locator('.year-links li').evaluateAll((items) => items.map((item) => Number(/\((\d+)\)/.exec(item.textContent!)![1])));
		expect(counts.reduce((sum, n) => sum + n, 0)).toBeGreaterThan(listed);
		const first = (await years.first().innerText()).trim();
		await years.first().click();
		await expect(page).toHaveURL(new RegExp(`/speakers/swyx/${first}/$`));
		await expect(page.locator('.episode-item')).toHaveCount(counts[0]!);
		await expect(page.locator('.breadcrumbs')).toContainText('Shawn “swyx” Wang');
	});

	test('a #t= deep link lands on the turn that covers that moment', async ({ page }) => {
		await page.goto(`${SOUMITH}#t=1:02:03`);
		const starts = await turnStarts(page);
		// The turn covering 3723 s: the last one starting at or before it.
		const expected = starts.filter((s) => s.t !== null && Number(s.t) <= 3723).at(-1)!.id;
		const landed = page.locator('[data-landed]');
		await expect(landed).toHaveAttribute('id', expected);
		await expect(landed).toBeInViewport();
		await expect(landed).toBeFocused();
	});

	test('a #t- anchor deep in the longest transcript lands exactly on its turn, and stays there as the page settles', async ({ page }) => {
		const longest = archive.filter((episode) => episode.transcript).sort((a, b) => b.transcript!.turns.length - a.transcript!.turns.length)[0]!;
		const turns = longest.transcript!.turns;
		expect(turns.length, 'a long transcript: the anchor lies hundreds of skipped turns down').toBeGreaterThan(300);
		const deep = turns[Math.floor(turns.length * 0.9)]!;
		await page.goto(`episodes/${longest.slug}/#${deep.id}`);
		const turn = page.locator(`[id="${deep.id}"]`);
		await expect(turn).toBeInViewport();
		// The turns above it are skipped by rendering, at a guessed height: the landing must not depend on the guess.
		expect(await page.locator('.turn').first().evaluate((first) => first.querySelector('p')!.checkVisibility({ contentVisibilityAuto: true }))).toBe(false);
		/** Where the turn's top is, against where the browser puts an anchor (under the sticky header). */
		const offset = () =>
			turn.evaluate((element) => element.getBoundingClientRect().top - Number.parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop));
		expect(Math.abs(await offset())).toBeLessThanOrEqual(3);
		// After the late layout: fonts, copy buttons, and the turns around it drawn at their real height.
		await page.waitForTimeout(800);
		await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
		expect(Math.abs(await offset())).toBeLessThanOrEqual(3);
		await expect(page.locator('.turn:target')).toHaveAttribute('id', deep.id);
	});

	test('turns far from the screen are skipped by rendering, yet copied and printed, and get copy buttons when drawn', async ({ page, context }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		const { slug, last, words } = longestTranscriptEnd();
		await page.goto(`episodes/${slug}/`);
		const paragraph = page.locator(`[id="${last}"] > p:not(.turn-meta)`).last();
		expect(await paragraph.evaluate((p) => p.checkVisibility({ contentVisibilityAuto: true }))).toBe(false);
		// No copy button is made for a turn nobody has seen; it comes when the turn is drawn.
		await expect(page.locator(`[id="${last}"] .copy-button`)).toHaveCount(0);

		// Select all and copy: the clipboard has the last turn.
		await page.locator('h1').click();
		await page.keyboard.press('ControlOrMeta+a');
		await page.keyboard.press('ControlOrMeta+c');
		await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain(words);

		// Printed in full.
		await page.emulateMedia({ media: 'print' });
		expect(await paragraph.evaluate((p) => p.checkVisibility({ contentVisibilityAuto: true }))).toBe(true);
		await page.emulateMedia({ media: 'screen' });

		await paragraph.scrollIntoViewIfNeeded();
		await expect(page.locator(`[id="${last}"]`).getByRole('button', { name: /^Copy link to/ })).toHaveCount(1);
	});

	test('?t= and plain seconds work too, and a later hash change moves again', async ({ page }) => {
		await page.goto(`${DAVID}?t=74`);
		await expect(page.locator('[data-landed]')).toHaveAttribute('id', 't-01-14');
		await page.evaluate(() => (location.hash = 't=135'));
		await expect(page.locator('[data-landed]')).toHaveAttribute('id', 't-02-15');
		await expect(page.locator('[data-landed]')).toBeInViewport();
	});

	test('out-of-range times and unknown anchors land at the transcript start with a note', async ({ page }) => {
		await page.goto(`${DAVID}#t=9:00:00`);
		await expect(page.locator('#transcript')).toBeInViewport();
		await expect(page.locator('.deep-link-notice')).toContainText('shorter than 9:00:00');
		await page.goto(`${DAVID}#no-such-anchor`);
		await expect(page.locator('#transcript')).toBeInViewport();
		await expect(page.locator('.deep-link-notice')).toContainText('no “no-such-anchor”');
	});

	test('without a transcript, a time lands on the chapter that covers it', async ({ page }) => {
		await page.goto(`${NO_TRANSCRIPT}#t=1800`);
		const landed = page.locator('.chapter-list > li[data-landed]');
		await expect(landed).toHaveCount(1);
		const start = Number(await landed.getAttribute('data-t'));
		expect(start).toBeLessThanOrEqual(1800);
		await expect(page.locator('.no-transcript')).toContainText('No transcript');
	});

	test('copy link puts the address of a turn on the clipboard', async ({ page, context, baseURL }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.goto(DAVID);
		const turn = page.locator('#t-01-14');
		await turn.hover();
		const button = turn.getByRole('button', { name: 'Copy link to 01:14' });
		await button.click();
		await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toHaveCount(1);
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(new URL(`${DAVID}#t-01-14`, baseURL).href);
		// Chapters have one too.
		await page.locator('.transcript-chapter').nth(1).getByRole('button', { name: /Copy link to chapter/ }).click();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(new URL(`${DAVID}#ch-being-employee-30-at-openai-and-its-early-days`, baseURL).href);
	});

	test('On this page marks the chapter being read', async ({ page }) => {
		await page.setViewportSize({ width: 1400, height: 900 });
		await page.goto(`${DAVID}#ch-adepts-critical-path-and-research-directions`);
		await expect(page.locator('.toc a[aria-current="true"]')).toHaveText("Adept's critical path and research directions");
		await page.evaluate(() => document.getElementById('ch-potential-of-foundation-models-for-robotics')!.scrollIntoView());
		await expect(page.locator('.toc a[aria-current="true"]')).toHaveText('Potential of foundation models for robotics');
	});

	test('older and newer episodes are linked', async ({ page }) => {
		await page.goto(DAVID);
		await expect(page.locator('.pager a[rel="next"]')).toHaveCount(0);
		await page.locator('.pager a[rel="prev"]').click();
		await expect(page.locator('h1')).toHaveText('Making Transformers Sing - with Mikey Shulman of Suno');
		await expect(page.locator('.pager a[rel="next"]')).toContainText('Why Google failed');
	});
});

test.describe('theme', () => {
	test('the toggle switches theme and the choice survives a reload', async ({ page }) => {
		await page.emulateMedia({ colorScheme: 'light' });
		await page.goto(DAVID);
		const toggle = page.getByRole('button', { name: 'Dark theme' });
		await expect(toggle).toHaveAttribute('aria-pressed', 'false');
		const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
		const light = await background();
		await toggle.click();
		await expect(toggle).toHaveAttribute('aria-pressed', 'true');
		expect(await background()).not.toBe(light);
		await page.reload();
		// Applied before first paint by the inline script: already there when the page is parsed.
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
		await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
		await page.getByRole('button', { name: 'Dark theme' }).click();
		await page.reload();
		expect(await background()).toBe(light);
	});

	test('with no choice stored, the system setting decides', async ({ page }) => {
		await page.emulateMedia({ colorScheme: 'dark' });
		await page.goto('');
		await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
	});
});

test.describe('small screens', () => {
	test.use({ viewport: { width: 390, height: 844 } });

	test('the menu button opens and closes the episode navigation', async ({ page }) => {
		await page.goto(DAVID);
		const nav = page.locator('#episode-nav');
		const menu = page.getByRole('button', { name: 'Episodes menu' });
		await expect(nav).toBeHidden();
		await menu.click();
		await expect(menu).toHaveAttribute('aria-expanded', 'true');
		await expect(nav).toBeVisible();
		await expect(nav.locator('[aria-current="page"]')).toBeInViewport();
		await page.keyboard.press('Escape');
		await expect(nav).toBeHidden();
		await expect(menu).toBeFocused();
		await menu.click();
		await nav.getByRole('link', { name: /Making Transformers Sing/ }).click();
		await expect(page.locator('h1')).toHaveText('Making Transformers Sing - with Mikey Shulman of Suno');
		await expect(page.locator('#episode-nav')).toBeHidden();
	});

	test('the menu opens with the current episode in view, even far down the list', async ({ page }) => {
		// A short screen, so the episode is below the panel's fold.
		await page.setViewportSize({ width: 390, height: 480 });
		await page.goto('episodes/the-state-of-silicon-and-the-gpu-poors-with-dylan-patel-of/');
		await page.getByRole('button', { name: 'Episodes menu' }).click();
		await expect(page.locator('#episode-nav [aria-current="page"]')).toBeInViewport();
	});

	test('nothing is wider than the screen at 320 px', async ({ page }) => {
		await page.setViewportSize({ width: 320, height: 640 });
		for (const path of ['', DAVID, 'episodes/', 'speakers/swyx/', 'search/']) {
			await page.goto(path);
			expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
		}
	});
});

test.describe('speakers', () => {
	test('a guest in the header leads to their page, with how much they speak', async ({ page }) => {
		await page.goto(DAVID);
		await page.locator('.episode-people').getByRole('link', { name: 'David Luan' }).click();
		await expect(page.locator('h1')).toHaveText('David Luan');
		const item = page.locator('.episode-item', { hasText: 'Why Google failed' });
		await expect(item).toContainText(/\d+ turns, \d+% of the words/);
		await expect(item.locator('meter')).toHaveCount(1);
		await expect(page.locator('.breadcrumbs')).toContainText('Speakers');
	});

	test('the index lists hosts and guests', async ({ page }) => {
		await page.goto('speakers/');
		await expect(page.locator('#hosts + .speaker-list')).toContainText('Alessio Fanelli');
		await expect(page.locator('#guests + .speaker-list')).toContainText('Soumith Chintala');
		await page.getByRole('link', { name: 'Shawn “swyx” Wang' }).click();
		await expect(page.locator('h1')).toHaveText('Shawn “swyx” Wang');
		expect(await page.locator('.episode-item').count()).toBeGreaterThan(10);
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the episode page reads fully and its links work', async ({ page }) => {
		await page.goto(DAVID);
		await expect(page.locator('h1')).toBeVisible();
		await expect(page.locator('.turn').first()).toBeVisible();
		await expect(page.locator('.turn .timestamp').first()).toHaveAttribute('href', '#t-00-00');
		// The controls that need script stay out of the way.
		await expect(page.locator('.copy-button')).toHaveCount(0);
		await expect(page.locator('theme-toggle')).toBeHidden();
		await page.locator('.chapter-list a.chapter-link').nth(3).click();
		await expect(page).toHaveURL(/#ch-adepts-critical-path-and-research-directions$/);
		await expect(page.locator('#ch-adepts-critical-path-and-research-directions')).toBeInViewport();
		await page.goto(`${DAVID}#t-02-15`);
		await expect(page.locator('#t-02-15')).toBeInViewport();
	});

	test('the episode navigation follows the content on a phone', async ({ page }) => {
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto(DAVID);
		await expect(page.locator('menu-button')).toBeHidden();
		const nav = page.locator('#episode-nav');
		await expect(nav).toBeAttached();
		const navTop = await nav.evaluate((element) => element.getBoundingClientRect().top);
		const mainBottom = await page.locator('main').evaluate((element) => element.getBoundingClientRect().bottom);
		expect(navTop).toBeGreaterThanOrEqual(mainBottom - 1);
	});
});

test.describe('search', () => {
	test('the header search leads to results that link into episodes', async ({ page }) => {
		await page.goto('episodes/');
		await page.getByRole('button', { name: 'Search', exact: true }).click();
		await page.getByRole('searchbox', { name: 'Search every episode' }).fill('Adept');
		await page.getByRole('searchbox', { name: 'Search every episode' }).press('Enter');
		await expect(page).toHaveURL(/search\/\?q=Adept$/);
		// The topic of that name comes first (topics in search); the episodes follow.
		const result = page.locator('a.search-result-title[href*="/episodes/"]').first();
		await expect(result).toBeVisible({ timeout: 15_000 });
		await result.click();
		await expect(page).toHaveURL(/\/episodes\/[^/]+\//);
		await expect(page.locator('h1')).toBeVisible();
	});
});

test.describe('for machines', () => {
	test('pages have a unique title, a description, a canonical URL and social tags', async ({ page }) => {
		const titles = new Set<string>();
		for (const path of ['', 'episodes/', DAVID, SOUMITH, 'speakers/', 'speakers/swyx/', 'search/']) {
			await page.goto(path);
			const title = await page.title();
			expect(titles.has(title), `duplicate title ${title}`).toBe(false);
			titles.add(title);
			expect(await page.locator('meta[name="description"]').getAttribute('content')).toBeTruthy();
			expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toMatch(new RegExp(`^https?://[^/]+/(.*/)?${path.replace(/[.?]/g, '\\$&')}$`));
			await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', title);
			await expect(page.locator('meta[name="twitter:card"]')).toHaveCount(1);
		}
	});

	test('JSON-LD describes the series, episodes, people and breadcrumbs', async ({ page }) => {
		const types = async () =>
			(await page.locator('script[type="application/ld+json"]').allTextContents()).map((text) => JSON.parse(text) as Record<string, unknown>);
		await page.goto('');
		expect((await types()).map((data) => data['@type'])).toEqual(['WebSite', 'PodcastSeries']);
		await page.goto(DAVID);
		const [episode, crumbs] = await types();
		expect(episode).toMatchObject({ '@type': 'PodcastEpisode', duration: 'PT41M35S', partOfSeries: { '@type': 'PodcastSeries' } });
		expect(crumbs).toMatchObject({ '@type': 'BreadcrumbList' });
		await page.goto('speakers/david-luan/');
		expect((await types()).map((data) => data['@type'])).toEqual(['Person', 'BreadcrumbList']);
	});

	test('the RSS feed points every item at its chapters and transcripts', async ({ request }) => {
		const feed = await (await request.get('rss.xml')).text();
		expect(feed).toContain('xmlns:podcast="https://podcastindex.org/namespace/1.0"');
		const items = feed.split('<item>').slice(1);
		expect(items).toHaveLength(archive.length);
		for (const item of items) expect(item).toMatch(/<podcast:chapters url="[^"]+\/chapters\.json" type="application\/json\+chapters"\/>/);
		expect(items.filter((item) => /<podcast:transcript url="[^"]+\/transcript\.json" type="application\/json"\/>/.test(item))).toHaveLength(archive.filter((e) => e.transcript).length);
	});

	test('robots.txt names the sitemap, which lists every episode', async ({ request }) => {
		const robots = await (await request.get('robots.txt')).text();
		const sitemapIndex = /Sitemap: (\S+)/.exec(robots)![1]!;
		expect(sitemapIndex).toMatch(/sitemap-index\.xml$/);
		const sitemap = await (await request.get('sitemap-0.xml')).text();
		const episodePages = sitemap.match(/<loc>[^<]*\/episodes\/[^/<]+\/<\/loc>/g)!;
		expect(episodePages.filter((loc) => !/\/episodes\/\d{4}\/</.test(loc))).toHaveLength(archive.length);
		// The year pages too: every year of the archive, and a busy speaker's years.
		const years = [...new Set(archive.map((episode) => episode.published.getUTCFullYear()))];
		for (const year of years) expect(sitemap).toContain(`/episodes/${year}/</loc>`);
		expect(sitemap).toMatch(/\/speakers\/swyx\/\d{4}\/<\/loc>/);
		expect(sitemap).not.toContain('404');
	});

	test('an unknown address gets a helpful 404 page', async ({ page }) => {
		const response = await page.goto('episodes/gpt-3-google/');
		expect(response?.status()).toBe(404);
		await expect(page.locator('h1')).toHaveText('This page is not in the archive');
		await expect(page.locator('#not-found-search')).toHaveValue('gpt 3 google');
		await expect(page.locator('.episode-list li')).toHaveCount(3);
	});
});

test('with a screen reader running, the words of turns skipped by rendering are in the accessibility tree', async ({ baseURL }) => {
	// What a running screen reader turns on: the whole accessibility tree, kept from the page's start.
	const launch = browserLaunchOptions();
	const browser = await chromium.launch({ ...launch, args: [...(launch.args ?? []), '--force-renderer-accessibility'] });
	try {
		const page = await browser.newPage({ baseURL });
		const { slug, last, words } = longestTranscriptEnd();
		await page.goto(`episodes/${slug}/`);
		expect(await page.locator(`[id="${last}"] > p:not(.turn-meta)`).last().evaluate((p) => p.checkVisibility({ contentVisibilityAuto: true }))).toBe(false);
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Accessibility.enable');
		const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
		const { nodes } = await cdp.send('Accessibility.queryAXTree', { backendNodeId: root.backendNodeId, accessibleName: words });
		expect(nodes.map((node) => node.role?.value)).toContain('StaticText');
	} finally {
		await browser.close();
	}
});
