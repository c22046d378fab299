/**
 * Every source file into one set of entries: text dumps and RSS feeds, each
 * parsed on its own, merged so an episode is published once, corrected by
 * overrides.json, and rendered only when something it depends on changed.
 * Pure: the shell (`scripts/ingest.ts`) reads and writes the files.
 */
import { createHash } from 'node:crypto';
import type { Episode } from '../schemas/episode.ts';
import type { Manifest, ManifestEntry } from '../schemas/manifest.ts';
import { NO_OVERRIDES, type Overrides } from '../schemas/overrides.ts';
import type { Redirect } from '../schemas/redirects.ts';
import type { Host } from '../schemas/site.ts';
import { splitDump, type RawEpisode } from './dump.ts';
import { assembleEpisode, dumpDraft, episodeWarnings, parserSlug, problemPosition, type AssembledEpisode, type EpisodeCorrections, type EpisodeDraft } from './episode.ts';
import { draftFromFeedItem, isFeed, readFeed, type FeedItem } from './feed.ts';
import { Vocabulary } from './glue.ts';
import { entryFileNames, renderEpisodeData, renderEpisodeProse } from './mdx.ts';
import type { Problem } from '../schemas/problem.ts';
import { ParseProblem } from './problems.ts';

/** A source file's name (relative to the sources folder) and text. */
export interface SourceText {
	file: string;
	text: string;
}

/** What the ingest needs besides the sources. */
export interface IngestOptions {
	hosts: readonly Host[];
	overrides?: Overrides;
	/** How problems with the overrides name their file. */
	overridesFile?: string;
	/** Words known to be words although a source may use them once (content/vocabulary.json): the seam rules never split them. */
	words?: readonly string[];
	/** The previous run's manifest: episodes whose hash it holds are not parsed again. */
	previous?: Manifest | undefined;
	/** Entry files now in the output folder; a cached episode whose file is missing is rendered again. */
	existingFiles?: ReadonlySet<string>;
	/** Changes with the ingest's code, so parses by other code are never reused. */
	codeVersion?: string;
}

/** One episode's entry files to keep in the output folder. */
export interface OutputEntry {
	slug: string;
	title: string;
	published: Date;
	/** File names in the output folder: the data (`<slug>.json`) and the prose (`<slug>.mdx`). */
	files: { data: string; prose: string };
	/** The files' contents, or undefined when the files on disk are already right (nothing they depend on changed). */
	content?: { data: string; prose: string };
	/** The parsed episode, when it was parsed in this run. */
	episode?: Episode;
}

/** The whole run: entries newest first, problems, redirects and the manifest for the next run. */
export interface IngestResult {
	entries: OutputEntry[];
	problems: Problem[];
	redirects: Redirect[];
	manifest: Manifest;
	/** Source episodes parsed in this run, and those taken from the manifest. */
	stats: { parsed: number; reused: number };
}

/** A source episode on its way to an entry. */
interface Candidate {
	hash: string;
	file: string;
	line: number;
	entry: ManifestEntry;
	override?: Overrides['episodes'][string];
	/** The parsed episode, if it was parsed in this run. */
	episode?: Episode;
	/** The file the previous run wrote it to, when it is taken from the manifest. */
	previousFile?: string | null;
	/** Parses it (again). */
	parse: () => AssembledEpisode;
	/** Its draft and the vocabulary its prose is read with, for merging it with other copies. */
	draft: () => SourceDraft;
	/** Whether it comes from an RSS feed. */
	feed: boolean;
	/** Whether it was merged from several copies (its entry is then written on every run). */
	merged?: boolean;
}

/** A source episode's draft, with the vocabulary its prose is read with. */
interface SourceDraft {
	draft: EpisodeDraft;
	vocabulary: Vocabulary;
}

/** How far apart two copies of one episode may be dated (a dump's local time against a feed's GMT). */
const SAME_EPISODE_WINDOW_MS = 36 * 3600 * 1000;

const digest = (text: string) => createHash('sha256').update(text).digest('hex');
/**
 * A digest of the parts as JSON. Long strings (episode bodies) go in as their
 * own digests: escaping 100 MB of text into JSON only to hash it cost ten
 * times more than hashing it.
 */
const sha256 = (...parts: unknown[]) =>
	digest(JSON.stringify(parts, (_, value: unknown) => (typeof value === 'string' && value.length > 1024 ? `sha256:${digest(value)}` : value)));

/** A source episode, before it is parsed. */
interface SourceRecord {
	line: number;
	title: string;
	/** Whether it comes from an RSS feed (which wins over a text dump). */
	feed: boolean;
	/** Everything of the source that its entry depends on, for the hash. */
	hashInput: unknown;
	draft: (corrections: EpisodeCorrections, hosts: readonly Host[]) => EpisodeDraft;
	/** Where a problem thrown while parsing it is. */
	position: (error: ParseProblem) => { line: number; column?: number };
}

/** Source episodes of one file, without parsing them, and the file's vocabulary. */
function sourceRecords(source: SourceText, words: readonly string[]): { records: SourceRecord[]; errors: Problem[]; vocabulary: Vocabulary } {
	if (isFeed(source.text)) {
		const feed = readFeed(source.text);
		// Feed prose comes from HTML elements, not from seams, so no vocabulary is consulted.
		const vocabulary = new Vocabulary('');
		return {
			vocabulary,
			errors: feed.errors.map((e) => ({ severity: 'error', kind: 'record', file: source.file, line: e.line, ...(e.title ? { episode: e.title } : {}), message: e.message })),
			records: feed.items.map((item: FeedItem) => ({
				line: item.line,
				title: item.title,
				feed: true,
				hashInput: ['feed', item, feed.show],
				draft: () => draftFromFeedItem(item, feed.show, source.file),
				position: () => ({ line: item.line }),
			})),
		};
	}
	const { episodes: raws, errors } = splitDump(source.text);
	const vocabulary = new Vocabulary(source.text, words);
	return {
		vocabulary,
		errors: errors.map((e) => ({ severity: 'error', kind: 'record', file: source.file, line: e.line, ...(e.title ? { episode: e.title } : {}), message: e.message })),
		records: raws.map((raw: RawEpisode) => ({
			line: raw.titleLine,
			title: raw.title,
			feed: false,
			// The known words change how its prose is split, so a change to content/vocabulary.json parses it again.
			hashInput: ['dump', raw, words],
			draft: (corrections, hosts) => dumpDraft(raw, { file: source.file, hosts }, vocabulary, corrections),
			position: (error) => problemPosition(raw, error),
		})),
	};
}

/**
 * Parses every source and merges them. Sources are read in file-name order.
 * The same episode (same title, dated within a day and a half) in two sources
 * is published once: from an RSS feed if one has it (its HTML keeps the
 * structure a text dump lost), else from the first file; the other copies are
 * reported. Two different episodes that would share a slug both get their
 * publication date appended. Episodes whose hash the previous manifest holds,
 * and whose source vocabulary still answers as it did, are not parsed.
 */
export function ingestSources(sources: readonly SourceText[], options: IngestOptions): IngestResult {
	const overrides = options.overrides ?? NO_OVERRIDES;
	const overridesFile = options.overridesFile ?? 'overrides.json';
	const words = options.words ?? [];
	const problems: Problem[] = [];
	const candidates: Candidate[] = [];
	const matchedKeys = new Set<string>();
	const stats = { parsed: 0, reused: 0 };
	for (const source of [...sources].sort((a, b) => a.file.localeCompare(b.file))) {
		const { records, errors, vocabulary } = sourceRecords(source, words);
		problems.push(...errors);
		for (const record of records) {
			const key = parserSlug(record.title);
			const override = overrides.episodes[key];
			if (override) matchedKeys.add(key);
			const corrections: EpisodeCorrections = { ...(override ? { override } : {}), speakers: overrides.speakers };
			const hash = sha256(options.codeVersion ?? '', source.file, record.hashInput, options.hosts, corrections);
			const cached = options.previous?.entries[hash];
			const draft = () => ({ draft: record.draft(corrections, options.hosts), vocabulary });
			const parse = () => assembleEpisode(draft().draft, options.hosts, vocabulary, corrections);
			const shared = { parse, draft, feed: record.feed };
			if (cached && vocabulary.agreesWith(cached.vocabulary)) {
				stats.reused++;
				candidates.push({ hash, file: source.file, line: record.line, entry: { ...cached, file: null }, previousFile: cached.file, ...(override ? { override } : {}), ...shared });
				continue;
			}
			stats.parsed++;
			const answers = vocabulary.startRecording();
			try {
				const assembled = parse();
				const { episode } = assembled;
				candidates.push({
					hash,
					file: source.file,
					line: record.line,
					episode,
					...(override ? { override } : {}),
					...shared,
					entry: {
						slug: episode.slug,
						title: episode.title,
						published: episode.published.toISOString(),
						feed: record.feed,
						overrideKey: key,
						warnings: [...episodeWarnings(episode), ...assembled.warnings],
						unmatched: assembled.unmatched,
						speakerLabels: [...assembled.speakerLabels].sort(),
						vocabulary: Object.fromEntries([...answers].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
						file: null,
					},
				});
			} catch (error) {
				if (!(error instanceof ParseProblem)) throw error;
				problems.push({ severity: 'error', kind: error.kind, file: source.file, ...record.position(error), episode: record.title, message: error.message });
			} finally {
				vocabulary.stopRecording();
			}
		}
	}

	const winners = mergeCopies(candidates, problems, options.hosts, overrides.speakers);
	// Only the published copy's warnings matter: an ignored copy is reported once, by mergeCopies.
	for (const candidate of winners) {
		const where = { file: candidate.file, line: candidate.line, episode: candidate.entry.title };
		for (const message of candidate.entry.warnings) problems.push({ severity: 'warning', kind: 'episode', ...where, message });
		for (const message of candidate.entry.unmatched) {
			problems.push({ severity: 'warning', kind: 'override', file: overridesFile, episode: candidate.entry.title, message: `episodes.${candidate.entry.overrideKey}: ${message}; this correction is not applied` });
		}
	}
	for (const key of Object.keys(overrides.episodes)) {
		if (!matchedKeys.has(key)) problems.push({ severity: 'warning', kind: 'override', file: overridesFile, message: `episodes.${key}: no episode in the sources has this slug; its corrections are not applied` });
	}
	const usedLabels = new Set(candidates.flatMap((c) => c.entry.speakerLabels));
	for (const label of Object.keys(overrides.speakers)) {
		if (!usedLabels.has(label)) problems.push({ severity: 'warning', kind: 'override', file: overridesFile, message: `speakers.${label}: no transcript has this label; the correction is not applied` });
	}

	const finalSlugs = disambiguateSlugs(winners);
	const entries: OutputEntry[] = winners.map((candidate, i) => {
		const slug = finalSlugs[i]!;
		const files = entryFileNames(slug);
		const base = { slug, title: candidate.entry.title, published: new Date(candidate.entry.published), files };
		const onDisk = options.existingFiles?.has(files.data) && options.existingFiles.has(files.prose);
		const upToDate = !candidate.episode && !candidate.merged && candidate.previousFile === files.data && onDisk;
		candidate.entry.file = files.data;
		if (upToDate) return base;
		const episode = candidate.episode ?? candidate.parse().episode;
		episode.slug = slug;
		return { ...base, content: { data: renderEpisodeData(episode), prose: renderEpisodeProse(episode) }, episode };
	});
	entries.sort((a, b) => b.published.getTime() - a.published.getTime() || a.slug.localeCompare(b.slug));

	const manifest: Manifest = {
		generated: 'Generated by `npm run ingest`: what each source episode gave last time. Do not edit; delete it to parse everything again.',
		version: 1,
		entries: Object.fromEntries(candidates.map((c) => [c.hash, c.entry])),
	};
	return { entries, problems, redirects: redirectsFor(winners, finalSlugs, problems, overridesFile), manifest, stats };
}

/**
 * Publishes each episode once: copies have the same parser slug and dates
 * within `SAME_EPISODE_WINDOW_MS`. A single copy is published as it is;
 * copies of one episode are merged by `mergeEpisodeCopies`, and a note says
 * which copy each part came from.
 */
function mergeCopies(candidates: readonly Candidate[], problems: Problem[], hosts: readonly Host[], speakers: Overrides['speakers']): Candidate[] {
	const groups: Candidate[][] = [];
	for (const candidate of candidates) {
		const time = Date.parse(candidate.entry.published);
		const group = groups.find((g) => g[0]!.entry.overrideKey === candidate.entry.overrideKey && Math.abs(Date.parse(g[0]!.entry.published) - time) <= SAME_EPISODE_WINDOW_MS);
		if (group) group.push(candidate);
		else groups.push([candidate]);
	}
	return groups.map((group) => (group.length === 1 ? group[0]! : mergeEpisodeCopies(group, problems, hosts, speakers)));
}

/** How a copy fares for one part of an episode: higher is better, compared element by element. */
type PartScore = number[];

const better = (a: PartScore, b: PartScore) => {
	for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
	return false;
};

/** The copy that scores best for a part; ties go to the earlier copy in `copies`. */
function bestFor<T>(copies: readonly T[], score: (copy: T) => PartScore): T {
	return copies.reduce((best, copy) => (better(score(copy), score(best)) ? copy : best));
}

/** Links in prose blocks: the feed's HTML keeps them, the dump lost most of them. */
function linkCount(blocks: Episode['description']): number {
	let count = 0;
	const visit = (content: readonly { type: string }[]) => {
		for (const node of content) if (node.type === 'link') count++;
	};
	const visitItems = (items: readonly { content: { type: string }[]; children?: { content: { type: string }[] }[] }[]) => {
		for (const item of items) {
			visit(item.content);
			if (item.children) visitItems(item.children);
		}
	};
	for (const block of blocks) {
		if (block.type === 'paragraph') visit(block.content);
		else if (block.type === 'list') visitItems(block.items);
	}
	return count;
}

/**
 * Merges copies of one episode part by part, so that a copy that lacks a
 * part never removes it: the title and date from a text dump (they made the
 * episode's URL and date first), the description and show notes from the copy
 * whose prose keeps more links (a feed's HTML), the chapters from the copy
 * with the most chapters, the transcript from the copy with the most turns
 * (then the most timed turns, then the most named speakers), audio and
 * duration from the copy that states them (a feed). Chapters and transcript
 * stay with the dump on a tie. The merged draft is assembled once, so
 * anchors are unique across the parts.
 */
function mergeEpisodeCopies(group: readonly Candidate[], problems: Problem[], hosts: readonly Host[], speakers: Overrides['speakers']): Candidate {
	// Feed copies first, so they win ties where no part's rule says otherwise; a copy reused from the manifest is parsed now.
	const copies = [...group]
		.sort((a, b) => Number(b.feed) - Number(a.feed))
		.map((candidate) => ({ candidate, episode: candidate.episode ?? candidate.parse().episode, source: candidate.draft() }));
	const identity = copies.find((copy) => !copy.candidate.feed) ?? copies[0]!;
	const prose = bestFor(copies, ({ episode }) => [linkCount([...episode.description, ...episode.showNotes]), episode.description.length + episode.showNotes.length]);
	// On a tie the dump's chapters and transcript stay, so the anchors readers already link to stay too.
	const chapters = bestFor(copies, ({ episode, candidate }) => [episode.chapters.length, Number(!candidate.feed)]);
	const transcript = bestFor(copies, ({ episode, candidate }) => {
		const turns = episode.transcript?.turns ?? [];
		return [turns.length, turns.filter((turn) => turn.start !== undefined).length, turns.filter((turn) => turn.speaker !== undefined).length, Number(!candidate.feed)];
	});
	const media = copies.find((copy) => copy.source.draft.media && Object.keys(copy.source.draft.media).length > 0);
	const duration = copies.find((copy) => copy.source.draft.duration !== undefined);
	const readWith = (copy: (typeof copies)[number], part: 'description' | 'showNotes'): EpisodeDraft['description'] => (context, anchors) =>
		copy.source.draft[part]({ ...context, vocabulary: copy.source.vocabulary }, anchors);
	const merged: EpisodeDraft = {
		title: identity.source.draft.title,
		show: identity.source.draft.show,
		published: identity.source.draft.published,
		source: identity.source.draft.source,
		description: readWith(prose, 'description'),
		showNotes: readWith(prose, 'showNotes'),
		showNotesHeading: prose.source.draft.showNotesHeading,
		chapterList: chapters.source.draft.chapterList,
		chaptersHeading: chapters.source.draft.chaptersHeading,
		transcript: transcript.source.draft.transcript,
		media: media?.source.draft.media,
		duration: duration?.source.draft.duration,
	};
	const corrections: EpisodeCorrections = { ...(identity.candidate.override ? { override: identity.candidate.override } : {}), speakers };
	const assembled = assembleEpisode(merged, hosts, identity.source.vocabulary, corrections);
	const where = (copy: (typeof copies)[number]) => `${copy.candidate.file}:${copy.candidate.line}`;
	const turns = (copy: (typeof copies)[number]) => copy.episode.transcript?.turns.length ?? 0;
	const parts = [
		`title and date from ${where(identity)}`,
		`description and show notes from ${where(prose)} (${linkCount([...prose.episode.description, ...prose.episode.showNotes])} links)`,
		`chapters from ${where(chapters)} (${copies.map((copy) => copy.episode.chapters.length).join(' vs ')})`,
		`transcript from ${where(transcript)} (${copies.map(turns).join(' vs ')} turns)`,
		...(media ? [`audio and artwork from ${where(media)}`] : []),
		...(duration ? [`duration from ${where(duration)}`] : []),
	];
	problems.push({
		severity: 'note',
		kind: 'merge',
		file: identity.candidate.file,
		line: identity.candidate.line,
		episode: identity.candidate.entry.title,
		message: `merged from ${copies.length} copies (${copies.map(where).join(', ')}): ${parts.join('; ')}`,
	});
	return {
		...identity.candidate,
		episode: assembled.episode,
		merged: true,
		entry: { ...identity.candidate.entry, warnings: episodeWarnings(assembled.episode) },
	};
}

/** Final slugs: a slug two episodes share gets each one's publication date appended. */
function disambiguateSlugs(winners: readonly Candidate[]): string[] {
	const count = new Map<string, number>();
	for (const c of winners) count.set(c.entry.slug, (count.get(c.entry.slug) ?? 0) + 1);
	return winners.map((c) => (count.get(c.entry.slug)! > 1 ? `${c.entry.slug}-${c.entry.published.slice(0, 10)}` : c.entry.slug));
}

/**
 * Redirects that keep old URLs working: an episode whose slug a correction
 * changed is still reachable at the parser's slug and at every `redirectFrom`
 * slug. A redirect that would hide a published episode is reported instead.
 */
function redirectsFor(winners: readonly Candidate[], slugs: readonly string[], problems: Problem[], overridesFile: string): Redirect[] {
	const live = new Set(slugs);
	const redirects = new Map<string, string>();
	for (const [i, candidate] of winners.entries()) {
		const to = slugs[i]!;
		const from = [...(candidate.override?.slug ? [candidate.entry.overrideKey] : []), ...(candidate.override?.redirectFrom ?? [])];
		for (const old of from) {
			if (old === to) continue;
			if (live.has(old)) {
				problems.push({ severity: 'warning', kind: 'override', file: overridesFile, episode: candidate.entry.title, message: `episodes.${candidate.entry.overrideKey}: cannot redirect “${old}” to “${to}”: another episode has that slug` });
				continue;
			}
			redirects.set(old, to);
		}
	}
	return [...redirects].map(([from, to]) => ({ from, to })).sort((a, b) => a.from.localeCompare(b.from));
}
