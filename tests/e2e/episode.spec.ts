import { expect, test } from '@playwright/test';
import { inlineText } from '../../src/ingest/inline.ts';
import type { Block } from '../../src/schemas/episode.ts';
import { archiveEpisodes } from './archive-episodes.ts';

const episodes = archiveEpisodes();

/** Text as compared: no whitespace, no emphasis stars, no colons, no clock times. */
const normalize = (text: string) => text.replace(/\[?\d{1,2}:\d{2}(?::\d{2})?\]?/g, '').replace(/[\s*:]/g, '');
const blockTexts = (blocks: Block[]) =>
	blocks.flatMap((b) => (b.type === 'heading' ? [b.text] : b.type === 'paragraph' ? [inlineText(b.content)] : b.items.map((i) => inlineText(i.content))));

/** Asserts that each chunk occurs in `page`, in order. */
function expectInOrder(page: string, chunks: string[], where: string) {
	const haystack = normalize(page);
	let position = 0;
	for (const chunk of chunks.map(normalize).filter(Boolean)) {
		const found = haystack.indexOf(chunk, position);
		expect(found, `${where}: “${chunk.slice(0, 80)}” after position ${position}`).toBeGreaterThanOrEqual(0);
		position = found + chunk.length;
	}
}

test.describe('episode pages', () => {
	for (const episode of episodes) {
		test(`every word of “${episode.title.slice(0, 50)}” is on its page, in order`, async ({ page }) => {
			await page.goto(`episodes/${episode.slug}/`);
			await expect(page.locator('h1')).toHaveText(episode.title);
			const description = await page.locator('#description').innerText();
			expectInOrder(description, blockTexts(episode.description), 'description');
			expectInOrder(description, blockTexts(episode.showNotes), 'show notes');
			if (episode.chapters.length > 0) {
				const chapters = await page.locator('section:has(> #chapters)').innerText();
				expectInOrder(chapters, [episode.chaptersIntro ?? '', ...episode.chapters.flatMap((c) => [c.title, ...c.notes.map((n) => inlineText(n.content))])], 'chapters');
			}
			if (episode.transcript) {
				// textContent, not innerText: turns far from the screen are skipped by rendering until a reader comes near
				// (content-visibility), and innerText leaves out what is not rendered. Copying, printing and the
				// accessibility tree reach every turn (reader.spec.ts).
				const transcript = await page.locator('section:has(> #transcript)').evaluate((section) => section.textContent!);
				expectInOrder(transcript, episode.transcript.turns.flatMap((t) => t.paragraphs.map((p) => p.text)), 'transcript');
				await expect(page.locator('.turn')).toHaveCount(episode.transcript.turns.length);
				for (const chapter of episode.chapters) await expect(page.locator(`[id="${chapter.id}"]`)).toHaveCount(1);
			}
		});
	}

	test('a chapter link lands on its heading in the transcript', async ({ page }) => {
		const episode = episodes.find((e) => e.slug.startsWith('why-google'))!;
		await page.goto(`episodes/${episode.slug}/`);
		const chapter = episode.chapters[5]!;
		await page.locator('.chapter-list a', { hasText: chapter.title }).click();
		await expect(page).toHaveURL(new RegExp(`#${chapter.id}$`));
		const heading = page.locator(`[id="${chapter.id}"]`);
		await expect(heading).toHaveText(chapter.title);
		await expect(heading).toBeInViewport();
	});
});
