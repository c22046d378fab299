import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { pageKind, sampledPages, sitePages } from './site-pages.ts';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const pages = sampledPages();

test.describe('accessibility of every kind of page', () => {
	test('the build has pages to check, and every kind of page is checked', () => {
		expect(sitePages().length).toBeGreaterThan(40);
		const kinds = (list: readonly string[]) => new Set(list.map(pageKind));
		expect(kinds(pages)).toEqual(kinds(sitePages()));
	});

	for (const path of pages) {
		test(`${path || 'home'}: axe (WCAG 2.2 AA, both themes), one h1, headings in order`, async ({ page }) => {
			// A long transcript has thousands of elements for axe to look at.
			test.setTimeout(120_000);
			for (const scheme of ['light', 'dark'] as const) {
				await page.emulateMedia({ colorScheme: scheme });
				await page.goto(path);
				if (path === 'search/') {
					// Check the search UI with results showing, not just its empty field.
					await page.locator('#search-page-input').fill('agents');
					await expect(page.locator('.search-result').first()).toBeVisible({ timeout: 15_000 });
				}
				// Only colours change with the theme, so the dark pass runs the contrast rule alone. Legacy
				// mode runs axe in the page itself: the site has no iframes, and it is twice as fast on a
				// long transcript.
				const axe = new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] }).withTags(WCAG);
				const { violations } = await (scheme === 'light' ? axe : axe.withRules(['color-contrast'])).analyze();
				const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(' ')} — ${v.nodes[0]?.failureSummary}`);
				expect(summary, `${scheme} theme`).toEqual([]);
			}
			await expect(page.locator('h1')).toHaveCount(1);
			const levels = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((headings) => headings.map((h) => Number(h.tagName[1])));
			expect(levels[0], 'the first heading is the h1').toBe(1);
			for (const [i, level] of levels.entries()) {
				if (i > 0) expect(level, `heading ${i + 1} (h${level}) after h${levels[i - 1]}`).toBeLessThanOrEqual(levels[i - 1]! + 1);
			}
		});
	}
});

test.describe('keyboard', () => {
	test('the skip link comes first and moves focus to the content', async ({ page }) => {
		await page.goto('episodes/why-google-failed-to-make-gpt-3-why-multimodal-agents-are/');
		await page.keyboard.press('Tab');
		const skip = page.getByRole('link', { name: 'Skip to content' });
		await expect(skip).toBeFocused();
		await expect(skip).toBeInViewport();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/#content$/);
		await expect(page.locator('main')).toBeFocused();
	});

	test('header controls are reachable by keyboard, with a visible focus ring', async ({ page }) => {
		await page.goto('episodes/');
		const reached: string[] = [];
		for (let i = 0; i < 8; i++) {
			await page.keyboard.press('Tab');
			const focused = await page.evaluate(() => {
				const element = document.activeElement as HTMLElement;
				const style = getComputedStyle(element);
				return { name: element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '', outline: style.outlineStyle, width: style.outlineWidth };
			});
			reached.push(focused.name);
			expect(focused.outline, `focus ring on “${focused.name}”`).not.toBe('none');
		}
		expect(reached).toEqual(expect.arrayContaining(['Skip to content', 'Latent Space Archive', 'Episodes', 'Speakers', 'Search', 'Dark theme']));
	});

	test('copy-link buttons are reachable by keyboard and say what they copy', async ({ page }) => {
		await page.goto('episodes/why-google-failed-to-make-gpt-3-why-multimodal-agents-are/#t-01-14');
		await page.locator('#t-01-14 .timestamp').focus();
		await page.keyboard.press('Tab');
		await expect(page.locator(':focus')).toHaveAccessibleName('Copy link to 01:14');
		await expect(page.locator(':focus')).toHaveCSS('opacity', '1');
	});
});
