import { expect, test } from '@playwright/test';
import { archiveEpisodes } from './archive-episodes.ts';

test.describe('machine-readable files', () => {
	test('episodes.json lists every episode with its page and files, and each file is served', async ({ request, baseURL }) => {
		const index = await (await request.get('episodes.json')).json();
		expect(index.episodes).toHaveLength(archiveEpisodes().length);
		for (const entry of index.episodes) {
			expect(Object.keys(entry)).toEqual(['slug', 'title', 'published', 'url', 'chapters', 'transcript', 'vtt', 'srt', 'markdown', 'audio']);
			expect(entry.url).toMatch(new RegExp(`/episodes/${entry.slug}/$`));
			// The files are served from this build (their absolute URLs point at the configured site).
			const local = (url: string) => new URL(new URL(url).pathname.replace(/^.*?\/episodes\//, 'episodes/'), baseURL).href;
			const chapters = await (await request.get(local(entry.chapters))).json();
			expect(chapters.version).toBe('1.2.0');
			for (const chapter of chapters.chapters) {
				expect(chapter.url.startsWith(`${entry.url}#ch-`)).toBe(true);
				expect(typeof chapter.startTime).toBe('number');
			}
			if (entry.transcript) {
				const transcript = await (await request.get(local(entry.transcript))).json();
				expect(transcript.segments.length).toBeGreaterThan(0);
				// A turn has a speaker and a start where its transcript names them (some feed transcripts name no speaker).
				const first = transcript.segments[0];
				expect(typeof first.body).toBe('string');
				const vtt = await request.get(local(entry.vtt));
				expect(vtt.headers()['content-type']).toContain('text/vtt');
				expect(await vtt.text()).toMatch(/^WEBVTT\n\n1\n\d\d:\d\d:\d\d\.000 --> \d\d:\d\d:\d\d\.000\n/);
				if (first.speaker !== undefined) expect(await vtt.text()).toMatch(/^WEBVTT\n\n1\n[^\n]+\n<v [^>]+>/);
			}
		}
	});
});
