import { describe, expect, test } from 'vitest';
import { parseHeader, splitDump } from '../../src/ingest/dump.ts';
import { ParseProblem } from '../../src/ingest/problems.ts';
import { guestsFromTitle, resolveSpeakers } from '../../src/ingest/speakers.ts';
import type { Host } from '../../src/schemas/site.ts';

const HOSTS: Host[] = [
	{ id: 'alessio-fanelli', name: 'Alessio Fanelli', aliases: ['Alessio'] },
	{ id: 'swyx', name: 'Shawn “swyx” Wang', aliases: ['swyx'] },
];

describe('guestsFromTitle', () => {
	test.each([
		['Why Google failed to make GPT-3 + why Multimodal Agents are the path to AGI — with David Luan of Adept', ['David Luan']],
		['Cloud Intelligence at the speed of 5000 tok/s - with Ce Zhang and Vipul Ved Prakash of Together AI', ['Ce Zhang', 'Vipul Ved Prakash']],
		['How to train your own Large Multimodal Model — with Hugo Laurençon & Leo Tronchon of HuggingFace M4', ['Hugo Laurençon', 'Leo Tronchon']],
		['The "Normsky" architecture for AI coding agents — with Beyang Liu + Steve Yegge of SourceGraph', ['Beyang Liu', 'Steve Yegge']],
		["The Busy Person's Intro to Finetuning & Open Source AI - Wing Lian, Axolotl", ['Wing Lian']],
		['RLHF 201 - with Nathan Lambert of AI2 and Interconnects', ['Nathan Lambert']],
		['Top 5 Research Trends (Jan-Feb 2024 Audio Recap) + Latent Space Anniversary with Lindy.ai, RWKV, Pixee, Julius.ai, Listener Q&A!', []],
		['NeurIPS 2023 Recap — Top Startups', []],
	])('%s', (title, guests) => {
		expect(guestsFromTitle(title)).toEqual(guests);
	});
});

describe('resolveSpeakers', () => {
	test('gives full names from the title and hosts from the configuration, in any case', () => {
		const { speakers, byLabel } = resolveSpeakers(['Alessio', 'Swyx', 'David', 'swyx'], 'Title — with David Luan of Adept', HOSTS);
		expect(speakers).toEqual([
			{ id: 'alessio-fanelli', name: 'Alessio Fanelli', labels: ['Alessio'], role: 'host' },
			{ id: 'swyx', name: 'Shawn “swyx” Wang', labels: ['Swyx', 'swyx'], role: 'host' },
			{ id: 'david-luan', name: 'David Luan', labels: ['David'], role: 'guest' },
		]);
		expect(byLabel.get('swyx')).toBe('swyx');
	});

	test('resolves a joint label to both names and lists guests who never speak', () => {
		const { speakers } = resolveSpeakers(['Ce / Vipul', 'n/a'], 'x - with Ce Zhang and Vipul Ved Prakash of Together AI', HOSTS);
		expect(speakers.map((s) => [s.name, s.role, s.labels])).toEqual([
			['Ce Zhang / Vipul Ved Prakash', 'guest', ['Ce / Vipul']],
			['Unidentified speaker', 'other', ['n/a']],
			['Ce Zhang', 'guest', []],
			['Vipul Ved Prakash', 'guest', []],
		]);
	});
});

describe('splitDump', () => {
	const dump = ['-', 'Title one', 'From 🇺🇸 Show, published at 2024-03-22 19:08', 'Body one.', '-', 'Title two', 'From 🇺🇸 Show, published at 2024-03-14 16:48', 'Body two.'].join('\n');

	test('reads records of title, date line and body, with their lines', () => {
		expect(splitDump(dump)).toEqual({
			episodes: [
				{ title: 'Title one', header: 'From 🇺🇸 Show, published at 2024-03-22 19:08', body: 'Body one.', titleLine: 2, headerLine: 3, bodyLine: 4 },
				{ title: 'Title two', header: 'From 🇺🇸 Show, published at 2024-03-14 16:48', body: 'Body two.', titleLine: 6, headerLine: 7, bodyLine: 8 },
			],
			errors: [],
		});
	});

	test('tolerates a byte-order mark and CRLF line endings', () => {
		expect(splitDump(`\uFEFF${dump.replace(/\n/g, '\r\n')}`)).toEqual(splitDump(dump));
	});

	test('reports a record without its date line and keeps the others', () => {
		const broken = dump.replace('From 🇺🇸 Show, published at 2024-03-22 19:08\n', '');
		expect(splitDump(broken).errors).toEqual([{ line: 2, title: 'Title one', message: expect.stringMatching(/missing the “From/) }]);
		expect(splitDump(broken).episodes.map((e) => e.title)).toEqual(['Title two']);
	});
});

describe('parseHeader', () => {
	test('reads show, flag and time (as UTC)', () => {
		expect(parseHeader('From 🇺🇸 Latent Space: The AI Engineer Podcast, published at 2024-03-22 19:08')).toEqual({
			show: 'Latent Space: The AI Engineer Podcast',
			flag: '🇺🇸',
			published: new Date('2024-03-22T19:08:00Z'),
		});
	});

	test.each(['From Show, published at 2024-02-30 10:00', 'From Show, published yesterday', 'Show, published at 2024-01-01 10:00'])('rejects %s', (line) => {
		expect(() => parseHeader(line)).toThrow(ParseProblem);
	});
});
