import { describe, expect, test } from 'vitest';
import { parseChapterList, readChapterItem } from '../../src/ingest/chapters.ts';
import { Vocabulary } from '../../src/ingest/glue.ts';
import { ParseProblem } from '../../src/ingest/problems.ts';
import { findSections, footerStart } from '../../src/ingest/sections.ts';

const context = { vocabulary: new Vocabulary(''), names: new Set<string>() };
const SHOW_NOTES = /Show Notes(?=\S|$)/u;

describe('readChapterItem', () => {
	test.each([
		['a leading timestamp', '[00:01:14] Being employee #30 at OpenAI and its early days', 74, 'Being employee #30 at OpenAI and its early days'],
		['a trailing timestamp', 'Importance of infrastructure for tech companies [00:01:11]', 71, 'Importance of infrastructure for tech companies'],
		['a one-digit hour', '[0:09:16] From CLIP to Flamingo', 556, 'From CLIP to Flamingo'],
		['a title with stars', '[00:58:39] F*** you, show me the prompt', 3519, 'F*** you, show me the prompt'],
	])('reads %s', (_, item, start, title) => {
		expect(readChapterItem(item)).toEqual({ start, title });
	});

	test('an item without a timestamp is a note, not a chapter', () => {
		expect(readChapterItem('see also the Mosaic/MPT-7B episode')).toBeUndefined();
	});

	test('an unreadable timestamp is an error', () => {
		expect(() => readChapterItem('[00:75:00] Nothing')).toThrow(ParseProblem);
	});
});

describe('parseChapterList', () => {
	test('nests items without a timestamp under the chapter before them', () => {
		const list = parseChapterList(
			'* [00:01:26] Jonathan Frankle - Chief Scientist, MosaicML/Databricks* see also the Mosaic/MPT-7B episode* $1.3B MosaicML x Databricks acquisition* [00:22:11] Lin Qiao - CEO, Fireworks AI* Fireworks Mixtral',
			SHOW_NOTES,
			context,
		);
		expect(list.chapters.map((c) => [c.start, c.title, c.notes])).toEqual([
			[86, 'Jonathan Frankle - Chief Scientist, MosaicML/Databricks', ['see also the Mosaic/MPT-7B episode', '$1.3B MosaicML x Databricks acquisition']],
			[1331, 'Lin Qiao - CEO, Fireworks AI', ['Fireworks Mixtral']],
		]);
	});

	test('ends at a show-notes heading glued to the last chapter', () => {
		const text = '* [1:05:29] Naming: M4, OBELICS, IDEFICS* [1:08:56] 2024 Update from LeoShow Notes* Introducing IDEFICS';
		const list = parseChapterList(text, SHOW_NOTES, context);
		expect(list.chapters.at(-1)).toMatchObject({ start: 4136, title: '2024 Update from Leo', notes: [] });
		expect(text.slice(list.end)).toBe('Show Notes* Introducing IDEFICS');
	});

	test('ends at a section glued after a closing bracket', () => {
		const text = '* [2:59:41] State Space Models (Chris Ré)Papers covered* Distributed Representations';
		const list = parseChapterList(text, SHOW_NOTES, context);
		expect(list.chapters.map((c) => c.title)).toEqual(['State Space Models (Chris Ré)']);
		expect(text.slice(list.end)).toBe('Papers covered* Distributed Representations');
	});

	test('ends at a closing remark glued to the last chapter', () => {
		const text = '* [01:06:41] Hiring at ReplicateThis summary covers the full range of topics discussed throughout the episode.';
		const list = parseChapterList(text, SHOW_NOTES, context);
		expect(list.chapters.map((c) => c.title)).toEqual(['Hiring at Replicate']);
		expect(text.slice(list.end)).toBe('This summary covers the full range of topics discussed throughout the episode.');
	});
});

describe('findSections', () => {
	const kinds = (body: string) =>
		findSections(body, context).sections.map((s) => `${s.kind}${s.heading ? `(${s.heading})` : ''}: ${body.slice(s.contentStart, s.end).slice(0, 24)}`);

	test('finds show notes, chapters and transcript glued to each other', () => {
		const body =
			'Well, that’s a great problem to have.Show Notes* David Luan* FigureChapters* [00:00:00] Introductions* [00:39:22] Core research questions and reasons to work at AdeptTranscriptsAlessio [00:00:00]: Hey everyone. Get full access to Latent.Space at www.latent.space/subscribe';
		expect(kinds(body)).toEqual([
			'description: Well, that’s a great pro',
			'showNotes(Show Notes): * David Luan* Figure',
			'chapters(Chapters): * [00:00:00] Introductio',
			'transcript(Transcripts): Alessio [00:00:00]: Hey ',
			'footer:  Get full access to Late',
		]);
	});

	test('finds a chapter list without a heading', () => {
		const body = 'the full recap with all the show notes here: https://latent.space/p/dec-2023* [00:00:00] Intro* [00:01:42] The Four Wars';
		expect(kinds(body)).toEqual(['description: the full recap with all ', 'chapters: * [00:00:00] Intro* [00:']);
	});

	test('keeps the text between a chapter heading and the first chapter as its introduction', () => {
		const { chapterList } = findSections('Let us know.Timestampsthe cleaned part is only part 2:* [00:55:09] Part II: Spot Interviews', context);
		expect(chapterList?.intro).toEqual(['the cleaned part is only part 2:']);
	});

	test('reads `Timestamps & Show Notes` as one chapter heading', () => {
		expect(kinds('intro.Timestamps & Show Notes* [00:01:26] Jonathan Frankle* see also')).toEqual([
			'description: intro.',
			'chapters(Timestamps & Show Notes): * [00:01:26] Jonathan Fr',
		]);
	});

	test('tells the transcript heading from the word in a sentence', () => {
		const body = '* [00:00:00] IntroTranscriptionAlessio [00:00:01]: Hey.Ce [00:19:02]: Transcripts, right? Videos.';
		expect(kinds(body).at(-1)).toBe('transcript(Transcription): Alessio [00:00:01]: Hey.');
	});
});

describe('footerStart', () => {
	const footer = ' Get full access to Latent.Space at www.latent.space/subscribe';

	test('finds the footer and the whitespace before it', () => {
		const body = `…and that’s it.Thanks for listening!${footer}`;
		expect(footerStart(body)).toBe(body.indexOf(footer));
	});

	test('skips the words inside the text and takes the footer at the end', () => {
		const body = `Subscribers Get full access to the archive.\nMore text.  ${footer}\n`;
		expect(footerStart(body)).toBe(body.indexOf('More text.') + 'More text.'.length);
	});

	test('gives nothing when the body has no footer', () => {
		expect(footerStart('Get full access to nothing here\nand more')).toBeUndefined();
	});
});
