import { expect, test } from '@playwright/test';

test.describe('machine-readable files', () => {
	test('episodes.json lists every episode with its page and files, and each file is served', async ({ request, baseURL }) => {
		const index = await (await request.get('episodes.json')).json();
		expect(index.episodes).toHaveLength(20);
		for (const entry of index.episodes) {
			expect(Object.keys(entry)).toEqual(['slug', 'title', 'published', 'url', 'chapters', 'transcript', 'vtt', 'srt', 'markdown']);
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
				expect(Object.keys(transcript.segments[0])).toEqual(expect.arrayContaining(['speaker', 'startTime', 'body']));
				const vtt = await request.get(local(entry.vtt));
				expect(vtt.headers()['content-type']).toContain('text/vtt');
				expect(await vtt.text()).toMatch(/^WEBVTT\n\n1\n\d\d:\d\d:\d\d\.000 --> \d\d:\d\d:\d\d\.000\n<v [^>]+>/);
			}
		}
	});
});
