/**
 * Property-based robustness test: small slices of the real dump, mutated the
 * way broken exports and hostile text break them, go through the parser and
 * the MDX writer. Whatever the input, the parser never throws: it gives
 * episodes that fit the schema, or errors naming the episode and the line;
 * every entry it writes compiles as MDX with no code in it.
 *
 * FUZZ_RUNS and FUZZ_SEED run it longer or with other inputs
 * (`FUZZ_RUNS=20000 FUZZ_SEED=7 npx vitest run tests/unit/fuzz.test.ts`).
 */
import { compile, createProcessor } from '@mdx-js/mdx';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import remarkGfm from 'remark-gfm';
import { expect, test } from 'vitest';
import { splitDump } from '../../src/ingest/dump.ts';
import { ingestText } from './helpers/ingest.ts';
import { escapeHref, inlineMarkdown, renderEpisodeProse } from '../../src/ingest/mdx.ts';
import { formatProblem } from '../../src/ingest/problems.ts';
import { ingestSources } from '../../src/ingest/sources.ts';
import { EpisodeSchema } from '../../src/schemas/episode.ts';
import { SiteConfigSchema } from '../../src/schemas/site.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const SEED = Number(process.env.FUZZ_SEED ?? 20240322);
const site = SiteConfigSchema.parse(JSON.parse(readFileSync('content/site.json', 'utf8')));
const records = splitDump(readFileSync('content/sources/latent-space.txt', 'utf8')).episodes;
const FOOTER = ' Get full access to Latent.Space at www.latent.space/subscribe';

/** Text the dump could carry that is syntax somewhere downstream (MDX, JSX, HTML, YAML, Markdown). */
const HOSTILE = [
	'{ }',
	'{props.secret}',
	'{1+1}',
	'< >',
	'<script>alert(1)</script>',
	'<img src=x onerror=alert(1)>',
	'<a href="javascript:alert(1)">x</a>',
	'import fs from "node:fs"',
	'export const x = 1',
	'`code`',
	'```js',
	'</textarea>',
	'<!-- comment -->',
	'-->',
	'\u0000',
	'\u0007',
	'\u001b[31m',
	'\u007f',
	'\u2028',
	'\ufeff',
	'\ufffe',
	'---',
	'# ',
	'* [00:00:00] ',
	'[00:75:00]',
	'[99:99]',
	'[1:02:03]',
	'Transcript',
	'Chapters* ',
	'Show Notes',
	'Swyx [00:00:00]: ',
	': ',
	'***',
	'\\',
	'&amp; &#x3C;',
	'$$',
	'|a|b|\n|-|-|',
];

/** A small slice of a real episode: title, date line and a stretch of its body (around a section start when asked). */
const slice = fc
	.record({
		record: fc.constantFrom(...records),
		anchor: fc.constantFrom('start', 'Chapters', 'Timestamps', 'Show Notes', 'Transcript', 'random'),
		offset: fc.nat(60_000),
		length: fc.integer({ min: 0, max: 2500 }),
		footer: fc.boolean(),
	})
	.map(({ record, anchor, offset, length, footer }) => {
		const at = anchor === 'start' ? 0 : anchor === 'random' ? offset % Math.max(1, record.body.length) : Math.max(0, record.body.indexOf(anchor) - 200);
		const body = record.body.slice(at, at + length) + (footer ? FOOTER : '');
		return ['-', record.title, record.header, body].join('\n');
	});

type Mutation = (text: string) => string;
const position = (text: string, n: number) => (text.length === 0 ? 0 : n % (text.length + 1));

/** The ways an export breaks, each a function of the text. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
	fc.nat().map((n): Mutation => (text) => {
		const lines = text.split('\n');
		const i = n % lines.length;
		lines[i] = lines[i]!.slice(0, position(lines[i]!, n >> 3));
		return lines.join('\n');
	}),
	fc.nat().map((n): Mutation => (text) => text.split('\n').filter((_, i, all) => i !== n % all.length).join('\n')),
	fc.nat().map((n): Mutation => (text) => {
		const lines = text.split('\n');
		lines.splice(n % lines.length, 0, lines[n % lines.length]!);
		return lines.join('\n');
	}),
	fc.constant<Mutation>((text) => text.replace(/\n/g, '\r\n')),
	fc.constant<Mutation>((text) => `\uFEFF${text}`),
	fc.constant<Mutation>((text) => text.replace(/\[(\d{1,2}):(\d{2}):(\d{2})\]/, '[$1:7$2:$3]')),
	fc.constant<Mutation>((text) => {
		const stamps = [...text.matchAll(/\[\d{1,2}:\d{2}(?::\d{2})?\]/g)].map((m) => m[0]);
		let i = 0;
		return text.replace(/\[\d{1,2}:\d{2}(?::\d{2})?\]/g, () => stamps[stamps.length - 1 - i++]!);
	}),
	fc.constantFrom<Mutation>(
		(text) => text.replace(/\[(\d{2}):(\d{2}):(\d{2})\]/g, '[$1:$2]'),
		(text) => text.replace(/\[(\d{2}):(\d{2}):(\d{2})\]/, '[$1:$2:$3'),
		(text) => text.replace(/published at \d{4}-\d{2}-\d{2}/, 'published at 2024-02-31'),
		(text) => text.replace(/published at [^\n]*/, 'published at yesterday'),
	),
	fc.constant<Mutation>((text) => text.replace(/\n[^\n]*$/, '\n')),
	fc.integer({ min: 2, max: 12 }).map((times): Mutation => (text) => text.replace(/\n([^\n]*)$/, (_, body: string) => `\n${body.repeat(times)}`)),
	fc.tuple(fc.constantFrom(...HOSTILE), fc.nat()).map(([hostile, n]): Mutation => (text) => {
		const at = position(text, n);
		return text.slice(0, at) + hostile + text.slice(at);
	}),
	fc.tuple(fc.constantFrom('import x from "y"', 'export default {}', '<script>alert(1)</script>', '{x}', '# heading', '-'), fc.nat()).map(([line, n]): Mutation => (text) => {
		const lines = text.split('\n');
		lines.splice(n % (lines.length + 1), 0, line);
		return lines.join('\n');
	}),
);

const input = fc.tuple(fc.array(slice, { minLength: 1, maxLength: 2 }), fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([slices, mutations]) => mutations.reduce((text, mutate) => mutate(text), slices.join('\n')));

/** Compiles an entry's body as the site does and returns the kinds of code and the JSX element names in it. */
async function compiled(mdx: string): Promise<{ code: string[]; elements: string[] }> {
	const body = mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
	await compile(body, { remarkPlugins: [remarkGfm] });
	type Node = { type: string; name?: string | null; children?: Node[] };
	const code: string[] = [];
	const elements: string[] = [];
	const walk = (node: Node) => {
		if (/^mdx(?:js)?(?:Esm|FlowExpression|TextExpression)$/.test(node.type)) code.push(node.type);
		if (/^mdxJsx/.test(node.type)) elements.push(node.name ?? '');
		node.children?.forEach(walk);
	};
	walk(createProcessor({ remarkPlugins: [remarkGfm] }).parse(body) as Node);
	return { code, elements };
}

test(`the parser survives ${RUNS} mutated slices of the real dump, and every entry it writes compiles`, async () => {
	let episodes = 0;
	let errors = 0;
	await fc.assert(
		fc.asyncProperty(input, async (text) => {
			const lines = text.split(/\r\n|\r|\n/).length;
			const result = ingestText(text, 'fuzz.txt', site.hosts);
			for (const problem of result.problems.filter((p) => p.severity === 'error')) {
				errors++;
				expect(problem.episode, formatProblem(problem)).toBeTruthy();
				expect(problem.line).toBeGreaterThanOrEqual(1);
				expect(problem.line).toBeLessThanOrEqual(lines);
				expect(formatProblem(problem)).toMatch(/^fuzz\.txt:\d+(?::\d+)?: error: \S.* \(episode “.*”\)$/s);
			}
			for (const episode of result.episodes) {
				episodes++;
				expect(EpisodeSchema.safeParse(episode).success).toBe(true);
				const { code, elements } = await compiled(renderEpisodeProse(episode));
				expect(code).toEqual([]);
				expect(elements.every((name) => /^h[234]$/.test(name))).toBe(true);
			}
		}),
		{ numRuns: RUNS, seed: SEED, endOnFailure: true },
	);
	// The inputs exercise both outcomes, not just one.
	expect(episodes).toBeGreaterThan(RUNS / 4);
	expect(errors).toBeGreaterThan(RUNS / 20);
}, 300_000);

test('found by this test: text that GFM would autolink cannot swallow the escape after it and become JSX', async () => {
	const text = 'at www.latent.sp<!-- comment -->ace/subscribe, mail a@b.co or see http://x.y<script>';
	const markdown = inlineMarkdown([{ type: 'text', value: text }]);
	const { code, elements } = await compiled(markdown);
	expect([code, elements]).toEqual([[], []]);
	type Node = { type: string; value?: string; children?: Node[] };
	const nodes: Node[] = [];
	const walk = (node: Node) => (nodes.push(node), node.children?.forEach(walk));
	walk(createProcessor({ remarkPlugins: [remarkGfm] }).parse(markdown) as Node);
	expect(nodes.map((node) => node.type).filter((type) => !['root', 'paragraph', 'text', 'link'].includes(type))).toEqual([]);
	expect(nodes.filter((node) => node.type === 'text').map((node) => node.value).join('')).toBe(text);
});

const feedFixture = readFileSync('tests/fixtures/feed/latent-space-feed.xml', 'utf8');
const FEED_RUNS = Math.max(100, Math.round(RUNS / 4));

/** Mutations of a feed export: its XML cut short, its HTML broken or laced with markup. */
const feedMutation: fc.Arbitrary<Mutation> = fc.oneof(
	fc.nat().map((n): Mutation => (text) => text.slice(0, position(text, n))),
	fc.tuple(fc.constantFrom(...HOSTILE, '<p>', '</li>', '<ul><li>', '<h2>Transcript</h2>', '<h2>Chapters</h2><ul><li>[00:75:00] x</li></ul>', '<a href="javascript:x">y</a>', ']]>'), fc.nat()).map(
		([hostile, n]): Mutation => (text) => {
			const start = text.indexOf('<![CDATA[<p>');
			const at = start + 12 + (n % Math.max(1, text.indexOf(']]></content:encoded>', start) - start - 12));
			return text.slice(0, at) + hostile + text.slice(at);
		},
	),
	fc.constantFrom<Mutation>(
		(text) => text.replace(/<\/?(?:p|li|ul|h2|h3|strong)>/g, ''),
		(text) => text.replace(/<pubDate>[^<]*<\/pubDate>/, '<pubDate>not a date</pubDate>'),
		(text) => text.replace(/<title><!\[CDATA\[[^\]]*\]\]><\/title>/g, '<title></title>'),
		(text) => text.replace(/\n/g, '\r\n'),
		(text) => `\uFEFF${text}`,
	),
);

test(`the feed reader survives ${FEED_RUNS} mutated feed exports, and every entry it writes compiles`, async () => {
	await fc.assert(
		fc.asyncProperty(fc.array(feedMutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
			const text = mutations.reduce((t, mutate) => mutate(t), feedFixture);
			const result = ingestSources([{ file: 'feed.xml', text }], { hosts: site.hosts });
			for (const problem of result.problems.filter((p) => p.severity === 'error')) {
				expect(formatProblem(problem)).toMatch(/^feed\.xml:\d+: error: \S/);
			}
			for (const entry of result.entries) {
				expect(EpisodeSchema.safeParse(entry.episode).success).toBe(true);
				const { code, elements } = await compiled(entry.content!.prose);
				expect(code).toEqual([]);
				expect(elements.every((name) => /^h[234]$/.test(name))).toBe(true);
				expect(JSON.stringify(entry.episode)).not.toMatch(/"href":"\s*javascript:/i);
			}
		}),
		{ numRuns: FEED_RUNS, seed: SEED, endOnFailure: true },
	);
}, 300_000);

test('found by this test: a link whose URL holds a control character stays a link and its escapes hold', async () => {
	const markdown = inlineMarkdown([
		{ type: 'link', href: 'https://www.adept.\u007fai/blog/\ud83d', text: 'Fuyu-8B' },
		{ type: 'text', value: '<\ufffe/li>' },
	]);
	expect(markdown).toBe('[Fuyu-8B](https://www.adept.%7Fai/blog/%EF%BF%BD)\\<\ufffe/li\\>');
	expect(await compiled(markdown)).toEqual({ code: [], elements: [] });
	expect(escapeHref('https://example.org/a (b)\u0000é')).toBe('https://example.org/a%20%28b%29%00%C3%A9');
});
