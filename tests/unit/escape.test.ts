import { parseFragment } from 'parse5';
import { describe, expect, test } from 'vitest';
import { escapeMarkup } from '../../src/lib/escape.ts';

describe('escapeMarkup', () => {
	const hostile = `Q&A "quoted" <script>alert('x')</script> a > b & c < d`;

	test('escapes the four characters markup gives a meaning', () => {
		expect(escapeMarkup(hostile)).toBe('Q&amp;A &quot;quoted&quot; &lt;script&gt;alert(\'x\')&lt;/script&gt; a &gt; b &amp; c &lt; d');
	});

	test('text escaped into an element and into a double-quoted attribute reads back unchanged', () => {
		const fragment = parseFragment(`<p title="${escapeMarkup(hostile)}">${escapeMarkup(hostile)}</p>`);
		const p = fragment.childNodes[0] as unknown as { attrs: { name: string; value: string }[]; childNodes: { value: string }[] };
		expect(p.childNodes).toHaveLength(1);
		expect(p.childNodes[0]!.value).toBe(hostile);
		expect(p.attrs).toEqual([{ name: 'title', value: hostile }]);
	});
});
