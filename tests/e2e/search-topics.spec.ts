/**
 * Search knows topics: typing a topic's name (or another name it goes by)
 * lists the topic's page first, shown as a topic (name, kind, how many
 * episodes) and not as an episode with places; narrowed or sorted by date,
 * the search lists episodes only.
 *
 * The sample: every topic named in two or more episodes, in an order drawn
 * with a fixed seed. `npm test` types the first SLICE of them;
 * `SEARCH_TOPICS=all` types them all and reports the hit rate and the misses
 * (docs/topics.md has the figures).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { seededRandom } from '../../scripts/bench/random.ts';
import { KIND_LABELS } from '../../src/lib/topic-views.ts';
import { TopicsFileSchema, type TopicEntry } from '../../src/schemas/topic.ts';
import { siteSearch } from './search-helpers.ts';

const SEED = 14;
const SLICE = 12;
const entries = process.env.ARCHIVE_EPISODES_DIR ?? 'content/episodes';
const topics = TopicsFileSchema.parse(JSON.parse(readFileSync(path.join(entries, '.topics.json'), 'utf8'))).topics;
const sample = seededRandom(SEED).shuffle(topics.filter((topic) => topic.episodes.length >= 2));
const chosen = process.env.SEARCH_TOPICS === 'all' ? sample : sample.slice(0, SLICE);

const isTopicUrl = (url: string, topic: TopicEntry) => new URL(url, 'https://x.invalid').pathname.endsWith(`/topics/${topic.id}/`);

/** Types a query into the search page's field and waits for its results. */
async function typeQuery(page: Page, query: string): Promise<void> {
	const field = page.locator('[data-search-page-input]');
	await field.fill('');
	await field.pressSequentially(query);
	await expect(page.locator('main .search-results')).toHaveAttribute('data-query', query, { timeout: 15_000 });
}

test('typing a topic’s name on the search page puts the topic first, shown as a topic', async ({ page }) => {
	test.setTimeout(30_000 + chosen.length * 5_000);
	expect(chosen.length).toBeGreaterThanOrEqual(Math.min(SLICE, sample.length));
	await page.goto('search/');
	const misses: string[] = [];
	for (const topic of chosen) {
		await typeQuery(page, topic.name);
		const first = page.locator('main .search-results > li').first();
		const href = (await first.locator('.search-result-title').getAttribute('href')) ?? '';
		if (!isTopicUrl(href, topic)) {
			misses.push(`${topic.name} → ${href}`);
			continue;
		}
		await expect(first).toHaveClass(/\bsearch-result-topic\b/);
		const episodes = topic.episodes.length === 1 ? '1 episode' : `${topic.episodes.length} episodes`;
		await expect(first.locator('.search-result-meta')).toHaveText(`Topic · ${KIND_LABELS[topic.kind].one} · ${episodes}`);
		await expect(first.locator('.search-subresult')).toHaveCount(0);
	}
	const rate = (chosen.length - misses.length) / chosen.length;
	test.info().annotations.push({ type: 'topic search', description: `${chosen.length - misses.length}/${chosen.length} (${(100 * rate).toFixed(1)} %) first; misses: ${misses.join('; ') || 'none'}` });
	expect(misses).toEqual([]);
});

test('another name a topic goes by finds it first too, in the dialog', async ({ page }) => {
	const aliased = topics.filter((topic) => topic.aliases.length > 0 && topic.episodes.length >= 2);
	expect(aliased.length).toBeGreaterThan(0);
	await page.goto('');
	const searches = await siteSearch(page, aliased.map((topic) => ({ q: topic.aliases[0]! })));
	const misses = aliased.flatMap((topic, i) => (isTopicUrl(searches[i]!.results[0]?.url ?? '', topic) ? [] : [`${topic.aliases[0]} (${topic.name}) → ${searches[i]!.results[0]?.url}`]));
	expect(misses).toEqual([]);
	// As readers see it: the dialog lists the topic first, and Enter on it opens the topic's page.
	const topic = aliased[0]!;
	await page.keyboard.press('/');
	const dialog = page.getByRole('dialog');
	await dialog.getByRole('searchbox').fill(topic.aliases[0]!);
	const first = dialog.locator('.search-results > li').first();
	await expect(first).toHaveClass(/\bsearch-result-topic\b/, { timeout: 15_000 });
	await first.locator('.search-result-title').click();
	await expect(page).toHaveURL(new RegExp(`/topics/${topic.id}/$`));
});

test('narrowed by year or speaker, or sorted by date, the search lists episodes only', async ({ page }) => {
	const topic = sample[0]!;
	const year = String(new Date(JSON.parse(readFileSync(path.join(entries, `${topic.episodes[0]!.slug}.json`), 'utf8')).published).getUTCFullYear());
	await page.goto('search/');
	const [plain, byYear, newest] = await siteSearch(page, [{ q: topic.name }, { q: topic.name, filters: { year } }, { q: topic.name, sort: 'newest' }], 40);
	expect(isTopicUrl(plain!.results[0]!.url, topic)).toBe(true);
	for (const search of [byYear!, newest!]) {
		expect(search.results.length).toBeGreaterThan(0);
		for (const result of search.results) expect(result.url).toMatch(/\/episodes\/[^/]+\//);
	}
});
