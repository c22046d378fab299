/**
 * The episodes, read once from the content collection and shaped for the
 * routes: newest first, with their neighbours; the speakers, one route each.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getCollection, getEntry, render, type CollectionEntry } from 'astro:content';
import { entryFileNames, proseMarkdown } from '../ingest/mdx.ts';
import type { EpisodeEntry } from '../schemas/entry.ts';
import { TranscriptSchema } from '../schemas/episode.ts';
import { yearPages, yearRuns, yearSummaries, type YearPage, type YearRun, type YearSummary } from './archive.ts';
import { episodeMarkdown } from './episode-markdown.ts';
import { fullTextParts, type FullTextPart } from './llms-txt.ts';
import { episodePath } from './routes.ts';
import { absoluteUrl } from './site.ts';
import { speakerProfiles, type Appearance, type SpeakerProfile } from './speakers.ts';

/** An episode entry of the content collection. */
export type EpisodeEntryDoc = CollectionEntry<'episodes'>;

let cache: Promise<EpisodeEntryDoc[]> | undefined;

/** Every episode, newest first (ties broken by slug, so the order is stable). */
export function getEpisodes(): Promise<EpisodeEntryDoc[]> {
	cache ??= getCollection('episodes').then((entries) =>
		entries.sort((a, b) => b.data.published.getTime() - a.data.published.getTime() || a.data.slug.localeCompare(b.data.slug)),
	);
	return cache;
}

/**
 * Renders an episode's prose (its `<slug>.mdx`: description and show notes)
 * and reports its headings, for "On this page".
 */
export async function renderProse(episode: EpisodeEntryDoc) {
	const prose = await getEntry('prose', episode.id);
	if (!prose) throw new Error(`content/episodes/${episode.id}.mdx is missing: run \`npm run ingest\` again`);
	return render(prose);
}

/**
 * The episode's full typed data: the collection's data with the transcript
 * read back from the entry file, since the collection keeps only its counts
 * (see src/content.config.ts). The transcript is validated again, so a file
 * edited after the collection loaded fails here instead of rendering
 * something else.
 */
export async function loadEpisodeEntry(episode: EpisodeEntryDoc): Promise<EpisodeEntry> {
	const { transcript: counts, ...data } = episode.data;
	if (!counts) return data;
	if (!episode.filePath) throw new Error(`episode ${episode.id} has no entry file`);
	const file: { transcript?: unknown } = JSON.parse(await readFile(path.resolve(episode.filePath), 'utf8'));
	return { ...data, transcript: TranscriptSchema.parse(file.transcript) };
}

/**
 * The episode as one Markdown document (`episodeMarkdown`): the entry with
 * its transcript, and its prose read from the MDX file beside it.
 */
export async function loadEpisodeMarkdown(episode: EpisodeEntryDoc, siteUrl: URL | undefined): Promise<string> {
	if (!episode.filePath) throw new Error(`episode ${episode.id} has no entry file`);
	const proseFile = path.join(path.dirname(path.resolve(episode.filePath)), entryFileNames(episode.id).prose);
	const [entry, prose] = await Promise.all([loadEpisodeEntry(episode), readFile(proseFile, 'utf8')]);
	return episodeMarkdown(entry, proseMarkdown(prose), absoluteUrl(episodePath(entry.slug), siteUrl));
}

let markdownCache: Promise<Map<string, Uint8Array<ArrayBuffer>>> | undefined;

/**
 * Every episode's Markdown by slug, as UTF-8, made once per build: the `.md`
 * files, `/llms.txt` (which lists their sizes) and the complete text files
 * all need it, and making it is most of their cost (reading and validating
 * each transcript). Kept as bytes, not strings: half the memory at 2,000
 * episodes, and outside V8's heap.
 */
export function getEpisodeMarkdown(): Promise<Map<string, Uint8Array<ArrayBuffer>>> {
	// The configured site, as the routes' `site`: getStaticPaths, which needs the sizes, is not given one.
	const siteUrl = import.meta.env.SITE ? new URL(import.meta.env.SITE) : undefined;
	markdownCache ??= getEpisodes().then(async (episodes) => {
		const markdown = new Map<string, Uint8Array<ArrayBuffer>>();
		const encoder = new TextEncoder();
		for (const episode of episodes) markdown.set(episode.data.slug, encoder.encode(await loadEpisodeMarkdown(episode, siteUrl)));
		return markdown;
	});
	return markdownCache;
}

/** The complete text files of /llms.txt: every episode's Markdown, a file per year (see `fullTextParts`). */
export async function getFullTextParts(): Promise<FullTextPart[]> {
	const [episodes, markdown] = await Promise.all([getEpisodes(), getEpisodeMarkdown()]);
	return fullTextParts(episodes.map(({ data }) => ({ slug: data.slug, published: data.published, bytes: markdown.get(data.slug)!.length })));
}

/** An episode with the ones published just before and after it. */
export interface EpisodeRoute {
	episode: EpisodeEntryDoc;
	/** The next older episode. */
	previous?: EpisodeEntryDoc;
	/** The next newer episode. */
	next?: EpisodeEntryDoc;
}

/** Static paths for per-episode routes, computed once from the sorted list. */
export async function episodeRoutes(): Promise<{ params: { slug: string }; props: EpisodeRoute }[]> {
	const episodes = await getEpisodes();
	return episodes.map((episode, i) => ({
		params: { slug: episode.data.slug },
		props: {
			episode,
			...(episodes[i + 1] ? { previous: episodes[i + 1] } : {}),
			...(i > 0 ? { next: episodes[i - 1] } : {}),
		},
	}));
}

/** Every episode as plain data, newest first: what the pure helpers in src/lib take. */
export async function getEpisodeData(): Promise<EpisodeEntryDoc['data'][]> {
	return (await getEpisodes()).map((episode) => episode.data);
}

let profiles: Promise<SpeakerProfile[]> | undefined;

/** Everyone who speaks in the archive (see `speakerProfiles`), computed once per build. */
export function getSpeakerProfiles(): Promise<SpeakerProfile[]> {
	profiles ??= getEpisodeData().then(speakerProfiles);
	return profiles;
}

/** Static paths for speaker pages: one per person named or heard in any episode. */
export async function speakerRoutes(): Promise<{ params: { id: string }; props: { profile: SpeakerProfile } }[]> {
	return (await getSpeakerProfiles()).map((profile) => ({ params: { id: profile.id }, props: { profile } }));
}

/** Static paths for the episodes' year pages (`episodes/2024/`). */
export async function episodeYearRoutes(): Promise<{ params: { year: string }; props: { page: YearPage<EpisodeEntryDoc['data']>; years: YearSummary[] } }[]> {
	const episodes = await getEpisodeData();
	const pages = yearPages(episodes);
	const years = yearSummaries(episodes);
	return pages.map((page) => ({ params: { year: String(page.year) }, props: { page, years } }));
}

/** Static paths for the year pages of speakers too frequent for one page (see `yearRuns`). */
export async function speakerYearRoutes(): Promise<{ params: { id: string; year: string }; props: { profile: SpeakerProfile; year: YearRun<Appearance>; years: YearRun<Appearance>[] } }[]> {
	return (await getSpeakerProfiles()).flatMap((profile) => {
		const years = yearRuns(profile.appearances);
		return years.map((year) => ({ params: { id: profile.id, year: String(year.year) }, props: { profile, year, years } }));
	});
}
