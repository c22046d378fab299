/**
 * Corrections without code: content/overrides.json applied to the real seed
 * dump (and to small dumps in its format where the seed has no such case).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/ingest/problems.ts';
import { redirectPages, redirectsFile } from '../../scripts/lib/host-files.ts';
import { inlineText } from '../../src/ingest/inline.ts';
import { ingestSources } from '../../src/ingest/sources.ts';
import type { Block, Episode } from '../../src/schemas/episode.ts';
import { OverridesSchema, type Overrides } from '../../src/schemas/overrides.ts';
import { SiteConfigSchema } from '../../src/schemas/site.ts';

const site = SiteConfigSchema.parse(JSON.parse(readFileSync('content/site.json', 'utf8')));
const seed = { file: 'latent-space.txt', text: readFileSync('content/sources/latent-space.txt', 'utf8') };
const ADEPT = 'why-google-failed-to-make-gpt-3-why-multimodal-agents-are';
const SUNO = 'making-transformers-sing-with-mikey-shulman-of-suno';
const PLAYGROUND = 'the-ai-first-graphics-editor-with-suhail-doshi-of-playground';
const SOUMITH = 'open-source-ai-is-ai-we-can-trust-with-soumith-chintala-of';

const run = (overrides: unknown, sources = [seed]) => ingestSources(sources, { hosts: site.hosts, overrides: OverridesSchema.parse(overrides), overridesFile: 'content/overrides.json' });
const episodeOf = (result: ReturnType<typeof run>, slug: string): Episode => result.entries.find((entry) => entry.slug === slug)!.episode!;
const headings = (blocks: Block[]) => blocks.flatMap((block) => (block.type === 'heading' ? [block.text] : []));
const overrideWarnings = (result: ReturnType<typeof run>) => result.problems.filter((p) => p.file === 'content/overrides.json').map(formatProblem);

const uncorrected = run({});

describe('speaker corrections', () => {
	const dump = [
		'-',
		'Agents in production',
		'From 🇺🇸 Latent Space: The AI Engineer Podcast, published at 2024-05-01 10:00',
		'An intro.TranscriptSwyx [00:00:00]: Welcome.Dave [00:00:05]: Hi.swyx [00:00:09]: So.David [00:00:12]: Yes. Get full access to Latent.Space at www.latent.space/subscribe',
	].join('\n');
	const source = { file: 'extra.txt', text: dump };

	test('without corrections, labels the title does not explain stay as written', () => {
		expect(episodeOf(run({}, [source]), 'agents-in-production').speakers.map((s) => [s.name, s.labels])).toEqual([
			['Shawn “swyx” Wang', ['Swyx', 'swyx']],
			['Dave', ['Dave']],
			['David', ['David']],
		]);
	});

	test('renames labels to full names and merges the labels given the same name (`David` → `David Luan`)', () => {
		const result = run({ episodes: { 'agents-in-production': { speakers: { Dave: 'David Luan', David: { name: 'David Luan', url: 'https://example.org/david' } } } } }, [source]);
		const episode = episodeOf(result, 'agents-in-production');
		expect(episode.speakers).toEqual([
			{ id: 'swyx', name: 'Shawn “swyx” Wang', labels: ['Swyx', 'swyx'], role: 'host' },
			{ id: 'david-luan', name: 'David Luan', labels: ['Dave', 'David'], role: 'guest' },
		]);
		expect(episode.transcript!.turns.map((turn) => turn.speaker)).toEqual(['swyx', 'david-luan', 'swyx', 'david-luan']);
	});

	test('a file-wide correction applies in every episode; a host’s alias means that host (`swyx` → `Swyx`)', () => {
		const result = run({ speakers: { swyx: 'Swyx', Dave: 'David Luan' } }, [source]);
		expect(episodeOf(result, 'agents-in-production').speakers.map((s) => [s.id, s.labels])).toEqual([
			['swyx', ['Swyx', 'swyx']],
			['david-luan', ['Dave']],
			['david', ['David']],
		]);
		expect(overrideWarnings(result)).toEqual([]);
	});

	test('added guests are listed and their first name resolves to them', () => {
		const result = run({ episodes: { 'agents-in-production': { guests: [{ name: 'David Luan', url: 'https://example.org/david' }] } } }, [source]);
		expect(episodeOf(result, 'agents-in-production').speakers.find((s) => s.id === 'david-luan')).toEqual({
			id: 'david-luan',
			name: 'David Luan',
			labels: ['David'],
			role: 'guest',
			url: 'https://example.org/david',
		});
	});
});

describe('title and slug corrections', () => {
	const result = run({
		episodes: {
			[ADEPT]: { title: 'Why Google Failed to Make GPT-3 — with David Luan of Adept' },
			[SUNO]: { slug: 'suno-mikey-shulman', redirectFrom: ['suno'] },
		},
	});

	test('a corrected title keeps the slug, so links keep working', () => {
		expect(episodeOf(result, ADEPT).title).toBe('Why Google Failed to Make GPT-3 — with David Luan of Adept');
		expect(result.entries.find((entry) => entry.slug === ADEPT)!.content?.data).toContain('"title": "Why Google Failed to Make GPT-3 — with David Luan of Adept"');
	});

	test('a corrected slug moves the entry and leaves redirects from the old slugs', () => {
		expect(result.entries.map((entry) => entry.slug)).toContain('suno-mikey-shulman');
		expect(result.entries.map((entry) => entry.slug)).not.toContain(SUNO);
		expect(result.redirects).toEqual([
			{ from: SUNO, to: 'suno-mikey-shulman' },
			{ from: 'suno', to: 'suno-mikey-shulman' },
		]);
	});

	test('redirects honour the base path, as pages at the old URLs and as a _redirects file', () => {
		const pages = redirectPages(result.redirects, '/archive/', 'https://example.org');
		expect(pages.map((page) => page.file)).toEqual([`episodes/${SUNO}/index.html`, 'episodes/suno/index.html']);
		expect(pages[0]!.html).toContain('<meta http-equiv="refresh" content="0; url=/archive/episodes/suno-mikey-shulman/">');
		expect(pages[0]!.html).toContain('<link rel="canonical" href="https://example.org/archive/episodes/suno-mikey-shulman/">');
		expect(pages[0]!.html).not.toContain('<script');
		expect(redirectsFile(result.redirects, '/archive/').split('\n').slice(1, 4)).toEqual([
			`/archive/episodes/${SUNO}/ /archive/episodes/suno-mikey-shulman/ 301`,
			`/archive/episodes/${SUNO}/* /archive/episodes/suno-mikey-shulman/:splat 301`,
			`/archive/episodes/${SUNO}.md /archive/episodes/suno-mikey-shulman.md 301`,
		]);
	});

	test('a redirect that would hide a published episode is refused and reported', () => {
		const clash = run({ episodes: { [SUNO]: { slug: 'suno-mikey-shulman', redirectFrom: [ADEPT] } } });
		expect(clash.redirects).toEqual([{ from: SUNO, to: 'suno-mikey-shulman' }]);
		expect(overrideWarnings(clash)).toEqual([
			`content/overrides.json: warning: episodes.${SUNO}: cannot redirect “${ADEPT}” to “suno-mikey-shulman”: another episode has that slug (episode “Making Transformers Sing - with Mikey Shulman of Suno”)`,
		]);
	});
});

describe('heading corrections', () => {
	test('unmarks a heading the parser invented: it goes back to the start of the paragraph after it', () => {
		const result = run({ episodes: { [ADEPT]: { headings: { remove: ['Why Google *couldn’t* make GPT-3'] } } } });
		const before = episodeOf(uncorrected, ADEPT).description;
		const after = episodeOf(result, ADEPT).description;
		expect(headings(before)).toContain('Why Google *couldn’t* make GPT-3');
		expect(headings(after)).not.toContain('Why Google *couldn’t* make GPT-3');
		const paragraph = after.find((block) => block.type === 'paragraph' && inlineText(block.content, true).startsWith('Why Google'));
		expect(paragraph?.type === 'paragraph' && inlineText(paragraph.content, true)).toMatch(/^Why Google \*couldn’t\* make GPT-3 While we wanted to discuss Adept/);
	});

	test('marks a heading the parser missed, with a fresh anchor', () => {
		const text = 'Listen to the end for a little surprise from Suhail.';
		const result = run({ episodes: { [PLAYGROUND]: { headings: { add: [text] } } } });
		const heading = episodeOf(result, PLAYGROUND).description.find((block) => block.type === 'heading');
		expect(heading).toEqual({ type: 'heading', level: 2, text, id: 'listen-to-the-end-for-a-little-surprise-from-suhail' });
		expect(result.entries.find((entry) => entry.slug === PLAYGROUND)!.content?.prose).toContain(`<h2 id="listen-to-the-end-for-a-little-surprise-from-suhail">`);
	});

	test('text inside a paragraph becomes a heading between the text before and after it', () => {
		const result = run({ episodes: { [PLAYGROUND]: { headings: { add: ['Survey link here!'] } } } });
		const [first, second, third] = episodeOf(result, PLAYGROUND).description;
		expect(first?.type === 'paragraph' && inlineText(first.content, true)).toMatch(/guest requests for 2024!$/);
		expect(second).toMatchObject({ type: 'heading', text: 'Survey link here!' });
		expect(third?.type === 'paragraph' && inlineText(third.content, true)).toBe('Listen to the end for a little surprise from Suhail.');
	});

	test('transcript headings: unmarking puts the text back at the end of the turn before; marking it again restores the heading', () => {
		const original = episodeOf(uncorrected, SOUMITH).transcript!;
		const heading = original.headings.find((h) => h.text === 'PyTorch vs Tinygrad tradeoffs')!;
		const removed = episodeOf(run({ episodes: { [SOUMITH]: { headings: { remove: [heading.text] } } } }), SOUMITH).transcript!;
		expect(removed.headings.map((h) => h.text)).not.toContain(heading.text);
		expect(removed.turns[heading.before - 1]!.paragraphs.at(-1)!.text.endsWith(` ${heading.text}`)).toBe(true);
		const restored = episodeOf(run({ episodes: { [SOUMITH]: { headings: { remove: [heading.text], add: [heading.text] } } } }), SOUMITH).transcript!;
		expect(restored.headings.find((h) => h.text === heading.text)).toMatchObject({ before: heading.before, text: heading.text });
		expect(restored.turns).toEqual(original.turns);
	});
});

describe('stale corrections', () => {
	test('are reported, naming the correction, and change nothing', () => {
		const overrides: Overrides = OverridesSchema.parse({
			speakers: { Bob: 'Bob Builder' },
			episodes: {
				'no-such-episode': { title: 'x' },
				[ADEPT]: { speakers: { Dave: 'David Luan' }, headings: { add: ['Not in this episode'], remove: ['No such heading'] } },
			},
		});
		const result = ingestSources([seed], { hosts: site.hosts, overrides, overridesFile: 'content/overrides.json' });
		expect(overrideWarnings(result)).toEqual([
			'content/overrides.json: warning: episodes.why-google-failed-to-make-gpt-3-why-multimodal-agents-are: speakers “Dave” is not a label in the transcript; this correction is not applied (episode “Why Google failed to make GPT-3 + why Multimodal Agents are the path to AGI — with David Luan of Adept”)',
			'content/overrides.json: warning: episodes.why-google-failed-to-make-gpt-3-why-multimodal-agents-are: headings.remove “No such heading” is no heading of the episode; this correction is not applied (episode “Why Google failed to make GPT-3 + why Multimodal Agents are the path to AGI — with David Luan of Adept”)',
			'content/overrides.json: warning: episodes.why-google-failed-to-make-gpt-3-why-multimodal-agents-are: headings.add “Not in this episode” is in no paragraph and at no turn\'s start or end; this correction is not applied (episode “Why Google failed to make GPT-3 + why Multimodal Agents are the path to AGI — with David Luan of Adept”)',
			'content/overrides.json: warning: episodes.no-such-episode: no episode in the sources has this slug; its corrections are not applied',
			'content/overrides.json: warning: speakers.Bob: no transcript has this label; the correction is not applied',
		]);
		expect(episodeOf(result, ADEPT)).toEqual(episodeOf(uncorrected, ADEPT));
	});
});

describe('OverridesSchema', () => {
	test('rejects unknown keys, bad slugs and bad URLs with their paths', () => {
		const result = OverridesSchema.safeParse({ episodes: { 'Bad Slug': {}, ok: { slug: 'Not OK', titel: 'x', guests: [{ name: 'A', url: 'javascript:x' }] } } });
		expect(result.success).toBe(false);
		expect(result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([
			'episodes.Bad Slug: an episode is named by the slug the parser gives it: lowercase words of a-z and 0-9 joined by single "-"',
			'episodes.ok.slug: a slug is lowercase words of a-z and 0-9 joined by single "-"',
			'episodes.ok.guests.0.url: must be an absolute http(s) URL',
			'episodes.ok: Unrecognized key: "titel"',
		]);
	});

	test('the committed content/overrides.json is valid', () => {
		expect(OverridesSchema.safeParse(JSON.parse(readFileSync('content/overrides.json', 'utf8'))).success).toBe(true);
	});
});
