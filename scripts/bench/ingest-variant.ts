/**
 * The ingest for the bench's alternative content layouts (never used by the
 * site itself): the project's parser and entry files (src/ingest/sources.ts,
 * the same overrides and redirects), re-laid out as
 * - `frontmatter`: one `<slug>.mdx` per episode, the `<slug>.json` data as its
 *   frontmatter (JSON is YAML) and the description and show notes as its body:
 *   the layout the project used before the split;
 * - `body`: `<slug>.json` as the project writes it, and the whole transcript
 *   added to the `<slug>.mdx` body, one JSX element per turn around Markdown
 *   paragraphs, as the components render it.
 * The current layout (`split`) is `npm run ingest` itself. Always a cold run:
 * every episode is parsed, no manifest is kept.
 * Usage: `tsx scripts/bench/ingest-variant.ts --layout frontmatter|body [--sources DIR] [--out DIR]`.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { ingestSources } from '../../src/ingest/sources.ts';
import { formatProblem } from '../../src/ingest/problems.ts';
import { entryData, inlineMarkdown } from '../../src/ingest/mdx.ts';
import { OverridesSchema } from '../../src/schemas/overrides.ts';
import { REDIRECTS_FILE } from '../build-paths.ts';
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
				`<div class="turn" id="${turn.id}" data-role="${speaker?.role ?? ""}">\n<p class="turn-meta">${speaker ? `<span class="speaker">${jsxText(speaker.name)}</span>` : ""}${time}</p>\n\n${paragraphs.join('\n\n')}\n\n</div>`,
			);
		}
	}
	parts.push('</div>');
	return parts.join('\n\n');
}

/** The MDX body of the project's prose file, without its frontmatter (which only holds the "generated" note). */
const proseBody = (prose: string) => prose.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/^\n/, '');

const { values } = parseArgs({
	options: {
		layout: { type: 'string' },
		sources: { type: 'string', default: 'content/sources' },
		out: { type: 'string', default: 'content/episodes' },
		site: { type: 'string', default: 'content/site.json' },
		overrides: { type: 'string', default: 'content/overrides.json' },
	},
});
if (values.layout !== 'frontmatter' && values.layout !== 'body') throw new Error('--layout must be frontmatter or body (the current layout is `npm run ingest`)');

const started = performance.now();
const site = await loadSiteConfig(values.site);
const overrides = existsSync(values.overrides) ? OverridesSchema.parse(JSON.parse(await readFile(values.overrides, 'utf8'))) : undefined;
const files = (await readdir(values.sources)).filter((name) => /\.(?:txt|xml|rss)$/i.test(name)).sort();
const sources = await Promise.all(files.map(async (file) => ({ file, text: await readFile(path.join(values.sources, file), 'utf8') })));
const { entries, problems, redirects } = ingestSources(sources, { hosts: site.hosts, ...(overrides ? { overrides, overridesFile: values.overrides } : {}) });
await rm(values.out, { recursive: true, force: true });
await mkdir(values.out, { recursive: true });
for (const { slug, content, episode } of entries) {
	// Without a previous manifest every episode is parsed, so each entry has its files and its episode.
	if (!content || !episode) throw new Error(`${slug}: not parsed`);
	const prose = proseBody(content.prose);
	if (values.layout === 'frontmatter') {
		await writeFile(path.join(values.out, `${slug}.mdx`), `---\n${content.data}---\n${prose ? `\n${prose}` : ''}`);
	} else {
		await writeFile(path.join(values.out, `${slug}.json`), content.data);
		await writeFile(path.join(values.out, `${slug}.mdx`), `${prose}\n${transcriptMdx(episode)}\n`);
	}
}
await writeFile(
	path.join(values.out, REDIRECTS_FILE),
	`${JSON.stringify({ generated: 'Generated by scripts/bench/ingest-variant.ts. Do not edit.', redirects }, null, '\t')}\n`,
);
const bytes = sources.reduce((sum, source) => sum + Buffer.byteLength(source.text), 0);
const seconds = (performance.now() - started) / 1000;
console.log(`ingest-variant (${values.layout}): ${entries.length} episodes (${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s)`);
const errors = problems.filter((problem) => problem.severity === 'error');
if (errors.length > 0) console.error(errors.map(formatProblem).join('\n'));
