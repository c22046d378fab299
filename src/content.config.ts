/**
 * The collections `npm run ingest` writes into content/episodes/ (or
 * ARCHIVE_EPISODES_DIR, for a fixture site): per episode, `<slug>.json` holds
 * the typed data, validated with the schema the ingest uses, and `<slug>.mdx`
 * the description and show notes. Both share the entry id (the slug).
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { EpisodeEntryFileSchema } from './schemas/entry.ts';

const base = process.env.ARCHIVE_EPISODES_DIR || './content/episodes';

/** Every episode's typed data: what the pages, feeds and machine-readable files render. */
const episodes = defineCollection({
	loader: glob({ pattern: '*.json', base }),
	schema: EpisodeEntryFileSchema,
});

/** Every episode's prose, rendered through MDX with remark-gfm. */
const prose = defineCollection({
	loader: glob({ pattern: '*.mdx', base }),
});

export const collections = { episodes, prose };
