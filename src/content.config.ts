/**
 * The episodes collection: MDX entries written by `npm run ingest` into
 * content/episodes/ (or ARCHIVE_EPISODES_DIR, for a fixture site), validated
 * with the same schema the ingest uses.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { EpisodeEntrySchema } from './schemas/entry.ts';

const episodes = defineCollection({
	loader: glob({ pattern: '*.mdx', base: process.env.ARCHIVE_EPISODES_DIR || './content/episodes' }),
	schema: EpisodeEntrySchema,
});

export const collections = { episodes };
