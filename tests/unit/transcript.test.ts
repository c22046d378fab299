import { describe, expect, test } from 'vitest';
import { ParseProblem } from '../../src/ingest/problems.ts';
import { detectTranscriptFormat, gluedHeadingBefore, knownNames, labelAtEnd, parseTranscript } from '../../src/ingest/transcript.ts';
import { testReturns } from './helpers/table.ts';

/** Turns as `label start-end: text` lines (paragraphs joined by ` / `). */
const turns = (text: string, names: string[] = []) =>
	parseTranscript(text, names).turns.map(
		(t) => `${t.label} ${t.start ?? '?'}-${t.end ?? '?'}: ${t.paragraphs.map((p) => (p.start !== undefined ? `[${p.start}] ` : '') + p.text).join(' / ')}`,
	);

describe('detectTranscriptFormat', () => {
	testReturns('recognises %s', detectTranscriptFormat, [
		['Alessio [00:00:00]: Hey everyone.Swyx [00:00:15]: Hey.', 'name-time-colon'],
		['[00:00:00] AI Charlie: Welcome.[00:00:33] AI Charlie: We’re delighted.', 'time-name-colon'],
		['Swyx: Welcome back. [00:00:13]Steve: Hey, how’s it going? [00:00:14]Swyx: I have had', 'name-colon-time'],
	]);

	test('has no answer for text without labels', () => {
		expect(detectTranscriptFormat('Just some words, no labels at all.')).toBeUndefined();
	});
});

describe('labelAtEnd', () => {
	test('takes a known name glued to the previous sentence', () => {
		expect(labelAtEnd('There’s a guy named Noam.Yeah.David', new Set(['David']))).toBe('David');
	});
	test('takes a known name glued mid-word to a sentence the transcriber cut', () => {
		expect(labelAtEnd('cultural forces that kind of cue you to not think to makeSwyx', new Set(['Swyx']))).toBe('Swyx');
	});
	test('takes a joint label after a sentence end', () => {
		expect(labelAtEnd('Welcome to the studio, guys.Ce / Vipul', new Set())).toBe('Ce / Vipul');
	});
});

describe('knownNames', () => {
	test('does not take a heading glued to a known name for a name', () => {
		const names = knownNames(
			[
				{ before: 'Right.Alessio', atStart: false },
				{ before: 'Yeah.Alessio', atStart: false },
				{ before: 'use it.PyTorch MafiaAlessio', atStart: false },
				{ before: 'guys.Ce / Vipul', atStart: false },
			],
			[],
		);
		expect([...names].sort()).toEqual(['Alessio', 'Ce / Vipul']);
	});
});

describe('gluedHeadingBefore', () => {
	test('finds a heading glued between a sentence end and a label', () => {
		expect(gluedHeadingBefore('I think Stella’s decision is very smart.Making Bets')?.heading).toBe('Making Bets');
	});
	test('finds none where the label cut a sentence', () => {
		expect(gluedHeadingBefore('there’s a lot of interest in sort of chaining AI steps')).toBeUndefined();
	});
});

/** The show's hosts, which the ingest always passes as known names. */
const HOSTS = ['Alessio', 'Swyx', 'swyx'];

describe('parseTranscript: `Name [hh:mm:ss]: text`', () => {
	test('finds section headings glued to labels', () => {
		const result = parseTranscript(
			'Swyx [00:42:40]: Stella’s decision is very smart.Making BetsAlessio [00:43:53]: And how do you reconcile?Soumith [00:44:00]: It is synergy in Mojo.Pytorch vs MLXSwyx [00:44:10]: So call out to Mojo.',
			HOSTS,
		);
		expect(result.turns.map((t) => t.label)).toEqual(['Swyx', 'Alessio', 'Soumith', 'Swyx']);
		expect(result.headings).toEqual([
			{ text: 'Making Bets', before: 1, start: 2633 },
			{ text: 'Pytorch vs MLX', before: 3, start: 2650 },
		]);
	});
});

describe('parseTranscript: `[hh:mm:ss] Name: text`', () => {
	const text =
		'[00:00:00] Introducing Wing Lian[00:00:00] [00:00:00] swyx: Welcome to Latent Space. Thanks for having me.[00:00:30] Yeah. So you are in town.' +
		'[00:00:35] Wing Lian: Annapolis.[00:02:30] We’re going full bore on axolotl.[00:02:34] SF Open Source AI Meetup[00:02:34] swyx: totally you so you’re here.' +
		'[00:03:36] I met Technium.[00:03:37] He[00:03:37] Alex Volkov: came over here.';

	test('reads turns, with mid-turn timestamps as paragraph starts', () => {
		expect(turns(text)).toEqual([
			'swyx 0-35: Welcome to Latent Space. Thanks for having me. / [30] Yeah. So you are in town.',
			'Wing Lian 35-154: Annapolis. / [150] We’re going full bore on axolotl.',
			'swyx 154-217: totally you so you’re here. / [216] I met Technium. / [217] He',
			'Alex Volkov 217-?: came over here.',
		]);
	});

	test('reads heading lines that stand at the time of the next turn', () => {
		expect(parseTranscript(text).headings.map((h) => [h.text, h.before, h.start])).toEqual([
			['Introducing Wing Lian', 0, 0],
			['SF Open Source AI Meetup', 2, 154],
		]);
	});

	test('tells a heading with a colon from a speaker label', () => {
		const result = parseTranscript(
			'[00:03:24] swyx: so maybe that’s controversial.[00:03:31] Direction 1: Long Inference (Planning, Search)[00:03:31] swyx: But anyway.[00:05:00] Alessio: Yes.[00:06:00] swyx: Right.',
		);
		expect(result.headings.map((h) => h.text)).toEqual(['Direction 1: Long Inference (Planning, Search)']);
		expect(result.turns.map((t) => t.label)).toEqual(['swyx', 'swyx', 'Alessio', 'swyx']);
	});

	test('reads labels of several words, lowercase and unidentified', () => {
		expect(turns('[01:05:00] Ryan at Pixee: Hi everyone.[01:05:40] n/a: reporter.[01:05:44] Flo Crivello: All right?').map((t) => t.split(' ')[0])).toEqual([
			'Ryan',
			'n/a',
			'Flo',
		]);
	});
});

describe('parseTranscript turns', () => {
	// One row a transcript: its layout, what it shows, the text, the names the ingest knows, and the turns it reads as.
	test.each<{ layout: string; reads: string; text: string; names?: string[]; turns: string[] }>([
		{
			layout: '`Name [hh:mm:ss]: text`',
			reads: 'reads labels glued to sentences, with times and ends',
			text: 'Alessio [00:00:00]: Hey everyone.Swyx [00:00:15]: Hey, and today we have David Luan.David [00:00:20]: Yeah, thanks for having me.Swyx [00:00:21]: Been a while.',
			turns: [
				'Alessio 0-15: Hey everyone.',
				'Swyx 15-20: Hey, and today we have David Luan.',
				'David 20-21: Yeah, thanks for having me.',
				'Swyx 21-?: Been a while.',
			],
		},
		{
			layout: '`Name [hh:mm:ss]: text`',
			reads: 'reads labels without a timestamp',
			text: 'Swyx [00:00:21]: Glad we finally were able to make this happen.David: Yeah, happy to be part of it.Swyx: So we like to introduce the speaker.David [00:00:53]: Yeah, 30, 35.',
			turns: [
				'Swyx 21-?: Glad we finally were able to make this happen.',
				'David ?-?: Yeah, happy to be part of it.',
				'Swyx ?-53: So we like to introduce the speaker.',
				'David 53-?: Yeah, 30, 35.',
			],
		},
		{
			layout: '`Name [hh:mm:ss]: text`',
			reads: 'keeps the words a label cut off in the turn they were said in',
			text: 'Mikey [00:18:30]: there are cultural forces that cue you to not think to makeSwyx [00:18:37]: music.Mikey [00:18:40]: Right.',
			names: HOSTS,
			turns: [
				'Mikey 1110-1117: there are cultural forces that cue you to not think to make',
				'Swyx 1117-1120: music.',
				'Mikey 1120-?: Right.',
			],
		},
		{
			layout: '`Name [hh:mm:ss]: text`',
			reads: 'reads a doubled colon',
			text: 'Erik [00:05:00]: But it is the data space.Swyx:: When I think of data space.',
			names: HOSTS,
			turns: [
				'Erik 300-?: But it is the data space.',
				'Swyx ?-?: When I think of data space.',
			],
		},
		{
			layout: '`Name: text [hh:mm:ss]`',
			reads: 'takes each timestamp as the end of its turn and the start of the next',
			text: 'Swyx: Welcome back to Latent Space. How are you this morning? [00:00:13]Steve: Hey, how’s it going? [00:00:14]Swyx: I have had the good fortune. [00:00:32]',
			turns: [
				'Swyx 0-13: Welcome back to Latent Space. How are you this morning?',
				'Steve 13-14: Hey, how’s it going?',
				'Swyx 14-32: I have had the good fortune.',
			],
		},
		{
			layout: '`Name: text [hh:mm:ss]`',
			reads: 'reads a label without a timestamp',
			text: 'Bryan: maybe just keep this to the blogs. That’s funny.Alessio: Uh, yeah, I think one of the things. [00:12:00]Bryan: Sure. [00:12:05]',
			names: HOSTS,
			turns: [
				'Bryan 0-?: maybe just keep this to the blogs. That’s funny.',
				'Alessio ?-720: Uh, yeah, I think one of the things.',
				'Bryan 720-725: Sure.',
			],
		},
	])('$layout: $reads', ({ text, names, turns: expected }) => {
		expect(turns(text, names)).toEqual(expected);
	});
});

describe('parseTranscript errors', () => {
	test('an unreadable timestamp is reported where it is', () => {
		const text = 'Alessio [00:00:00]: Hey.Swyx [00:61:99]: Hi.';
		expect(() => parseTranscript(text)).toThrow(ParseProblem);
		try {
			parseTranscript(text);
		} catch (error) {
			expect((error as ParseProblem).offset).toBe(text.indexOf('[00:61:99]'));
		}
	});

	test('text with no labels in any layout is an unknown layout', () => {
		expect(() => parseTranscript('Nobody is named here, it is all one paragraph.')).toThrow(/unknown transcript layout/);
	});
});
