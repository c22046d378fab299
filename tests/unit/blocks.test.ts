import { describe, expect, test } from 'vitest';
import { listItemSpans, looksLikeHeading, parseBlocks, splitGluedHeadings, splitListItems, splitTrailingProse } from '../../src/ingest/blocks.ts';
import { Vocabulary } from '../../src/ingest/glue.ts';
import { inlineText } from '../../src/ingest/inline.ts';
import { AnchorRegistry } from '../../src/shared/slug.ts';
import type { Block } from '../../src/schemas/episode.ts';

const context = (words: string[] = [], names: string[] = []) => ({ vocabulary: new Vocabulary('', words), names: new Set(names) });

/** Blocks as short strings: `## heading`, `p: text`, `* item`. */
const outline = (blocks: Block[]) =>
	blocks.flatMap((block) =>
		block.type === 'heading'
			? [`## ${block.text}`]
			: block.type === 'paragraph'
				? [`p: ${inlineText(block.content)}`]
				: block.items.map((item) => `* ${inlineText(item.content)}`),
	);
const parse = (text: string, words: string[] = [], names: string[] = []) =>
	outline(parseBlocks(text, { context: context(words, names), anchors: new AnchorRegistry(), headingLevel: 2 }));

describe('looksLikeHeading', () => {
	test.each(['Why Google *couldn’t* make GPT-3', 'Critical Path: Abstraction with Reliability', '2024 Update: WebSight et al', 'What is Axolotl?'])(
		'accepts %s',
		(text) => expect(looksLikeHeading(text)).toBe(true),
	);
	test.each(['[00:23:47]', 'It ended. Then it went on', 'GPT-4 and,', 'a'.repeat(101)])('rejects %s', (text) => expect(looksLikeHeading(text)).toBe(false));
});

describe('splitGluedHeadings', () => {
	test('splits a heading glued between a sentence and the next paragraph', () => {
		expect(splitGluedHeadings('Why Google *couldn’t* make GPT-3While we wanted to discuss Adept, we couldn’t talk', context())).toEqual([
			{ kind: 'heading', text: 'Why Google *couldn’t* make GPT-3' },
			{ kind: 'text', text: 'While we wanted to discuss Adept, we couldn’t talk' },
		]);
	});

	test('finds a heading after a sentence end inside a block', () => {
		expect(splitGluedHeadings('as the market matures. Full Video PodcastAs a reminder, all Latent Space pods', context())).toEqual([
			{ kind: 'text', text: 'as the market matures.' },
			{ kind: 'heading', text: 'Full Video Podcast' },
			{ kind: 'text', text: 'As a reminder, all Latent Space pods' },
		]);
	});

	test('splits two headings in a row (a caption, then a section)', () => {
		const text = 'The soundtrack of the post-scarcity Latent Space ranchScaling with ModalGiven the December launch';
		expect(splitGluedHeadings(text, context(['Modal'])).map((s) => s.text)).toEqual([
			'The soundtrack of the post-scarcity Latent Space ranch',
			'Scaling with Modal',
			'Given the December launch',
		]);
	});

	test('a weak seam bounds a heading on its left', () => {
		const text = 'ambitious goal” — ACT-1 BlogpostCritical Path: Abstraction with ReliabilityThe AGI dream';
		expect(splitGluedHeadings(text, context(['Blogpost', 'Critical'])).map((s) => s.text)).toEqual([
			'ambitious goal” — ACT-1 Blogpost',
			'Critical Path: Abstraction with Reliability',
			'The AGI dream',
		]);
	});

	test('leaves a paragraph with a CamelCase name alone', () => {
		const text = 'The OpenInterpreter team is working on a “Computer API” that also does the same.';
		expect(splitGluedHeadings(text, context(['Open', 'Interpreter']))).toEqual([{ kind: 'text', text }]);
	});
});

describe('splitListItems', () => {
	test('splits glued items', () => {
		expect(splitListItems('* Suno* Bark* Parakeet* "Return to Monkey"')).toEqual(['Suno', 'Bark', 'Parakeet', '"Return to Monkey"']);
	});

	test('keeps a run of stars inside an item', () => {
		expect(splitListItems('* Grimes’ poetic take: Art for no one, by no one* F*** you, show me the prompt')).toEqual([
			'Grimes’ poetic take: Art for no one, by no one',
			'F*** you, show me the prompt',
		]);
	});

	test('keeps emphasis inside an item', () => {
		expect(splitListItems('* a *big* deal* next')).toEqual(['a *big* deal', 'next']);
	});

	test('splits at a separator with spaces around it', () => {
		expect(splitListItems('* OpenAI Sora - does it have a world model? Yann LeCun vs Jim Fan * Google Gemini Pro 1.5')).toEqual([
			'OpenAI Sora - does it have a world model? Yann LeCun vs Jim Fan',
			'Google Gemini Pro 1.5',
		]);
	});

	test('reports offsets of the item texts', () => {
		expect(listItemSpans('* a* b')).toEqual([
			[2, 3],
			[5, 6],
		]);
	});
});

describe('splitTrailingProse', () => {
	test('moves the paragraph glued to the last item out of it', () => {
		expect(splitTrailingProse('Jan ZhengOur birthday wishes for the super loyal fans reading this', context())).toEqual([
			'Jan Zheng',
			'Our birthday wishes for the super loyal fans reading this',
		]);
	});

	test('moves a heading with the paragraph', () => {
		expect(splitTrailingProse('F*** you, show me the promptLatent Space AnniversaryPlease also read Alessio’s longform reflections!', context())).toEqual([
			'F*** you, show me the prompt',
			'Latent Space AnniversaryPlease also read Alessio’s longform reflections!',
		]);
	});

	test('leaves an item that is only an item', () => {
		expect(splitTrailingProse('LLamaHub for packaging RAG utilities. (Our episode with Jerry)', context())).toEqual([
			'LLamaHub for packaging RAG utilities. (Our episode with Jerry)',
			undefined,
		]);
	});
});

describe('parseBlocks', () => {
	test('recovers paragraphs, headings and a list from a flattened article', () => {
		const text =
			'his definition of useful AGI.Why Google *couldn’t* make GPT-3While we wanted to discuss Adept.' +
			'With this context, you can now understand the full path of Adept’s public releases:* ACT-1 (Sept 2022): a large model.' +
			'* Persimmon-8B (Sept 2023): a permissive open LLM (weights and code here)* Fuyu-8B (Oct 2023): a small version' +
			'* Fuyu Heavy (Jan 2024) - “behind only GPT4-V and Gemini Ultra, which are 10-20 times bigger”The Fuyu-8B post in particular';
		expect(parse(text)).toEqual([
			'p: his definition of useful AGI.',
			'## Why Google *couldn’t* make GPT-3',
			'p: While we wanted to discuss Adept.',
			'p: With this context, you can now understand the full path of Adept’s public releases:',
			'* ACT-1 (Sept 2022): a large model.',
			'* Persimmon-8B (Sept 2023): a permissive open LLM (weights and code here)',
			'* Fuyu-8B (Oct 2023): a small version',
			'* Fuyu Heavy (Jan 2024) - “behind only GPT4-V and Gemini Ultra, which are 10-20 times bigger”',
			'p: The Fuyu-8B post in particular',
		]);
	});

	test('a short phrase glued to a list is the list’s heading', () => {
		expect(parse('Papers covered* Distributed Representations of Words* Some notable reflections')).toEqual([
			'## Papers covered',
			'* Distributed Representations of Words',
			'* Some notable reflections',
		]);
	});

	test('a list introduced after a space is still a list', () => {
		expect(parse('next year looks a lot better in terms of capacity: * NVIDIA is ramping* AMD is forecasting')).toEqual([
			'p: next year looks a lot better in terms of capacity:',
			'* NVIDIA is ramping',
			'* AMD is forecasting',
		]);
	});

	test('keeps bare domains and URLs as links', () => {
		const [block] = parseBlocks('you can find the full recap here: https://latent.space/p/dec-2023 and try suno.ai', {
			context: context(),
			anchors: new AnchorRegistry(),
			headingLevel: 2,
		});
		expect(block).toMatchObject({
			type: 'paragraph',
			content: [
				{ type: 'text' },
				{ type: 'link', href: 'https://latent.space/p/dec-2023', text: 'https://latent.space/p/dec-2023' },
				{ type: 'text', value: ' and try ' },
				{ type: 'link', href: 'https://suno.ai', text: 'suno.ai' },
			],
		});
	});

	test('gives headings unique anchors that start with a letter', () => {
		const blocks = parseBlocks('intro.2019: CogThe first iteration.2019: CogThe second', { context: context(), anchors: new AnchorRegistry(), headingLevel: 2 });
		expect(blocks.filter((b) => b.type === 'heading').map((b) => b.type === 'heading' && b.id)).toEqual(['s-2019-cog', 's-2019-cog-2']);
	});
});
