/** Inline text: the one way the ingest turns inline nodes back into text. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { inlineText, parseInline } from '../../src/ingest/inline.ts';

const seed = readFileSync('content/sources/latent-space.txt', 'utf8');

describe('inlineText', () => {
	/** A seed excerpt with emphasis and a bare domain, as the dump writes them. */
	const excerpt = 'Why Google *couldn’t* make GPT-3While we wanted to discuss Adept';
	const linked = 'product is live at suno.ai if you want to get in the studio';

	test('plain: emphasis markers dropped, links as their text', () => {
		expect(seed).toContain(excerpt);
		expect(seed).toContain(linked);
		expect(inlineText(parseInline(excerpt))).toBe('Why Google couldn’t make GPT-3While we wanted to discuss Adept');
		expect(parseInline(linked).map((node) => node.type)).toContain('link');
		expect(inlineText(parseInline(linked))).toBe(linked);
	});

	test('with marks: the text as the source writes it, which parseInline reads back to the same nodes', () => {
		for (const text of [excerpt, linked]) {
			expect(inlineText(parseInline(text), true)).toBe(text);
			expect(parseInline(inlineText(parseInline(text), true))).toEqual(parseInline(text));
		}
	});
});
