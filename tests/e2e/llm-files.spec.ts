/**
 * The archive for people and their AI tools, on the production build: every
 * episode as Markdown, /llms.txt and its complete text files, SubRip
 * captions, "Copy as Markdown" and quote links on the episode page.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { Parser } from 'commonmark';
import { parse as parseYaml } from 'yaml';
import { archiveEpisodes } from './archive-episodes.ts';

const DAVID = 'episodes/why-google-failed-to-make-gpt-3-why-multimodal-agents-are/';

interface IndexEntry {
	slug: string;
	title: string;
	published: string;
	url: string;
	chapters: string;
	transcript: string | null;
	srt: string | null;
	markdown: string;
}

/** The build's copy of an absolute URL of the configured site. */
const local = (url: string, baseURL: string | undefined) => new URL(new URL(url).pathname.replace(/^\//, ''), baseURL).href;

async function index(request: APIRequestContext): Promise<IndexEntry[]> {
	return ((await (await request.get('episodes.json')).json()) as { episodes: IndexEntry[] }).episodes;
}

/** A Markdown document as a CommonMark reader sees it: its text and whether any of it is raw HTML. */
function render(markdown: string): { text: string; html: number } {
	let text = '';
	let html = 0;
	const walker = new Parser().parse(markdown).walker();
	for (let event = walker.next(); event; event = walker.next()) {
		const { node, entering } = event;
		if (!entering) {
			if (['paragraph', 'heading', 'item'].includes(node.type)) text += '\n';
			continue;
		}
		if (node.type === 'html_block' || node.type === 'html_inline') html++;
		if (node.type === 'text' || node.type === 'code') text += node.literal;
		if (node.type === 'softbreak' || node.type === 'linebreak') text += ' ';
	}
	return { text, html };
}

/** What is wrong with SubRip cues: numbering, time format, order, empty lines. */
function srtProblems(cues: string[]): string[] {
	const problems: string[] = [];
	const seconds = (t: string) => t.split(/[:,]/).map(Number).reduce((sum, n, i) => sum + n * [3600, 60, 1, 0.001][i]!, 0);
	let previous = -1;
	for (const [i, cue] of cues.entries()) {
		const [number, times, ...text] = cue.split('\n');
		const match = /^(\d{2}:\d{2}:\d{2},\d{3}) --> (\d{2}:\d{2}:\d{2},\d{3})$/.exec(times ?? '');
		if (number !== String(i + 1)) problems.push(`cue ${i + 1} is numbered ${number}`);
		if (!match) {
			problems.push(`cue ${i + 1}: times “${times}”`);
			continue;
		}
		const [start, end] = [seconds(match[1]!), seconds(match[2]!)];
		if (start <= previous) problems.push(`cue ${i + 1} starts at ${match[1]}, not after cue ${i}`);
		if (end <= start) problems.push(`cue ${i + 1} ends at or before its start`);
		if (text.length === 0 || text.some((line) => !line.trim())) problems.push(`cue ${i + 1} has no text or an empty line`);
		previous = start;
	}
	return problems;
}

const frontMatter = (markdown: string) => parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(markdown)![1]!) as Record<string, unknown>;

test.describe('files for AI tools', () => {
	test('every episode’s Markdown: front matter as in episodes.json, no HTML, every transcript word in order', async ({ request, baseURL }) => {
		test.setTimeout(120_000);
		const episodes = await index(request);
		expect(episodes).toHaveLength(archiveEpisodes().length);
		for (const entry of episodes) {
			const response = await request.get(local(entry.markdown, baseURL));
			expect(response.status(), entry.markdown).toBe(200);
			const markdown = await response.text();
			const front = frontMatter(markdown);
			expect(front).toMatchObject({ title: entry.title, slug: entry.slug, published: entry.published, url: entry.url, transcript: entry.transcript !== null });
			const chapters = (await (await request.get(local(entry.chapters, baseURL))).json()) as { chapters: unknown[] };
			expect(front.chapters).toBe(chapters.chapters.length);
			const { text, html } = render(markdown.slice(markdown.indexOf('\n---\n') + 5));
			expect(html, entry.slug).toBe(0);
			if (!entry.transcript) continue;
			const transcript = (await (await request.get(local(entry.transcript, baseURL))).json()) as { segments: { body: string }[] };
			const words = text.split(/\s+/);
			let at = 0;
			const missing = transcript.segments
				.flatMap((segment) => segment.body.split(/\s+/).filter(Boolean))
				.find((word) => {
					at = words.indexOf(word, at) + 1;
					return at === 0;
				});
			expect(missing, `a transcript word of ${entry.slug} missing or out of order`).toBeUndefined();
		}
	});

	test('llms.txt has the proposal’s parts, lists every episode, and every link in it resolves', async ({ request, baseURL }) => {
		const text = await (await request.get('llms.txt')).text();
		const blocks = text.trimEnd().split('\n\n');
		expect(blocks[0]).toMatch(/^# \S/);
		expect(blocks[1]).toMatch(/^> \S/);
		const sections = blocks.filter((block) => block.startsWith('## ')).map((block) => block.slice(3));
		expect(sections[0]).toBe('Complete text');
		expect(sections.slice(1, -1).every((name) => /^\d{4}$/.test(name))).toBe(true);
		expect(sections.at(-1)).toBe('Optional');
		const links = [...text.matchAll(/^- \[.+?\]\((\S+?)\)(?:: .*)?$/gm)].map((match) => match[1]!);
		const episodes = await index(request);
		expect(links).toEqual(expect.arrayContaining(episodes.map((entry) => entry.markdown)));
		const full = links.filter((link) => /\/llms-full-[\d-]+\.txt$/.test(link));
		expect(full.length).toBeGreaterThan(0);
		let together = '';
		for (const link of links) {
			const response = await request.get(local(link, baseURL));
			expect(response.status(), link).toBe(200);
			if (full.includes(link)) {
				const body = await response.body();
				expect(body.length).toBeLessThanOrEqual(10_000_000);
				together += body.toString('utf8');
			}
		}
		// The complete text files hold every episode's Markdown, each once.
		for (const entry of episodes) {
			const markdown = await (await request.get(local(entry.markdown, baseURL))).text();
			expect(together.split(markdown).length - 1, entry.slug).toBe(1);
		}
	});

	test('SubRip captions: numbered cues, HH:MM:SS,mmm times, increasing; listed in the feed', async ({ request, baseURL }) => {
		test.setTimeout(120_000);
		const episodes = await index(request);
		const rss = await (await request.get('rss.xml')).text();
		const withSrt = episodes.filter((e) => e.srt);
		expect(withSrt.length).toBe(episodes.filter((e) => e.transcript).length);
		for (const entry of withSrt) {
			expect(rss).toContain(`<podcast:transcript url="${entry.srt}" type="application/x-subrip"/>`);
			const srt = await (await request.get(local(entry.srt!, baseURL))).text();
			const cues = srt.trimEnd().split('\n\n');
			// One cue per turn at most (turns whose times cannot be placed are merged): a one-paragraph transcript has one.
			expect(cues.length, entry.slug).toBeGreaterThan(0);
			expect(srtProblems(cues), entry.slug).toEqual([]);
		}
	});

	test('the episode page points at its Markdown', async ({ page, baseURL }) => {
		await page.goto(DAVID);
		const href = await page.locator('link[rel="alternate"][type="text/markdown"]').getAttribute('href');
		expect(new URL(href!).pathname).toBe('/episodes/why-google-failed-to-make-gpt-3-why-multimodal-agents-are.md');
		await expect(page.getByRole('link', { name: 'View as Markdown' })).toHaveAttribute('href', '/episodes/why-google-failed-to-make-gpt-3-why-multimodal-agents-are.md');
		expect((await page.request.get(local(href!, baseURL))).status()).toBe(200);
	});
});

/** Selects text in a turn's first paragraph with the mouse, from its start to the end of its first sentence. */
async function selectSentence(page: Page, turnId: string): Promise<string> {
	const box = await page.locator(`#${turnId} > p:not(.turn-meta)`).first().evaluate((paragraph) => {
		const node = paragraph.firstChild as Text;
		const end = Math.max(node.data.search(/[.?!](\s|$)/) + 1, 20);
		const rect = (from: number, to: number) => {
			const range = document.createRange();
			range.setStart(node, from);
			range.setEnd(node, to);
			return range.getClientRects()[0]!;
		};
		const first = rect(0, 1);
		const last = rect(end - 1, end);
		return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
	});
	await page.mouse.move(box.x1, box.y1);
	await page.mouse.down();
	await page.mouse.move((box.x1 + box.x2) / 2, box.y2, { steps: 5 });
	await page.mouse.move(box.x2, box.y2, { steps: 5 });
	await page.mouse.up();
	const selected = await page.evaluate(() => getSelection()!.toString());
	expect(selected.length).toBeGreaterThan(10);
	return selected;
}

test.describe('copying from the episode page', () => {
	test('Copy as Markdown puts the episode’s Markdown on the clipboard; a chapter’s button, that chapter', async ({ page, context }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.goto(DAVID);
		const markdown = await (await page.request.get('/episodes/why-google-failed-to-make-gpt-3-why-multimodal-agents-are.md')).text();
		await page.getByRole('button', { name: 'Copy as Markdown' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Episode copied as Markdown' })).toHaveCount(1);
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(markdown);

		const chapter = page.locator('.transcript-chapter').nth(1);
		const title = await chapter.locator('h3').innerText();
		await chapter.getByRole('button', { name: `Copy chapter “${title}” as Markdown` }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Chapter copied as Markdown' })).toHaveCount(1);
		const copied = await page.evaluate(() => navigator.clipboard.readText());
		expect(copied.startsWith(`# ${markdown.match(/^# (.*)$/m)![1]}\n\n### ${title} [`)).toBe(true);
		expect(markdown).toContain(copied.slice(copied.indexOf('### ')));
		expect(copied.match(/^### /gm)).toHaveLength(1);
	});

	test('a quote link copied by keyboard opens the page at the turn with the words marked; the quote is ready to paste', async ({ page, context }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.goto(`${DAVID}#t-01-14`);
		const selected = await selectSentence(page, 't-01-14');
		const bar = page.locator('#t-01-14 .quote-actions');
		await expect(bar).toBeVisible();
		// Tab goes to the first button, Enter copies.
		await page.keyboard.press('Tab');
		await expect(page.locator(':focus')).toHaveAccessibleName('Copy link to quote');
		await page.keyboard.press('Enter');
		await expect(page.getByRole('status').filter({ hasText: 'Link to quote copied' })).toHaveCount(1);
		const link = await page.evaluate(() => navigator.clipboard.readText());
		expect(new URL(link).hash).toBe('#t-01-14');
		expect(new URL(link).searchParams.get('highlight')).toBe(selected.replace(/\s+/g, ' ').trim());

		await bar.getByRole('button', { name: 'Copy quote' }).click();
		const quote = await page.evaluate(() => navigator.clipboard.readText());
		const title = await page.locator('h1').innerText();
		expect(quote).toBe(`“${selected.replace(/\s+/g, ' ').trim()}” — David Luan, ${title}, 01:14, ${link}`);

		const other = await context.newPage();
		await other.goto(link);
		const marks = other.locator('#t-01-14 mark.search-highlight');
		await expect(marks.first()).toBeVisible();
		expect((await marks.allInnerTexts()).join('')).toBe(selected.replace(/\s+/g, ' ').trim());
		await expect(marks.first()).toBeInViewport();
	});

	test('selecting a speaker’s name or text outside the transcript offers no quote link', async ({ page }) => {
		await page.goto(DAVID);
		await page.locator('#t-01-14 .speaker').selectText();
		await page.locator('h1').selectText();
		await page.waitForTimeout(200);
		await expect(page.locator('.quote-actions:visible')).toHaveCount(0);
	});
});
