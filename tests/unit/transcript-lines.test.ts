/**
 * The feed's transcript layouts, one real excerpt of the sample feed
 * (content/sources/latent-space-podcast.xml) per layout, read through the
 * feed's own line reader (`transcriptLine`) as the ingest reads them.
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, test } from 'vitest';
import { transcriptLine } from '../../src/ingest/feed.ts';
import { isTranscriptHeadingLine, lineLayout, parseTranscriptLines, readTranscriptLine } from '../../src/ingest/transcript-lines.ts';

/** The `<p>` elements of an HTML excerpt as transcript lines. */
const lines = (html: string) =>
	(fromHtml(html, { fragment: true }) as Root).children.filter((node): node is Element => node.type === 'element').map((element) => transcriptLine(element));
const parse = (html: string) => parseTranscriptLines(lines(html));

describe('transcriptLine', () => {
	test('splits a bold label from its text, with the time before it or after it', () => {
		expect(lines('<p>[00:00:21] <strong>Simon Willison:</strong> No, it\'s great to be here again.</p>')).toEqual([
			{ lead: '[00:00:21] ', label: 'Simon Willison', labelColon: true, text: " No, it's great to be here again." },
		]);
		expect(lines('<p><strong>Swyx</strong> [00:00:14]: Hey, and today we have in the studio Erik Bernhardsson from Modal. Welcome.</p>')[0]).toMatchObject({ label: 'Swyx', labelColon: false });
	});

	test('bold text that is a sentence, not a name, stays text', () => {
		expect(lines('<p><strong>Data is the new new oil.</strong> Time for a primer!</p>')).toEqual([{ lead: '', text: 'Data is the new new oil. Time for a primer!' }]);
	});
});

describe('parseTranscriptLines: the seven layouts of the feed', () => {
	test('name-time-colon: `<strong>Alessio</strong> [00:00:00]: text` (Modal)', () => {
		const t = parse('<p><strong>Alessio</strong> [00:00:00]: Hey everyone, welcome to the Latent Space podcast.</p><p><strong>Swyx</strong> [00:00:14]: Hey, and today we have in the studio Erik Bernhardsson from Modal. Welcome.</p><p><strong>Erik</strong> [00:00:19]: Hi. It\'s awesome being here.</p>');
		expect(t.format).toBe('name-time-colon');
		expect(t.turns.map((turn) => [turn.label, turn.start, turn.end, turn.paragraphs[0]!.text.slice(0, 12)])).toEqual([
			['Alessio', 0, 14, 'Hey everyone'],
			['Swyx', 14, 19, 'Hey, and tod'],
			['Erik', 19, undefined, "Hi. It's awe"],
		]);
	});

	test('name-colon-time-start: `<strong>Alessio:</strong> [00:00:00] text`, later turns untimed with times inside (Codium)', () => {
		const t = parse('<p><strong>Alessio:</strong> [00:00:00] Hey everyone. Welcome to the Latent Space podcast.</p><p><strong>Swyx:</strong> Today we have a special guest, Tamar Friedman.</p><p><strong>Itamar: </strong>Yeah, they\'re awesome.</p><p>Well,</p><p><strong>Itamar:</strong> Thank you for inviting me. It was a pleasure.[01:06:00]</p>');
		expect(t.format).toBe('name-colon-time-start');
		expect(t.turns.map((turn) => [turn.label, turn.start, turn.paragraphs.map((p) => p.text)])).toEqual([
			['Alessio', 0, ['Hey everyone. Welcome to the Latent Space podcast.']],
			['Swyx', undefined, ['Today we have a special guest, Tamar Friedman.']],
			['Itamar', undefined, ["Yeah, they're awesome.", 'Well,']],
			['Itamar', undefined, ['Thank you for inviting me. It was a pleasure.']],
		]);
		expect(t.turns.at(-1)!.end).toBe(3960);
	});

	test('name-colon-time: `<strong>Steve</strong>: text [00:00:14]`, each time closing a turn and opening the next (tldraw)', () => {
		const t = parse("<p><strong>Swyx</strong>: Welcome back to Latent Space. I'm very excited to have my good friend, Steve Ruiz. How are you this morning? [00:00:13]</p><p><strong>Steve</strong>: Hey, how's it going? [00:00:14]</p><p><strong>Swyx</strong>: I have had the good fortune of knowing you before you got famous. [00:00:45]</p>");
		expect(t.format).toBe('name-colon-time');
		expect(t.turns.map((turn) => [turn.label, turn.start, turn.end])).toEqual([
			['Swyx', 0, 13],
			['Steve', 13, 14],
			['Swyx', 14, 45],
		]);
	});

	test('time-name-colon: `[00:00:00] <strong>swyx:</strong>` with heading lines and untimed labels between (Llama 2, Replit)', () => {
		const t = parse("<p>[00:00:00] Introducing the speakers</p><p>[00:00:00] <strong>Alessio Fanelli:</strong> There's not a single dull day in this space.</p><p>[00:00:16] You're basically a honorary guest host of all of our Twitter spaces. Cool. Thank you.</p><p>[00:00:21] <strong>Simon Willison:</strong> No, it's great to be here again.</p><p>[01:09:08] <strong>Alessio Fanelli:</strong> you so much for coming on.</p><p>[01:09:10] This was</p><p>[01:09:10] <strong>Reza Shabani:</strong> great. Of course. Thank you.</p>");
		expect(t.format).toBe('time-name-colon');
		expect(t.headings).toEqual([{ text: 'Introducing the speakers', before: 0, start: 0 }]);
		expect(t.turns.map((turn) => [turn.label, turn.start, turn.paragraphs.map((p) => [p.start, p.text.slice(0, 20)])])).toEqual([
			['Alessio Fanelli', 0, [[undefined, "There's not a single"], [16, "You're basically a h"]]],
			['Simon Willison', 21, [[undefined, "No, it's great to be"]]],
			// "This was" is half a sentence cut by a time, not a heading: the next line goes on in lower case.
			['Alessio Fanelli', 4148, [[undefined, 'you so much for comi'], [4150, 'This was']]],
			['Reza Shabani', 4150, [[undefined, 'great. Of course. Th']]],
		]);
	});

	test('a zero-width-space line is no text, and a bold heading before the first label is a heading (Axolotl)', () => {
		const t = parse('<p>[00:00:00] Introducing Wing Lian</p><p>[00:00:00] \u200b</p><p>[00:00:00] <strong>swyx:</strong> Welcome to Latent Space, a special edition with Wing Lien.</p>');
		expect(t.headings).toEqual([{ text: 'Introducing Wing Lian', before: 0, start: 0 }]);
		expect(t.turns.map((turn) => turn.label)).toEqual(['swyx']);
	});

	test('time-text: `[00:00:00] text` with no speaker: a turn per line, headings where a phrase shares the next line’s time (Roboflow)', () => {
		const t = parse("<p>[00:00:00] Hello everyone. It is me swyx and I'm here with Joseph Nelson.</p><p>[00:00:19] Introducing Joseph</p><p>[00:00:19] Joseph, you and I have known each other online for a little bit.</p>");
		expect(t.format).toBe('time-text');
		expect(t.turns.map((turn) => [turn.label, turn.start])).toEqual([
			[undefined, 0],
			[undefined, 19],
		]);
		expect(t.headings).toEqual([{ text: 'Introducing Joseph', before: 1, start: 19 }]);
	});

	test('plain: paragraphs with neither speakers nor times are turns without either (AI Breakdown)', () => {
		const t = parse("<p>all right what is going on how's it going boys great to have you here</p>");
		expect(t).toEqual({ format: 'plain', turns: [{ paragraphs: [{ text: "all right what is going on how's it going boys great to have you here" }], offset: 0 }], headings: [] });
	});

	test('name-colon: labels with no times at all', () => {
		const t = parse('<p><strong>Alessio:</strong> Hey everyone.</p><p><strong>Swyx:</strong> Hey.</p>');
		expect(t.format).toBe('name-colon');
		expect(t.turns.map((turn) => [turn.label, turn.start])).toEqual([
			['Alessio', undefined],
			['Swyx', undefined],
		]);
	});
});

describe('the rules, one by one', () => {
	test('readTranscriptLine: a double colon after a bold label with a colon is one separator (Modal: `<strong>Swyx:</strong>:`)', () => {
		const [line] = lines('<p><strong>Swyx:</strong>: When I think of data space, I come from like, you know, Snowflake.</p>');
		expect(readTranscriptLine(line!, 0).paragraphs).toEqual([{ text: 'When I think of data space, I come from like, you know, Snowflake.' }]);
	});

	test('isTranscriptHeadingLine: a phrase at the next line’s time followed by a new sentence', () => {
		const read = lines('<p>[00:02:34] SF Open Source AI Meetup</p><p>[00:02:34] <strong>swyx:</strong> So you and I met at the meetup.</p><p>[00:02:40] and then</p>').map(readTranscriptLine);
		expect(isTranscriptHeadingLine(read[0]!, read[1])).toBe(true);
		expect(isTranscriptHeadingLine(read[2]!, undefined)).toBe(false);
	});

	test('lineLayout: the most common place of the time decides', () => {
		const read = lines('<p><strong>A</strong> [00:00:01]: x</p><p><strong>B</strong> [00:00:02]: y</p><p><strong>A:</strong> [00:00:03] z</p>').map(readTranscriptLine);
		expect(lineLayout(read)).toBe('name-time-colon');
	});
});
