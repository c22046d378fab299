import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { ingestText } from './helpers/ingest.ts';
import { problemPosition } from '../../src/ingest/episode.ts';
import { formatProblem, ParseProblem } from '../../src/ingest/problems.ts';
import { splitDump } from '../../src/ingest/dump.ts';
import { OverridesSchema } from '../../src/schemas/overrides.ts';
import { entryData } from '../../src/ingest/mdx.ts';
import { chaptersFile, transcriptFile, transcriptVtt } from '../../src/lib/podcast-files.ts';

const HOSTS = [{ id: 'swyx', name: 'Shawn “swyx” Wang', aliases: ['swyx', 'Swyx'] }];
const header = (date = '2024-03-22 19:08') => `From 🇺🇸 Latent Space: The AI Engineer Podcast, published at ${date}`;
const good = (title: string) =>
	['-', title, header(), `An intro.Chapters* [00:00:00] Hello* [00:01:00] Bye* [09:00:00] Far awayTranscriptSwyx [00:00:00]: Hi there.David [00:00:30]: Hello.Swyx [00:01:00]: Bye now. Get full access to Latent.Space at www.latent.space/subscribe`].join('\n');

describe('problems the ingest reports', () => {
	test('a missing date line is an error naming file, line and episode; the others still parse', () => {
		const dump = [good('First — with David Luan of Adept'), '-', 'Broken episode', 'Just a body without a date line.', good('Third — with David Luan of Adept')].join('\n');
		const { episodes, problems } = ingestText(dump, 'dump.txt', HOSTS);
		expect(episodes.map((e) => e.title)).toEqual(['First — with David Luan of Adept', 'Third — with David Luan of Adept']);
		expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([
			'dump.txt:6: error: missing the “From <show>, published at YYYY-MM-DD HH:MM” line after the title (episode “Broken episode”)',
		]);
	});

	test('an unreadable timestamp is an error at its line and column', () => {
		const body = 'Intro.TranscriptAlessio [00:00:00]: Hey.Swyx [00:99:00]: Hi.';
		const { episodes, problems } = ingestText(['-', 'Bad time', header(), body].join('\n'), 'dump.txt', HOSTS);
		expect(episodes).toEqual([]);
		expect(problems.map(formatProblem)).toEqual([`dump.txt:4:${body.indexOf('[00:99:00]') + 1}: error: unreadable timestamp [00:99:00] (episode “Bad time”)`]);
	});

	test('an invalid date is an error on the date line', () => {
		const { problems } = ingestText(['-', 'Bad date', header('2024-02-31 10:00'), 'Body.'].join('\n'), 'd.txt', HOSTS);
		expect(problems.map(formatProblem)).toEqual(['d.txt:3: error: invalid publication date 2024-02-31 10:00 (episode “Bad date”)']);
	});

	test('warns about a chapter after the end of the transcript, and a missing transcript', () => {
		const noTranscript = ['-', 'No transcript', header(), 'Only a description. Get full access to Latent.Space at www.latent.space/subscribe'].join('\n');
		const { problems } = ingestText(`${good('With chapters — with David Luan of Adept')}\n${noTranscript}`, 'd.txt', HOSTS);
		expect(problems.map(formatProblem)).toEqual([
			'd.txt:2: warning: chapter “Far away” at 9:00:00 is after the end of the transcript (01:01) (episode “With chapters — with David Luan of Adept”)',
			'd.txt:6: warning: the episode has no transcript (episode “No transcript”)',
		]);
	});

	test('every problem says what it is about by its kind, not by its wording', () => {
		const dump = [
			'-', 'No date line', 'Just a body.',
			'-', 'Bad date', header('2024-02-31 10:00'), 'Body.',
			'-', 'Bad chapter', header(), 'Intro.Chapters* [00:75:00] Nothing* [00:01:00] ByeTranscriptSwyx [00:00:00]: Hi.',
			'-', 'Bad time', header(), 'Intro.TranscriptAlessio [00:00:00]: Hey.Swyx [00:99:00]: Hi.',
			'-', 'No transcript', header(), 'Only a description. Get full access to Latent.Space at www.latent.space/subscribe',
		].join('\n');
		const overrides = OverridesSchema.parse({ episodes: { 'not-an-episode': { title: 'Nothing' } } });
		const { problems } = ingestText(dump, 'd.txt', HOSTS, { overrides });
		expect(problems.map((problem) => [problem.kind, problem.episode ?? problem.message])).toEqual([
			['record', 'No date line'],
			['date', 'Bad date'],
			['chapters', 'Bad chapter'],
			['transcript', 'Bad time'],
			['episode', 'No transcript'],
			['override', 'episodes.not-an-episode: no episode in the sources has this slug; its corrections are not applied'],
		]);
	});

	test('a date problem is placed on the date line by its kind, whatever its message says', () => {
		const [raw] = splitDump(['-', 'Title', header(), 'Body.'].join('\n')).episodes;
		expect(problemPosition(raw!, new ParseProblem('date', 'the date is from the future'))).toEqual({ line: 3 });
		expect(problemPosition(raw!, new ParseProblem('transcript', 'invalid publication date, said a transcript rule', 2))).toEqual({ line: 4, column: 3 });
	});
});

describe('podcast files', () => {
	const [episode] = ingestText(good('Files — with David Luan of Adept'), 'd.txt', HOSTS).episodes;
	const entry = entryData(episode!);

	test('chapters follow JSON chapters 1.2 with titles as written and anchored URLs', () => {
		expect(chaptersFile(entry, 'https://example.org/episodes/x/')).toEqual({
			version: '1.2.0',
			title: 'Files — with David Luan of Adept',
			podcastName: 'Latent Space: The AI Engineer Podcast',
			chapters: [
				{ startTime: 0, title: 'Hello', url: 'https://example.org/episodes/x/#ch-hello' },
				{ startTime: 60, title: 'Bye', url: 'https://example.org/episodes/x/#ch-bye' },
				{ startTime: 32400, title: 'Far away', url: 'https://example.org/episodes/x/#ch-far-away' },
			],
		});
	});

	test('the transcript has one segment per label, with full names and known times', () => {
		expect(transcriptFile(entry)).toEqual({
			version: '1.0.0',
			segments: [
				{ speaker: 'Shawn “swyx” Wang', startTime: 0, endTime: 30, body: 'Hi there.' },
				{ speaker: 'David Luan', startTime: 30, endTime: 60, body: 'Hello.' },
				{ speaker: 'Shawn “swyx” Wang', startTime: 60, body: 'Bye now.' },
			],
		});
	});

	test('WebVTT has a cue per turn with voice tags and escaped text', () => {
		const vtt = transcriptVtt({ ...entry, transcript: { ...entry.transcript!, turns: entry.transcript!.turns.map((t, i) => (i === 1 ? { ...t, paragraphs: [{ text: 'a <b> & c' }] } : t)) } });
		expect(vtt).toBe(
			'WEBVTT\n\n1\n00:00:00.000 --> 00:00:30.000\n<v Shawn “swyx” Wang>Hi there.\n\n2\n00:00:30.000 --> 00:01:00.000\n<v David Luan>a &lt;b&gt; &amp; c\n\n3\n00:01:00.000 --> 00:01:01.000\n<v Shawn “swyx” Wang>Bye now.\n',
		);
	});
});

describe('npm run ingest', () => {
	const run = promisify(execFile);
	test('writes one entry per episode, reports counts and errors, and is incremental', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'ingest-'));
		await mkdir(path.join(dir, 'sources'));
		await writeFile(path.join(dir, 'sources', 'a.txt'), [good('One — with David Luan of Adept'), '-', 'Broken', 'no date line here'].join('\n'));
		const args = ['tsx', 'scripts/ingest.ts', '--sources', path.join(dir, 'sources'), '--out', path.join(dir, 'out')];
		const first = await run('npx', args);
		expect(first.stdout).toMatch(/1 episodes from 1 source .*: 1 added, 0 updated, 0 removed, 0 unchanged/);
		expect(first.stderr).toContain('a.txt:6: error: missing the “From');
		const entryFiles = ['one-with-david-luan-of-adept.json', 'one-with-david-luan-of-adept.mdx'];
		expect((await readdir(path.join(dir, 'out'))).filter((name) => !name.startsWith('.')).sort()).toEqual(entryFiles);
		const written = await Promise.all(entryFiles.map((name) => readFile(path.join(dir, 'out', name), 'utf8')));
		expect((await run('npx', args)).stdout).toMatch(/0 added, 0 updated, 0 removed, 1 unchanged/);
		expect(await Promise.all(entryFiles.map((name) => readFile(path.join(dir, 'out', name), 'utf8')))).toEqual(written);
		await expect(run('npx', [...args, '--strict'])).rejects.toMatchObject({ code: 1 });
	}, 60_000);
});
