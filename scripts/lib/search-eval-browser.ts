/**
 * The search evaluation in the browser: a query typed into the site's search
 * page as a reader types it, and what the page then shows (the first
 * result's title link and first place), how long after the last key the
 * results were painted and, in a fresh context, how many bytes arrived from
 * the first key until then.
 */
import type { Page } from '@playwright/test';
import { kindOf } from '../bench/search-probe.ts';
import type { EvalOutcome } from './search-eval.ts';

/** Page-side state of one measurement (set by `arm`, read after the results show). */
interface Probe {
	__lastKey: number;
	__rendered: Promise<number>;
}

/**
 * Types `query` into the search page open in `page` (at `…/search/`), or
 * pastes it with `paste`, and waits for its results. `delay` is the time
 * between keys in ms (0: as fast as the browser takes them; a reader types a
 * key every 100–300 ms). With `countBytes`, every response that arrives
 * from the first key until the results show is counted (use a fresh context
 * for a first query's cost).
 */
export async function searchOnPage(page: Page, query: string, options: { countBytes?: boolean; paste?: boolean; delay?: number } = {}): Promise<EvalOutcome> {
	const field = page.locator('[data-search-page-input]');
	await field.fill('');
	await page.evaluate((query) => {
		const w = window as unknown as Probe;
		// The input event follows every key that changes the field, and a paste.
		addEventListener('input', () => (w.__lastKey = performance.now()), { capture: true });
		const list = document.querySelector('.search-results')!;
		// No named functions in here: the script runner would wrap them in a helper the page does not have.
		w.__rendered = new Promise((resolve) => {
			new MutationObserver((_, observer) => {
				if (list.getAttribute('data-query') !== query) return;
				observer.disconnect();
				requestAnimationFrame(() => resolve(performance.now()));
			}).observe(list, { attributes: true, childList: true });
		});
	}, query);
	const sizes: Promise<{ url: string; bytes: number }>[] = [];
	const count = (request: import('@playwright/test').Request) => void sizes.push(request.sizes().then((s) => ({ url: request.url(), bytes: s.responseBodySize + s.responseHeadersSize })));
	if (options.countBytes) page.on('requestfinished', count);
	if (options.paste) await field.fill(query);
	else await field.pressSequentially(query, { delay: options.delay ?? 0 });
	const ms = await page.evaluate(async () => {
		const w = window as unknown as Probe;
		return (await w.__rendered) - w.__lastKey;
	});
	let bytes: number | undefined;
	let byKind: Record<string, number> | undefined;
	if (options.countBytes) {
		// Responses that arrived before the results showed may still be reported: wait for the network to settle.
		await page.waitForLoadState('networkidle');
		page.off('requestfinished', count);
		const received = await Promise.all(sizes);
		bytes = received.reduce((sum, r) => sum + r.bytes, 0);
		byKind = {};
		for (const { url, bytes } of received) byKind[kindOf(url)] = (byKind[kindOf(url)] ?? 0) + bytes;
	}
	const first = page.locator('.search-results > li').first();
	const href = async (selector: string) => ((await first.locator(selector).count()) > 0 ? ((await first.locator(selector).first().getAttribute('href')) ?? undefined) : undefined);
	return { title: await href('.search-result-title'), firstPlace: await href('.search-subresult-title'), ms, bytes, byKind };
}
