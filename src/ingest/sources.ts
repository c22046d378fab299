/** Several dump files into one set of episodes: each parsed on its own, then merged by slug. */
import type { Episode } from '../schemas/episode.ts';
import type { Host } from '../schemas/site.ts';
import { parseDump } from './episode.ts';
import type { Problem } from './problems.ts';

/** A source file's name (relative to the sources folder) and text. */
export interface SourceText {
	file: string;
	text: string;
}

/** The episodes of all sources, in a stable order (newest first), and every problem met. */
export interface IngestResult {
	episodes: Episode[];
	problems: Problem[];
}

/**
 * Parses every source and merges them. Sources are read in file-name order;
 * an episode that appears again (same title and publication time) is kept
 * once, from the first source, and reported. Two different episodes that
 * would share a slug both get their publication date appended.
 */
export function ingestSources(sources: readonly SourceText[], hosts: readonly Host[]): IngestResult {
	const problems: Problem[] = [];
	const byKey = new Map<string, Episode>();
	for (const source of [...sources].sort((a, b) => a.file.localeCompare(b.file))) {
		const result = parseDump(source.text, { file: source.file, hosts });
		problems.push(...result.problems);
		for (const episode of result.episodes) {
			const key = `${episode.title}\u0000${episode.published.toISOString()}`;
			const first = byKey.get(key);
			if (first) {
				problems.push({
					severity: 'warning',
					file: source.file,
					line: episode.source.line,
					episode: episode.title,
					message: `already read from ${first.source.file}:${first.source.line}; this copy is ignored`,
				});
				continue;
			}
			byKey.set(key, episode);
		}
	}
	const episodes = [...byKey.values()];
	const slugCount = new Map<string, number>();
	for (const episode of episodes) slugCount.set(episode.slug, (slugCount.get(episode.slug) ?? 0) + 1);
	for (const episode of episodes) {
		if (slugCount.get(episode.slug)! > 1) episode.slug = `${episode.slug}-${episode.published.toISOString().slice(0, 10)}`;
	}
	episodes.sort((a, b) => b.published.getTime() - a.published.getTime() || a.slug.localeCompare(b.slug));
	return { episodes, problems };
}
