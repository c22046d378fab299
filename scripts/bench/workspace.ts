/**
 * The bench's work copy of the site: the files a build reads, copied into a
 * git-ignored folder inside the repository (so packages still resolve from
 * the repository's node_modules), with a bench Astro config and, for the
 * pipeline comparison, another content layout or Markdown processor. The
 * developer's own content/, dist/ and caches are never touched.
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where the typed episode data lives and how the transcript reaches the page.
 * `split` is what `npm run ingest` writes today; the others are alternatives
 * written by scripts/bench/ingest-variant.ts.
 */
export type Writer = 'frontmatter' | 'split' | 'body';
/** Astro's Markdown/MDX processor: the remark pipeline with remark-gfm, or Sätteri (Rust, Astro 7's default). */
export type Processor = 'unified' | 'satteri';

/** One way of building the site. */
export interface Scenario {
	writer: Writer;
	processor: Processor;
	/**
	 * Astro 7's `experimental.incrementalBuild`, with a `cacheKey` on every
	 * episode route (the entry's digest and its neighbours'), so a rebuild
	 * renders only the pages whose data changed.
	 */
	astroIncremental?: boolean;
}

/** What `npm run build` does today: typed data as JSON entries, prose-only MDX, the remark pipeline. */
export const CURRENT: Scenario = { writer: 'split', processor: 'unified' };

/** A short stable name: `frontmatter+unified`, `split+satteri+incremental`. */
export function scenarioName(scenario: Scenario): string {
	return [scenario.writer, scenario.processor, ...(scenario.astroIncremental ? ['incremental'] : [])].join('+');
}

/** Reads a scenario name back (`split+satteri+incremental`); throws on an unknown part. */
export function parseScenario(name: string): Scenario {
	const [writer, processor, ...flags] = name.split('+');
	if (writer !== 'frontmatter' && writer !== 'split' && writer !== 'body') throw new Error(`unknown content layout “${writer}” in “${name}”`);
	if (processor !== 'unified' && processor !== 'satteri') throw new Error(`unknown processor “${processor}” in “${name}”`);
	// The parser fix the bench once measured as a patch is part of src/ingest now; every scenario has it.
	if (flags.includes('fast-parser')) throw new Error(`“fast-parser” in “${name}”: the parser speed-up is in src/ingest now, drop the flag`);
	const unknown = flags.filter((flag) => flag !== 'incremental');
	if (unknown.length) throw new Error(`unknown scenario flag “${unknown[0]}” in “${name}”`);
	return { writer, processor, ...(flags.includes('incremental') ? { astroIncremental: true } : {}) };
}

/** The repository's files a build needs. */
const COPIED = ['src', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json', 'content/site.json', 'content/overrides.json'];

/** `renderProse` of src/lib/episodes.ts as the project has it: the prose is its own collection. */
const PROSE_FROM_COLLECTION = `\tconst prose = await getEntry('prose', episode.id);
\tif (!prose) throw new Error(\`content/episodes/\${episode.id}.mdx is missing: run \\\`npm run ingest\\\` again\`);
\treturn render(prose);`;

/** The bench Astro config: the project's, with the processor swapped and incremental builds on when asked. */
export function benchConfig(processor: Processor, astroIncremental = false): string {
	const overrides: string[] = [];
	if (processor === 'satteri') {
		// Sätteri has GFM built in (remark plugins do not run on it); smart punctuation off, as in the project.
		overrides.push(`markdown: { ...config.markdown, processor: satteri({ features: { gfm: true, smartPunctuation: false } }) }`);
	}
	if (astroIncremental) overrides.push(`experimental: { ...config.experimental, incrementalBuild: true }`);
	return [
		...(processor === 'satteri' ? [`import { satteri } from '@astrojs/markdown-satteri';`] : []),
		`import config from './astro.config.mjs';`,
		``,
		overrides.length ? `export default { ...config, ${overrides.join(', ')} };` : 'export default config;',
		``,
	].join('\n');
}

/** Replaces `from` with `to` in a file, failing loudly when the project changed under the bench. */
async function replaceIn(file: string, from: string, to: string): Promise<void> {
	const text = await readFile(file, 'utf8');
	if (!text.includes(from)) throw new Error(`bench: “${from}” not found in ${file}; update scripts/bench/workspace.ts`);
	await writeFile(file, text.replace(from, to));
}

/** Lays out a fresh work copy for `scenario` in `work`. */
export async function prepareWorkCopy(repo: string, work: string, scenario: Scenario): Promise<void> {
	await rm(work, { recursive: true, force: true });
	await mkdir(path.join(work, 'content', 'sources'), { recursive: true });
	for (const item of COPIED) await cp(path.join(repo, item), path.join(work, item), { recursive: true });
	await writeFile(path.join(work, 'astro.bench.config.mjs'), benchConfig(scenario.processor, scenario.astroIncremental));
	// Kept as .template files: they only make sense inside the work copy's src/, and the repository's
	// type check must not read them where they lie.
	const variants = path.join(repo, 'scripts', 'bench', 'variants');
	const page = path.join(work, 'src', 'pages', 'episodes', '[slug]', 'index.astro');
	if (scenario.writer === 'frontmatter') {
		// One MDX entry per episode carries both: the page renders the entry itself, as before the split.
		await cp(path.join(variants, 'content.config.frontmatter.ts.template'), path.join(work, 'src', 'content.config.ts'));
		await replaceIn(path.join(work, 'src', 'lib', 'episodes.ts'), PROSE_FROM_COLLECTION, '\treturn render(episode);');
	}
	if (scenario.writer === 'body') await cp(path.join(variants, 'episode-body.astro.template'), page);
	if (scenario.astroIncremental) {
		// A page is reused only when its own entry and its neighbours (prev/next links) are unchanged.
		await replaceIn(
			path.join(work, 'src', 'lib', 'episodes.ts'),
			'params: { slug: episode.data.slug },',
			`params: { slug: episode.data.slug },\n\t\tcacheKey: [episode, episodes[i + 1], episodes[i - 1]].map((entry) => entry?.digest ?? '').join(':'),`,
		);
	}
}

/** The ingest command of a scenario, run in the work copy: the project's own for the current layout. */
export function ingestArgs(scenario: Scenario): string[] {
	return scenario.writer === 'split' ? ['scripts/ingest.ts'] : ['scripts/bench/ingest-variant.ts', '--layout', scenario.writer];
}

/** Removes what a cold build must not find: generated entries, the build and every cache. */
export async function clean(work: string): Promise<void> {
	for (const item of ['content/episodes', 'dist', '.astro', 'node_modules']) await rm(path.join(work, item), { recursive: true, force: true });
}
