/**
 * Prototype: what a first search downloads with other ways of cutting the
 * archive into Pagefind records, on an already built site.
 *
 *   npx tsx scripts/bench/search-variants.ts --dist .bench/baseline-2000 [--out .bench/search]
 *
 * Variants (each written with Pagefind's Node API into its own folder and
 * measured with the same Chromium probe as `npm run bench`):
 * - `page`: one record per page, as `pagefind --site dist` does today;
 * - `content-only`: the same, but only the `<article>` (what `data-pagefind-body` will do);
 * - `chapter-records`: one record for the episode's head (title, description,
 *   show notes, chapter list) and one per transcript chapter, its URL the
 *   chapter's anchor, so a result downloads one chapter's text, not the whole
 *   transcript;
 * - `part-records`: the transcript cut into parts of at least 4,000 words
 *   (whole chapters), fewer records than per chapter;
 * - `no-transcript`: pages without their transcript (`excludeSelectors`), what a
 *   first, small index of titles, descriptions, show notes and chapters would
 *   cost if transcripts were searched in a second index loaded on demand.
 * `--variants a,b` runs only some.
 * Prints a JSON summary; the figures are recorded in docs/benchmarks.md.
 */
import { cp, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { probeSearch } from './search-probe.ts';
import { listFiles } from './site-stats.ts';

/** A searchable record: a URL, a title and plain text. */
export interface SearchRecord {
	url: string;
	title: string;
	content: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Plain text of an HTML fragment: tags dropped, entities decoded, whitespace collapsed. */
export function htmlText(html: string): string {
	return html
		.replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (entity, name: string) =>
			name.startsWith('#x') || name.startsWith('#X')
				? String.fromCodePoint(parseInt(name.slice(2), 16))
				: name.startsWith('#')
					? String.fromCodePoint(Number(name.slice(1)))
					: (ENTITIES[name] ?? entity),
		)
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * Cuts an episode page into records: the head (everything in the article
 * before the first transcript chapter) and the transcript in parts that start
 * at chapter headings, each part at least `minWords` long (0: one per chapter).
 */
export function episodeRecords(html: string, pageUrl: string, minWords: number): SearchRecord[] {
	const article = /<article\b[\s\S]*<\/article>/.exec(html)?.[0] ?? html;
	const title = htmlText(/<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(article)?.[1] ?? pageUrl);
	const heads = [...article.matchAll(/<h3 class="transcript-chapter" id="([^"]+)"/g)];
	const records: SearchRecord[] = [{ url: pageUrl, title, content: htmlText(article.slice(0, heads[0]?.index ?? article.length)) }];
	let part: { id: string; chapter: string; text: string[] } | undefined;
	const flush = () => {
		if (part) records.push({ url: `${pageUrl}#${part.id}`, title: `${title} — ${part.chapter}`, content: part.text.join(' ') });
		part = undefined;
	};
	heads.forEach((head, i) => {
		const chunk = htmlText(article.slice(head.index, heads[i + 1]?.index ?? article.length));
		const chapter = htmlText(/<h3[^>]*>([\s\S]*?)<\/h3>/.exec(article.slice(head.index))?.[1] ?? '');
		if (part && part.text.join(' ').split(' ').length >= minWords) flush();
		part ??= { id: head[1]!, chapter, text: [] };
		part.text.push(chunk);
	});
	flush();
	return records;
}

/** Writes one variant's index next to a copy of the home page, so the probe can load it. */
async function buildVariant(dist: string, out: string, name: string, fill: (index: pagefind.PagefindIndex) => Promise<void>, config: pagefind.PagefindServiceConfig = {}) {
	const root = path.join(out, name);
	await rm(root, { recursive: true, force: true });
	await mkdir(root, { recursive: true });
	await cp(path.join(dist, 'index.html'), path.join(root, 'index.html'));
	const started = performance.now();
	const { index, errors } = await pagefind.createIndex(config);
	if (!index) throw new Error(errors.join('\n'));
	await fill(index);
	const written = await index.writeFiles({ outputPath: path.join(root, 'pagefind') });
	if (written.errors.length) throw new Error(written.errors.join('\n'));
	await index.deleteIndex();
	const seconds = (performance.now() - started) / 1000;
	const files = await listFiles(path.join(root, 'pagefind'));
	return { root, seconds, files: files.length };
}

const { values } = parseArgs({ options: { dist: { type: 'string' }, out: { type: 'string', default: '.bench/search' }, variants: { type: 'string' } } });
if (!values.dist) {
	console.error('usage: npx tsx scripts/bench/search-variants.ts --dist BUILT_SITE [--out DIR]');
	process.exit(2);
}
const dist = path.resolve(values.dist);
const out = path.resolve(values.out);
const pages = (await listFiles(dist)).filter((file) => /^episodes\/[^/]+\/index\.html$/.test(file));
const queries = ['brain credit marketplace', 'open source', 'model'];
const summary: Record<string, unknown> = {};
let records = 0;
const variants: [string, (index: pagefind.PagefindIndex) => Promise<void>, pagefind.PagefindServiceConfig?][] = [
	['page', async (index) => void (await index.addDirectory({ path: dist }))],
	['content-only', async (index) => void (await index.addDirectory({ path: dist })), { rootSelector: 'article' }],
	['no-transcript', async (index) => void (await index.addDirectory({ path: dist })), { rootSelector: 'article', excludeSelectors: ['.transcript'] }],
	...([
		['chapter-records', 0],
		['part-records', 4000],
	] as const).map(([name, minWords]): [string, (index: pagefind.PagefindIndex) => Promise<void>] => [
		name,
		async (index) => {
			records = 0;
			for (const page of pages) {
				const url = `/${page.replace(/index\.html$/, '')}`;
				for (const record of episodeRecords(await readFile(path.join(dist, page), 'utf8'), url, minWords)) {
					records++;
					await index.addCustomRecord({ url: record.url, content: record.content, language: 'en', meta: { title: record.title } });
				}
			}
		},
	]),
];
const only = values.variants?.split(',');
for (const [name, fill, config] of variants.filter(([name]) => !only || only.includes(name))) {
	records = 0;
	const built = await buildVariant(dist, out, name, fill, config);
	const search = await probeSearch(built.root, queries, 4404);
	summary[name] = {
		records: records || pages.length,
		indexSeconds: Number(built.seconds.toFixed(1)),
		indexFiles: built.files,
		search: search.map((q) => ({ query: q.query, kb: Math.round(q.bytes / 1024), byKind: Object.fromEntries(Object.entries(q.byKind).map(([k, v]) => [k, Math.round(v / 1024)])) })),
	};
	console.log(name, JSON.stringify(summary[name]));
}
await pagefind.close();
