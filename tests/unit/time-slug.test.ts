import { describe, expect, test } from 'vitest';
import { AnchorRegistry, slugify } from '../../src/shared/slug.ts';
import { formatDuration, formatTime, isoDuration, parseTime, vttTime } from '../../src/shared/time.ts';

describe('time', () => {
	test.each([
		['[00:01:14]', 74],
		['[0:09:16]', 556],
		['1:02:03', 3723],
		['01:14', 74],
		['74', 74],
		['[00:61:00]', undefined],
		['soon', undefined],
	])('parseTime(%s) is %s', (text, seconds) => {
		expect(parseTime(text)).toBe(seconds);
	});

	test('formats for readers, ISO 8601 and WebVTT', () => {
		expect([formatTime(74), formatTime(3723), isoDuration(3723), isoDuration(0), vttTime(3723), formatDuration(3723), formatDuration(2940)]).toEqual([
			'01:14',
			'1:02:03',
			'PT1H2M3S',
			'PT0S',
			'01:02:03.000',
			'1 h 02 min',
			'49 min',
		]);
	});
});

describe('slugify', () => {
	test('folds accents and punctuation into a readable slug', () => {
		expect(slugify('How to train your own Large Multimodal Model — with Hugo Laurençon & Leo Tronchon', 100)).toBe(
			'how-to-train-your-own-large-multimodal-model-with-hugo-laurencon-and-leo-tronchon',
		);
	});
	test('cuts long slugs at a word boundary', () => {
		expect(slugify('Why Google failed to make GPT-3 + why Multimodal Agents are the path to AGI', 40)).toBe('why-google-failed-to-make-gpt-3-why');
	});
	test('gives later claims of a taken id a number', () => {
		const anchors = new AnchorRegistry(['transcript']);
		expect([anchors.claim('t-00-21'), anchors.claim('t-00-21'), anchors.claim('transcript')]).toEqual(['t-00-21', 't-00-21-2', 'transcript-2']);
	});
});
