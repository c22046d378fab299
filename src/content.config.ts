/**
 * The collections `npm run ingest` writes into content/episodes/ (or
 * ARCHIVE_EPISODES_DIR, for a fixture site): per episode, `<slug>.json` holds
 * the typed data, validated with the schema the ingest uses, and `<slug>.mdx`
 * the description and show notes. Both share the entry id (the slug).
 *
 * The `episodes` collection keeps each transcript as counts only
 * (`summarizeEpisode`): Astro inlines the whole collection store into one
 * JavaScript module, and at 2,000 episodes the transcripts made that a
 * 40 MB string literal which V8 took 17 s to compile (docs/benchmarks.md).
 * An episode's own routes read its transcript from the entry file
 * (`loadEpisodeEntry` in src/lib/episodes.ts).
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { summarizeEpisode } from './lib/transcript-summary.ts';
import { EpisodeEntryFileSchema } from './schemas/entry.ts';

const base = process.env.ARCHIVE_EPISODES_DIR || './content/episodes';

/** Every episode's typed data, the transcript as counts: what lists, feeds and speaker pages render. */
const episodes = defineCollection({
	loader: glob({ pattern: '*.json', base }),
	schema: EpisodeEntryFileSchema.transform(summarizeEpisode),
});

/**
 * Every episode's prose, rendered through MDX with remark-gfm. Only the
 * compiled MDX is rendered, so the store need not keep each raw body too.
 */
const prose = defineCollection({
	loader: glob({ pattern: '*.mdx', base, retainBody: false }),
});

export const collections = { episodes, prose };
