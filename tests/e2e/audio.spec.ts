import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildPaths } from '../../scripts/build-paths.ts';
import type { EpisodeEntryFile } from '../../src/schemas/entry.ts';

/** The entries the build under test was made from: which episodes have audio, and their turns and chapters. */
const { episodesDir } = buildPaths();
const entries: EpisodeEntryFile[] = readdirSync(episodesDir)
	.filter((file) => file.endsWith('.json') && !file.startsWith('.'))
	.sort()
	.map((file) => JSON.parse(readFileSync(path.join(episodesDir, file), 'utf8')) as EpisodeEntryFile);

const withAudio = entries.filter((entry) => entry.media?.audio);
/** The first episode with audio and a turn timed after its start: the earliest such turn is the one clicked. */
const timed = withAudio
	.map((entry) => ({ entry, turn: entry.transcript?.turns.find((turn) => (turn.start ?? 0) > 0) }))
	.find((candidate) => candidate.turn !== undefined);

/**
 * A silent WAV of `seconds` (8-bit mono at 3 kHz, the lowest rate Chromium
 * plays: 3 KB a second), long enough
 * to seek into. The test serves it in place of the episode's real audio
 * through `page.route` rather than the site serving a fixture of its own: the
 * build under test stays the production build (its player points at the
 * feed's audio, as readers get it), and no test runs against the network.
 */
function silentWav(seconds: number): Buffer {
	const rate = 3000;
	const samples = Math.ceil(seconds * rate);
	// 8-bit PCM is unsigned: 128 is silence.
	const wav = Buffer.alloc(44 + samples, 128);
	wav.write('RIFF', 0, 'ascii');
	wav.writeUInt32LE(36 + samples, 4);
	wav.write('WAVEfmt ', 8, 'ascii');
	wav.writeUInt32LE(16, 16);
	wav.writeUInt16LE(1, 20); // PCM
	wav.writeUInt16LE(1, 22); // mono
	wav.writeUInt32LE(rate, 24);
	wav.writeUInt32LE(rate, 28); // bytes per second
	wav.writeUInt16LE(1, 32); // bytes per sample frame
	wav.writeUInt16LE(8, 34); // bits per sample
	wav.write('data', 36, 'ascii');
	wav.writeUInt32LE(samples, 40);
	return wav;
}

/** Serves `wav` at `url`, answering range requests as an audio host does, so the player can seek. */
async function serveAudio(page: Page, url: string, wav: Buffer): Promise<string[]> {
	const requests: string[] = [];
	await page.route(url, (route) => {
		requests.push(route.request().url());
		const range = /bytes=(\d+)-(\d*)/.exec(route.request().headers()['range'] ?? '');
		const start = range ? Number(range[1]) : 0;
		const end = range?.[2] ? Math.min(Number(range[2]), wav.length - 1) : wav.length - 1;
		return route.fulfill({
			status: range ? 206 : 200,
			headers: {
				'content-type': 'audio/wav',
				'accept-ranges': 'bytes',
				...(range ? { 'content-range': `bytes ${start}-${end}/${wav.length}` } : {}),
			},
			body: wav.subarray(start, end + 1),
		});
	});
	return requests;
}

/** The player's state: whether it plays, and where. */
const playerState = (page: Page) => page.locator('audio').evaluate((audio: HTMLAudioElement) => ({ paused: audio.paused, time: audio.currentTime }));

test.describe('episode audio', () => {
	test('the build has episodes with audio, and one with timed turns to seek to', () => {
		expect(withAudio.length, 'episodes with audio').toBeGreaterThan(0);
		expect(timed, 'an episode with audio and a turn timed after 0 s').toBeDefined();
	});

	test('an episode with audio offers the player, which loads nothing until asked, and the original post', async ({ page }) => {
		const entry = withAudio[0]!;
		const requests = await serveAudio(page, entry.media!.audio!.url, silentWav(1));
		await page.goto(`episodes/${entry.slug}/`);
		const player = page.locator('.episode-header audio');
		await expect(player).toBeVisible();
		await expect(player).toHaveAttribute('controls', '');
		await expect(player).toHaveAttribute('preload', 'none');
		await expect(player).toHaveAttribute('src', entry.media!.audio!.url);
		const link = entry.media!.link!;
		const source = page.getByRole('link', { name: `Listen on ${new URL(link).hostname.replace(/^www\./, '')}` });
		await expect(source).toHaveAttribute('href', link);
		expect(requests, 'no audio is fetched before the reader asks for it').toEqual([]);
	});

	test('an episode without audio has no player and no player script', async ({ page }) => {
		const entry = entries.find((candidate) => !candidate.media?.audio);
		test.skip(!entry, 'every episode of this build has audio');
		await page.goto(`episodes/${entry!.slug}/`);
		await expect(page.locator('h1')).toHaveText(entry!.title);
		await expect(page.locator('audio')).toHaveCount(0);
		expect(await page.content()).not.toContain('currentTime');
	});

	test("clicking a turn's time plays the audio from that second and still goes to the turn", async ({ page }) => {
		const { entry, turn } = timed!;
		const start = turn!.start!;
		await serveAudio(page, entry.media!.audio!.url, silentWav(start + 3));
		await page.goto(`episodes/${entry.slug}/`);
		expect((await playerState(page)).paused).toBe(true);
		await page.locator(`[id="${turn!.id}"] a.timestamp`).click();
		await expect(page).toHaveURL(new RegExp(`#${turn!.id}$`));
		await expect.poll(async () => (await playerState(page)).paused, { message: 'the audio plays' }).toBe(false);
		const { time } = await playerState(page);
		expect(time).toBeGreaterThanOrEqual(start);
		expect(time).toBeLessThan(start + 3);
	});

	test("while the audio plays, clicking a chapter's time in the chapter list jumps to the chapter's start", async ({ page }) => {
		const { entry } = timed!;
		const chapter = entry.chapters.find((candidate) => candidate.start > 0);
		test.skip(!chapter, 'the episode has no chapter after its start');
		await serveAudio(page, entry.media!.audio!.url, silentWav(chapter!.start + 3));
		await page.goto(`episodes/${entry.slug}/`);
		await page.locator('audio').evaluate((audio: HTMLAudioElement) => audio.play());
		await expect.poll(async () => (await playerState(page)).paused).toBe(false);
		expect((await playerState(page)).time).toBeLessThan(chapter!.start);
		await page.locator(`.chapter-list a[href="#${chapter!.id}"]`).click();
		await expect.poll(async () => (await playerState(page)).paused, { message: 'the audio plays' }).toBe(false);
		expect((await playerState(page)).time).toBeGreaterThanOrEqual(chapter!.start);
	});
});

test.describe('episode audio for apps', () => {
	test('every episode with audio has it in the feed, as an enclosure with its running time, and in episodes.json', async ({ request }) => {
		const feed = await (await request.get('rss.xml')).text();
		expect(feed).toContain('xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"');
		const items = feed.split('<item>').slice(1);
		const { episodes } = (await (await request.get('episodes.json')).json()) as { episodes: { slug: string; audio: unknown }[] };
		const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
		for (const entry of entries) {
			const item = items.find((candidate) => candidate.includes(`/episodes/${entry.slug}/</link>`));
			expect(item, entry.slug).toBeDefined();
			const audio = entry.media?.audio;
			if (audio) {
				expect(item).toContain(`<enclosure url="${xml(audio.url)}" length="${audio.length ?? 0}" type="${xml(audio.type)}"/>`);
				if (entry.duration > 0) expect(item).toContain(`<itunes:duration>${entry.duration}</itunes:duration>`);
			} else {
				expect(item).not.toContain('<enclosure');
			}
			const listed = episodes.find((episode) => episode.slug === entry.slug);
			expect(listed?.audio, entry.slug).toEqual(audio ? { url: audio.url, type: audio.type, length: audio.length ?? null } : null);
		}
	});
});

test.describe('episode audio without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the player is there, and a time link only goes to its turn', async ({ page }) => {
		const { entry, turn } = timed!;
		await page.goto(`episodes/${entry.slug}/`);
		await expect(page.locator('.episode-header audio')).toBeVisible();
		await page.locator(`[id="${turn!.id}"] a.timestamp`).click();
		await expect(page).toHaveURL(new RegExp(`#${turn!.id}$`));
	});
});
