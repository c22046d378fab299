/**
 * The production ingest (`ingestSources`, what `npm run ingest` runs) on one
 * source text, so tests of parsing and error reporting go through the same path
 * as the site's build.
 */
import { readVocabulary } from '../../../scripts/lib/vocabulary-file.ts';
import { ingestSources, type IngestOptions } from '../../../src/ingest/sources.ts';
import type { Problem } from '../../../src/schemas/problem.ts';
import type { Episode } from '../../../src/schemas/episode.ts';
import type { Host } from '../../../src/schemas/site.ts';

/** Episodes (newest first, as the ingest orders its entries) and every problem the ingest reported. */
export interface IngestedText {
	episodes: Episode[];
	problems: Problem[];
}

/** Ingests `text` as the source file `file`, with the given hosts, the known words of content/vocabulary.json and any further ingest options. */
export function ingestText(text: string, file: string, hosts: readonly Host[], options: Omit<IngestOptions, 'hosts'> = {}): IngestedText {
	const { entries, problems } = ingestSources([{ file, text }], { words: readVocabulary().words, ...options, hosts });
	// Without a previous manifest every entry is parsed in this run, so each carries its episode.
	return { episodes: entries.map((entry) => entry.episode!), problems };
}
