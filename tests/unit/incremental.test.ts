/**
 * The incremental ingest: a manifest of source-episode hashes (and the
 * vocabulary answers each parse depended on) lets unchanged episodes skip
 * parsing and rendering, while any change that could alter an entry re-parses it.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { readVocabulary } from '../../scripts/lib/vocabulary-file.ts';
import { ingestSources, type IngestOptions, type SourceText } from '../../src/ingest/sources.ts';
import { OverridesSchema } from '../../src/schemas/overrides.ts';
import { SiteConfigSchema } from '../../src/schemas/site.ts';

const site = SiteConfigSchema.parse(JSON.parse(readFileSync('content/site.json', 'utf8')));
const seed: SourceText = { file: 'latent-space.txt', text: readFileSync('content/sources/latent-space.txt', 'utf8') };
const options: IngestOptions = { hosts: site.hosts, codeVersion: 'v1', words: readVocabulary().words };
const first = ingestSources([seed], options);
const allFiles = new Set(first.entries.flatMap((entry) => [entry.files.data, entry.files.prose]));
const again = (sources: SourceText[], extra: Partial<IngestOptions> = {}) => ingestSources(sources, { ...options, previous: first.manifest, existingFiles: allFiles, ...extra });
const parsedSlugs = (result: ReturnType<typeof ingestSources>) => result.entries.filter((entry) => entry.episode).map((entry) => entry.slug);
const SUNO = 'making-transformers-sing-with-mikey-shulman-of-suno';

describe('ingestSources with the previous manifest', () => {
	test('the first run parses and renders every episode', () => {
		expect(first.stats).toEqual({ parsed: 20, reused: 0 });
		expect(first.entries.every((entry) => entry.content !== undefined)).toBe(true);
	});

	test('an unchanged source is neither parsed nor rendered, and reports the same problems', () => {
		const result = again([seed]);
		expect(result.stats).toEqual({ parsed: 0, reused: 20 });
		expect(result.entries.map((entry) => entry.content)).toEqual(first.entries.map(() => undefined));
		expect(result.entries.map((entry) => entry.files)).toEqual(first.entries.map((entry) => entry.files));
		expect(result.problems).toEqual(first.problems);
		expect(result.manifest).toEqual(first.manifest);
	});

	test('an edited episode is the only one parsed again', () => {
		const edited = { ...seed, text: seed.text.replace('Get full access to Latent.Space at www.latent.space/subscribe\n-\nTop 5', 'A closing remark. Get full access to Latent.Space at www.latent.space/subscribe\n-\nTop 5') };
		expect(edited.text).not.toBe(seed.text);
		const result = again([edited]);
		expect(result.stats).toEqual({ parsed: 1, reused: 19 });
		expect(parsedSlugs(result)).toEqual([SUNO]);
		expect(result.entries.find((entry) => entry.slug === SUNO)!.content?.data).toContain('A closing remark.');
	});

	test('a cached parse whose vocabulary answers no longer hold is parsed again', () => {
		const [hash, entry] = Object.entries(first.manifest.entries).find(([, e]) => e.slug === SUNO)!;
		const [word, answer] = Object.entries(entry.vocabulary)[0]!;
		const stale = { ...first.manifest, entries: { ...first.manifest.entries, [hash]: { ...entry, vocabulary: { ...entry.vocabulary, [word]: !answer } } } };
		const result = ingestSources([seed], { ...options, previous: stale, existingFiles: allFiles });
		expect(parsedSlugs(result)).toEqual([SUNO]);
		expect(result.entries.find((e) => e.slug === SUNO)!.content).toEqual(first.entries.find((e) => e.slug === SUNO)!.content);
	});

	test('a changed vocabulary file re-parses every dump episode, even where no parse asked about the new word', () => {
		const result = again([seed], { words: [...options.words!, 'NeverInTheSeed'] });
		expect(result.stats).toEqual({ parsed: 20, reused: 0 });
		expect(result.entries.map((entry) => entry.content)).toEqual(first.entries.map((entry) => entry.content));
	});

	test('a changed correction re-parses only its episode; a changed code version re-parses all', () => {
		const overrides = OverridesSchema.parse({ episodes: { [SUNO]: { title: 'Making Transformers Sing' } } });
		expect(parsedSlugs(again([seed], { overrides }))).toEqual([SUNO]);
		expect(again([seed], { codeVersion: 'v2' }).stats).toEqual({ parsed: 20, reused: 0 });
	});

	test('an entry file that went missing is rendered again, byte for byte as before', () => {
		// Only the prose file is gone: both are written again, as they were.
		const missing = new Set([...allFiles].filter((file) => file !== `${SUNO}.mdx`));
		const result = again([seed], { existingFiles: missing });
		const suno = result.entries.find((entry) => entry.slug === SUNO)!;
		expect(suno.content).toEqual(first.entries.find((entry) => entry.slug === SUNO)!.content);
		expect(result.entries.filter((entry) => entry.content !== undefined)).toHaveLength(1);
	});

	test('an episode removed from the source has no entry any more', () => {
		const lines = seed.text.split('\n');
		const withoutSuno = { ...seed, text: [...lines.slice(0, 4), ...lines.slice(8)].join('\n') };
		const result = again([withoutSuno]);
		expect(result.entries.map((entry) => entry.slug)).not.toContain(SUNO);
		expect(result.entries).toHaveLength(19);
	});
});

describe('npm run ingest, incrementally', () => {
	const run = promisify(execFile);
	const episode = (title: string, date: string, extra = '') =>
		['-', title, `From 🇺🇸 Latent Space: The AI Engineer Podcast, published at ${date}`, `An intro.${extra}TranscriptSwyx [00:00:00]: Hi there.David [00:00:30]: Hello. Get full access to Latent.Space at www.latent.space/subscribe`].join('\n');

	test('prints added / updated / removed / unchanged, from hashes, and removes stale entries', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'ingest-incremental-'));
		const sources = path.join(dir, 'sources');
		const out = path.join(dir, 'out');
		await mkdir(sources);
		const args = ['tsx', 'scripts/ingest.ts', '--sources', sources, '--out', out, '--overrides', path.join(dir, 'none.json')];
		const summary = async () => (await run('npx', args)).stdout.split('\n').find((line) => line.startsWith('ingest:'))!;
		await writeFile(path.join(sources, 'a.txt'), [episode('One with David Luan', '2024-01-01 10:00'), episode('Two with David Luan', '2024-01-02 10:00')].join('\n'));
		expect(await summary()).toMatch(/2 episodes from 1 source .*2 parsed, 0 reused unchanged\): 2 added, 0 updated, 0 removed, 0 unchanged$/);
		expect(await summary()).toMatch(/0 parsed, 2 reused unchanged\): 0 added, 0 updated, 0 removed, 2 unchanged$/);
		await writeFile(path.join(sources, 'a.txt'), [episode('One with David Luan', '2024-01-01 10:00', 'A new sentence.'), episode('Three with David Luan', '2024-01-03 10:00')].join('\n'));
		await writeFile(path.join(sources, 'b.txt'), episode('Four with David Luan', '2024-01-04 10:00'));
		expect(await summary()).toMatch(/3 episodes from 2 sources .*: 2 added, 1 updated, 1 removed, 0 unchanged$/);
		expect((await readdir(out)).sort()).toEqual([
			'.ingest-manifest.json',
			'.redirects.json',
			'.topics.json',
			...['four', 'one', 'three'].flatMap((n) => [`${n}-with-david-luan.json`, `${n}-with-david-luan.mdx`]),
		]);
		expect(await readFile(path.join(out, 'one-with-david-luan.mdx'), 'utf8')).toContain('A new sentence.');
		await rm(dir, { recursive: true, force: true });
	}, 60_000);
});
