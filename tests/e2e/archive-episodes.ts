/**
 * The archive's episodes as the production ingest builds them from every
 * source in content/sources (dumps and feeds, copies merged), newest first:
 * what the pages under test were built from.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ingestSources } from '../../src/ingest/sources.ts';
import type { Episode } from '../../src/schemas/episode.ts';
import { OverridesSchema } from '../../src/schemas/overrides.ts';
import { SiteConfigSchema } from '../../src/schemas/site.ts';

const SOURCES = 'content/sources';

/** Every episode of the archive, parsed from the sources the way `npm run ingest` parses them. */
export function archiveEpisodes(): Episode[] {
	const site = SiteConfigSchema.parse(JSON.parse(readFileSync('content/site.json', 'utf8')));
	const overrides = OverridesSchema.parse(JSON.parse(readFileSync('content/overrides.json', 'utf8')));
	const sources = readdirSync(SOURCES)
		.filter((file) => /\.(?:txt|xml|rss)$/i.test(file))
		.map((file) => ({ file, text: readFileSync(path.join(SOURCES, file), 'utf8') }));
	return ingestSources(sources, { hosts: site.hosts, overrides }).entries.map((entry) => entry.episode!);
}
