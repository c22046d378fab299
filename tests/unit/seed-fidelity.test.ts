/**
 * Fidelity on the real seed dump: nothing is lost, chapters and turns are
 * exactly as written, names are clean, headings are split from their text.
 * Expected values are computed from the dump by simpler, independent means
 * (plain regular expressions), not by the parser.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { splitDump } from '../../src/ingest/dump.ts';
import { ingestText } from './helpers/ingest.ts';
import { Vocabulary } from '../../src/ingest/glue.ts';
import { inlineText } from '../../src/ingest/inline.ts';
import { findSections } from '../../src/ingest/sections.ts';
import { parseTime } from '../../src/shared/time.ts';
import type { Block, Episode } from '../../src/schemas/episode.ts';
import { SiteConfigSchema } from '../../src/schemas/site.ts';

const site = SiteConfigSchema.parse(JSON.parse(readFileSync('content/site.json', 'utf8')));
const seed = readFileSync('content/sources/latent-space.txt', 'utf8');
const raws = splitDump(seed).episodes;
const { episodes, problems } = ingestText(seed, 'latent-space.txt', site.hosts);
const pairs = raws.map((raw, i) => ({ raw, episode: episodes[i]! }));
const TS = /\[\d{1,2}:\d{2}(?::\d{2})?\]/g;

/** Text with what the model stores as structure removed: whitespace, timestamps, `*` and `:`. */
const normalize = (text: string) => text.replace(TS, '').replace(/[\s*:]/g, '');
const blocksText = (blocks: Block[]): string =>
	blocks
		.map((b) => (b.type === 'heading' ? b.text : b.type === 'paragraph' ? inlineText(b.content) : b.items.map((i) => inlineText(i.content)).join(' ')))
		.join(' ');
const allText = (e: Episode) =>
	[
		blocksText(e.description),
		blocksText(e.showNotes),
		e.chaptersIntro ?? '',
		...e.chapters.flatMap((c) => [c.title, ...c.notes.map((n) => inlineText(n.content))]),
		...(e.transcript?.headings.map((h) => h.text) ?? []),
		...(e.transcript?.turns.flatMap((t) => t.paragraphs.map((p) => p.text)) ?? []),
	].join(' ');

test('the seed parses into 20 episodes without errors; the five without transcript are warned about', () => {
	expect(episodes).toHaveLength(20);
	expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
	expect(problems.filter((p) => p.message === 'the episode has no transcript').map((p) => p.line)).toEqual([34, 38, 50, 54, 78]);
});

describe.each(pairs.map(({ raw, episode }) => [episode.slug, raw, episode] as const))('%s', (_, raw, episode) => {
	const { sections } = findSections(raw.body, { vocabulary: new Vocabulary(seed), names: new Set() });
	const content = (kind: string) =>
		sections
			.filter((s) => s.kind === kind)
			.map((s) => raw.body.slice(s.contentStart, s.end))
			.join(' ');

	test('the sections tile the body from start to end', () => {
		expect(sections[0]!.start).toBe(0);
		for (const [i, section] of sections.entries()) if (i > 0) expect(section.start).toBe(sections[i - 1]!.end);
		expect(sections.at(-1)!.end).toBe(raw.body.length);
		expect(sections.at(-1)!.kind).toBe('footer');
		expect(raw.body.slice(sections.at(-1)!.start).trim()).toBe('Get full access to Latent.Space at www.latent.space/subscribe');
	});

	test('no text is lost: every character of each section is in the model, in order', () => {
		expect(normalize(blocksText(episode.description))).toBe(normalize(content('description')));
		expect(normalize(blocksText(episode.showNotes))).toBe(normalize(content('showNotes')));
		const chapters = [episode.chaptersIntro ?? '', ...episode.chapters.flatMap((c) => [c.title, ...c.notes.map((n) => inlineText(n.content))])].join(' ');
		expect(normalize(chapters)).toBe(normalize(content('chapters')));
		if (episode.transcript) {
			const labels = new Map(episode.speakers.map((s) => [s.id, s.labels]));
			// Each turn is one of its speaker's labels followed by its text; headings stand before turns.
			let expected = normalize(content('transcript'));
			for (const [i, turn] of episode.transcript.turns.entries()) {
				for (const heading of episode.transcript.headings.filter((h) => h.before === i)) {
					expect(expected.startsWith(normalize(heading.text))).toBe(true);
					expected = expected.slice(normalize(heading.text).length);
				}
				const label = labels.get(turn.speaker!)!.map(normalize).find((l) => expected.startsWith(l));
				expect(label, `turn ${turn.id} starts with a label of ${turn.speaker}: ${expected.slice(0, 60)}`).toBeDefined();
				const text = normalize(turn.paragraphs.map((p) => p.text).join(''));
				expect(expected.slice(label!.length, label!.length + text.length)).toBe(text);
				expected = expected.slice(label!.length + text.length);
			}
			expect(expected).toBe('');
		}
	});

	test('chapters are exactly as written, titles and times', () => {
		const region = content('chapters');
		const items = [...region.matchAll(/\*\s*(\[\d{1,2}:\d{2}:\d{2}\])|\*\s[^*[\]]+?\s?(\[\d{1,2}:\d{2}:\d{2}\])(?=\*|$|\p{Lu})/gu)];
		expect(episode.chapters).toHaveLength(items.length);
		for (const [i, chapter] of episode.chapters.entries()) {
			const stamp = items[i]![1] ?? items[i]![2]!;
			expect(chapter.start).toBe(parseTime(stamp));
			const written = items[i]![1] ? `${stamp} ${chapter.title}` : `${chapter.title} ${stamp}`;
			expect(raw.body).toContain(written);
		}
	});

	test('every speaker turn is found, with its speaker and start time', () => {
		const turns = episode.transcript?.turns ?? [];
		const text = content('transcript');
		if (!episode.transcript) return expect(text).toBe('');
		const labelOf = new Map(episode.speakers.flatMap((s) => s.labels.map((l) => [l, s.id] as const)));
		const names = [...labelOf.keys()].sort((a, b) => b.length - a.length).map((l) => l.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
		const any = names.join('|');
		// Independent label finders, one per layout, each giving the speaker and the start time the layout implies.
		const found: { label: string; start?: number }[] = [];
		if (episode.transcript.format === 'name-time-colon') {
			for (const m of text.matchAll(new RegExp(`(${any})(?: (\\[\\d{1,2}:\\d{2}:\\d{2}\\]))?:+\\s`, 'gu'))) {
				const before = text[m.index - 1];
				if (m[2] || m.index === 0 || /[.?!…"”)\]]/.test(before ?? '')) found.push({ label: m[1]!, ...(m[2] ? { start: parseTime(m[2]) } : {}) });
			}
		} else if (episode.transcript.format === 'time-name-colon') {
			for (const m of text.matchAll(new RegExp(`(\\[\\d{1,2}:\\d{2}:\\d{2}\\]) (${any}):\\s`, 'gu'))) found.push({ label: m[2]!, start: parseTime(m[1]!)! });
		} else {
			// The timestamp that closes a turn opens the next one; the first turn starts at 0.
			for (const m of text.matchAll(new RegExp(`(\\[\\d{1,2}:\\d{2}:\\d{2}\\])?(${any}):+\\s`, 'gu'))) {
				const before = text[m.index - 1];
				if (!m[1] && m.index !== 0 && !/[.?!…"”)]/.test(before ?? '')) continue;
				found.push({ label: m[2]!, ...(m.index === 0 ? { start: 0 } : m[1] ? { start: parseTime(m[1])! } : {}) });
			}
		}
		expect(turns.map((t) => t.speaker)).toEqual(found.map((f) => labelOf.get(f.label)));
		expect(turns.map((t) => t.start)).toEqual(found.map((f) => f.start));
	});

	test('speaker names are names, with no sentence text glued in', () => {
		for (const speaker of episode.speakers) {
			for (const label of speaker.labels) {
				expect(label).toMatch(/^[\p{L}\p{N}/ ]{1,20}$/u);
				expect(label).not.toMatch(/\p{Ll}\p{Lu}/u);
				expect(label.split(' ').length).toBeLessThanOrEqual(3);
			}
		}
	});
});

describe('headings and names across the seed', () => {
	const headings = episodes.flatMap((e) => [...e.description, ...e.showNotes].filter((b) => b.type === 'heading').map((b) => b.type === 'heading' && b.text));

	test.each([
		'Why Google *couldn’t* make GPT-3',
		'Cloning HGI for AGI',
		'Critical Path: Abstraction with Reliability',
		'No APIs',
		'Why Adept is NOT a Research Lab',
		'From Barking 🐶 to Singing 🎤',
		'Suno bursts on the scene',
		'Scaling with Modal',
		'The AudioGen Landscape',
		'Jan 2024 Recap',
		'Latent Space Anniversary',
		'Life in the GPU-Rich Lane',
		'What It Takes For Open Source AI to Win',
		'2021: CLIP + GAN = PixRay',
		'Full Video Podcast',
		'Video Podcast',
		'OBELICS: a new type of Multimodal Dataset',
		'2024 Update: WebSight et al',
		'Papers covered',
		'The AI Pivot',
		'Notebooks = Chat++',
	])('the description heading “%s” is split from the text it was glued to', (heading) => {
		expect(headings).toContain(heading);
	});

	test('no glued seam from the dump survives in the model', () => {
		const text = episodes.map(allText).join(' ');
		for (const glued of ['GPT-3While', 'AGIHuman', 'ReliabilityThe', 'APIsUnlike', 'LabWith', 'sceneIn', 'ModalGiven', 'V3For', 'LandscapeMikey', 'LaneBack', 'RunBefore', 'PixRayBy', 'RecapThe', 'AnniversaryPlease', 'ZhengOur', 'PodcastAs', 'PodcastJoin', 'podcastWatch', 'PivotFor', 'Chat++We', 'AxolotlAxolotl', 'alMost', 'ReplicateThis', 'FigureChapters', 'Monkey"Timestamps', 'LeoShow']) {
			expect(text).not.toContain(glued);
		}
	});

	test.each(['HuggingFace', 'YouTube', 'PyTorch', 'OpenAI', 'LinkedIn', 'GitHub', 'DeepMind', 'LangChain', 'SemiAnalysis', 'ChatGPT'])('the CamelCase word %s is left whole wherever the dump has it', (word) => {
		const inDump = raws.map((r) => r.body.split(word).length - 1).reduce((a, b) => a + b, 0);
		const inModel = episodes.map((e) => allText(e).split(word).length - 1).reduce((a, b) => a + b, 0);
		expect(inDump).toBeGreaterThan(0);
		expect(inModel).toBe(inDump);
	});

	test('guests get the full names their titles give', () => {
		const guest = (slug: string) => episodes.find((e) => e.slug.startsWith(slug))!.speakers.filter((s) => s.role === 'guest').map((s) => `${s.labels.join('/')}=${s.name}`);
		expect(guest('why-google')).toEqual(['David=David Luan']);
		expect(guest('the-normsky')).toEqual(['Beyang=Beyang Liu', 'Steve=Steve Yegge']);
		expect(guest('how-to-train')).toEqual(['=Hugo Laurençon', '=Leo Tronchon']);
	});
});
