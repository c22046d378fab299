/**
 * The ingest for the bench's alternative content layouts (never used by the
 * site itself): the same parser, but entries written as
 * - `split`: `<slug>.json` (the typed data) + `<slug>.mdx` (description and show notes only);
 * - `body`: as `split`, with the whole transcript in the MDX body, one JSX
 *   element per turn around Markdown paragraphs, as the component renders it.
 * Usage: `tsx scripts/bench/ingest-variant.ts --layout split|body [--sources DIR] [--out DIR]`.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ingestSources } from '../../src/ingest/sources.ts';
import { formatProblem } from '../../src/ingest/problems.ts';
import { entryData, frontmatterJson, inlineMarkdown, renderEpisodeMdx } from '../../src/ingest/mdx.ts';
import { transcriptItems } from '../../src/lib/transcript-view.ts';
import { formatTime, isoDuration } from '../../src/lib/time.ts';
import type { Episode } from '../../src/schemas/episode.ts';
import { loadSiteConfig } from '../site-config.ts';

/** A JSX string expression: any text, safely, inside MDX. */
const jsxText = (text: string) => `{${JSON.stringify(text)}}`;

/** The transcript as MDX: the same markup `Transcript.astro` renders, written into the body. */
function transcriptMdx(episode: Episode): string {
	const data = entryData(episode);
	if (!data.transcript) return '';
	const parts = ['<h2 id="transcript">Transcript</h2>', '<div class="transcript">'];
	for (const item of transcriptItems(data)) {
		if (item.kind === 'chapter') {
			const alias = item.alias ? `<span id="${item.alias}" />` : '';
			parts.push(`<h3 class="transcript-chapter" id="${item.chapter.id}">${alias}${jsxText(item.chapter.title)}</h3>`);
		} else if (item.kind === 'heading') {
			parts.push(`<h4 class="transcript-heading" id="${item.heading.id}">${jsxText(item.heading.text)}</h4>`);
		} else {
			const { turn, speaker } = item;
			const time =
				turn.start === undefined
					? ''
					: `<a class="timestamp" href="#${turn.id}"><time datetime="${isoDuration(turn.start)}">${formatTime(turn.start)}</time></a>`;
			const paragraphs = turn.paragraphs.map((p) => inlineMarkdown([{ type: 'text', value: p.text }]) || '\u00a0');
			parts.push(
				`<div class="turn" id="${turn.id}" data-role="${speaker.role}">\n<p class="turn-meta"><span class="speaker">${jsxText(speaker.name)}</span>${time}</p>\n\n${paragraphs.join('\n\n')}\n\n</div>`,
			);
		}
	}
	parts.push('</div>');
	return parts.join('\n\n');
}

/** The MDX body of the current writer, without its frontmatter. */
function proseBody(episode: Episode): string {
	return renderEpisodeMdx(episode).replace(/^---\n[\s\S]*?\n---\n/, '');
}

const { values } = parseArgs({
	options: {
		layout: { type: 'string' },
		sources: { type: 'string', default: 'content/sources' },
		out: { type: 'string', default: 'content/episodes' },
		site: { type: 'string', default: 'content/site.json' },
	},
});
if (values.layout !== 'split' && values.layout !== 'body') throw new Error('--layout must be split or body');

const started = performance.now();
const site = await loadSiteConfig(values.site);
const files = (await readdir(values.sources)).filter((name) => name.endsWith('.txt')).sort();
const sources = await Promise.all(files.map(async (file) => ({ file, text: await readFile(path.join(values.sources, file), 'utf8') })));
const { episodes, problems } = ingestSources(sources, site.hosts);
await mkdir(values.out, { recursive: true });
const stale = new Set(await readdir(values.out));
let written = 0;
for (const episode of episodes) {
	const outputs: [string, string][] = [
		[`${episode.slug}.json`, `${frontmatterJson(entryData(episode))}\n`],
		[`${episode.slug}.mdx`, `${proseBody(episode).trimEnd()}\n${values.layout === 'body' ? `\n${transcriptMdx(episode)}\n` : ''}`],
	];
	for (const [name, content] of outputs) {
		stale.delete(name);
		const target = path.join(values.out, name);
		const previous = await readFile(target, 'utf8').catch(() => undefined);
		if (previous !== content) {
			await writeFile(target, content);
			written++;
		}
	}
}
for (const name of stale) await rm(path.join(values.out, name));
const bytes = sources.reduce((sum, source) => sum + Buffer.byteLength(source.text), 0);
const seconds = (performance.now() - started) / 1000;
console.log(`ingest-variant (${values.layout}): ${episodes.length} episodes (${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s), ${written} files written`);
const errors = problems.filter((problem) => problem.severity === 'error');
if (errors.length > 0) console.error(errors.map(formatProblem).join('\n'));
