/**
 * `npm run shots`: screenshots of the main pages in both themes, at desktop
 * (1280 px) and phone (390 px) widths, for looking at the site as a reader.
 * Needs a running preview (`npm run preview -- --port 4401`); writes PNGs to
 * /tmp/shots/ (or SHOTS_DIR). Options: SHOTS_URL (preview address), and
 * page names as arguments to take only those.
 */
import { mkdir } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { browserLaunchOptions } from './lib/browser.ts';

const baseUrl = process.env.SHOTS_URL ?? 'http://127.0.0.1:4401/';
const outDir = process.env.SHOTS_DIR ?? '/tmp/shots';
const pages: Record<string, string> = {
	home: '',
	episodes: 'episodes/',
	episode: 'episodes/why-google-failed-to-make-gpt-3-why-multimodal-agents-are/',
	transcript: 'episodes/why-google-failed-to-make-gpt-3-why-multimodal-agents-are/#ch-being-employee-30-at-openai-and-its-early-days',
	'no-transcript': 'episodes/the-four-wars-of-the-ai-stack-dec-2023-audio-recap/',
	'deep-link': 'episodes/open-source-ai-is-ai-we-can-trust-with-soumith-chintala-of/#t=1:02:03',
	speakers: 'speakers/',
	speaker: 'speakers/david-luan/',
	search: 'search/?q=scaling%20laws',
	'not-found': 'episodes/no-such-episode/',
};
const only = process.argv.slice(2);

await mkdir(outDir, { recursive: true });
const browser = await chromium.launch(browserLaunchOptions());
for (const [width, height, device] of [
	[1280, 900, 'desktop'],
	[390, 844, 'phone'],
] as const) {
	for (const scheme of ['light', 'dark'] as const) {
		const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme, deviceScaleFactor: 1 });
		const page = await context.newPage();
		for (const [name, path] of Object.entries(pages)) {
			if (only.length > 0 && !only.includes(name)) continue;
			await page.goto(new URL(path, baseUrl).href, { waitUntil: 'networkidle' });
			await page.waitForTimeout(name === 'search' ? 1200 : 300);
			const file = `${outDir}/${name}-${device}-${scheme}.png`;
			await page.screenshot({ path: file });
			console.log(file);
		}
		await context.close();
	}
}
await browser.close();
