/**
 * The pure parser of one episode: a dump record in, a typed episode out (or a
 * `ParseProblem`). `assembleEpisode` is the part every kind of source shares
 * (see `feed.ts` for the other kind); `sources.ts` runs it over whole files.
 */
import { EpisodeSchema, type Block, type Chapter, type Episode, type EpisodeMedia, type Transcript, type Turn } from '../schemas/episode.ts';
import type { EpisodeOverride, SpeakerTarget } from '../schemas/overrides.ts';
import type { Host } from '../schemas/site.ts';
import { isPageId } from '../shared/page-ids.ts';
import { AnchorRegistry, slugify } from '../shared/slug.ts';
import { formatTime } from '../shared/time.ts';
import { parseBlocks } from './blocks.ts';
import type { ChapterList } from './chapters.ts';
import { parseHeader, type RawEpisode } from './dump.ts';
import type { SeamContext, Vocabulary } from './glue.ts';
import { inlineText, parseInline } from './inline.ts';
import { correctHeadings } from './overrides.ts';
import { ParseProblem } from './problems.ts';
import { findSections, type BodySections } from './sections.ts';
import { guestsFromTitle, resolveSpeakers } from './speakers.ts';
import { parseTranscript, type RawTranscript } from './transcript.ts';

/** What the parser needs besides the text. */
export interface ParseOptions {
	/** Source file name, relative to the sources folder, for provenance and messages. */
	file: string;
	/** The show's hosts, to recognise their labels and give their full names. */
	hosts: readonly Host[];
}

/** Speaking rate used to estimate how long the last turn runs, in words per second (150 per minute). */
const WORDS_PER_SECOND = 2.5;

/** Anchor id for a transcript position: `t-01-14` under an hour, `t-1-02-03` above. */
export function turnAnchorBase(seconds: number): string {
	return `t-${formatTime(seconds).replace(/:/g, '-')}`;
}

/** Cuts a summary at a word boundary so meta descriptions stay short. */
export function summarize(blocks: readonly Block[], maxLength = 300): string {
	const first = blocks.find((block) => block.type === 'paragraph');
	const text = first?.type === 'paragraph' ? inlineText(first.content).replace(/\s+/g, ' ').trim() : '';
	if (text.length <= maxLength) return text;
	const cut = text.slice(0, maxLength);
	return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[\s,;:.]+$/, '')}…`;
}

/**
 * The episode's length. With a transcript: its last known time, the last turn
 * extended by its word count at 150 words a minute when the dump gives no
 * end. Without one: the last chapter's start (a lower bound).
 */
export function estimateDuration(transcript: Transcript | undefined, chapters: readonly Chapter[]): number {
	const times = transcript ? [] : chapters.map((chapter) => chapter.start);
	if (transcript) {
		for (const turn of transcript.turns) {
			if (turn.start !== undefined) times.push(turn.start);
			if (turn.end !== undefined) times.push(turn.end);
			for (const paragraph of turn.paragraphs) if (paragraph.start !== undefined) times.push(paragraph.start);
		}
		const last = transcript.turns.at(-1)!;
		if (last.end === undefined) {
			const lastStart = [last.start, ...last.paragraphs.map((p) => p.start)].filter((t) => t !== undefined).at(-1) ?? Math.max(0, ...times);
			const words = last.paragraphs.at(-1)!.text.split(/\s+/).length;
			times.push(lastStart + Math.round(words / WORDS_PER_SECOND));
		}
	}
	return Math.max(0, ...times);
}

/** Line and column of an offset inside a body that starts at `bodyLine`. */
function position(raw: RawEpisode, offset: number): { line: number; column: number } {
	const before = raw.body.slice(0, offset);
	const newlines = before.split('\n').length - 1;
	return { line: raw.bodyLine + newlines, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/** Turns the raw transcript into the model, with speaker ids and stable anchors. */
function buildTranscript(raw: RawTranscript, heading: string, byLabel: Map<string, string>, anchors: AnchorRegistry): Transcript {
	let lastKnown = 0;
	const turns: Turn[] = raw.turns.map((turn) => {
		if (turn.start !== undefined) lastKnown = turn.start;
		const built: Turn = {
			id: anchors.claim(turnAnchorBase(turn.start ?? lastKnown)),
			...(turn.label !== undefined ? { speaker: byLabel.get(turn.label)! } : {}),
			paragraphs: turn.paragraphs,
		};
		if (turn.start !== undefined) built.start = turn.start;
		if (turn.end !== undefined) built.end = turn.end;
		return built;
	});
	const headings = raw.headings.map((h) => {
		const slug = slugify(h.text, 50) || 'section';
		return { id: anchors.claim(/^[a-z]/.test(slug) ? slug : `s-${slug}`), text: h.text, before: h.before, ...(h.start !== undefined ? { start: h.start } : {}) };
	});
	return { format: raw.format, heading, turns, headings };
}

/** Warnings about an episode that is kept: no transcript, chapters beyond the transcript or out of order. */
export function episodeWarnings(episode: Episode): string[] {
	const warnings: string[] = [];
	if (!episode.transcript) warnings.push('the episode has no transcript');
	for (const [i, chapter] of episode.chapters.entries()) {
		const previous = episode.chapters[i - 1];
		if (previous && chapter.start < previous.start) {
			warnings.push(`chapter “${chapter.title}” at ${formatTime(chapter.start)} starts before the chapter above it (${formatTime(previous.start)})`);
		}
		if (episode.transcript && chapter.start > episode.duration) {
			warnings.push(`chapter “${chapter.title}” at ${formatTime(chapter.start)} is after the end of the transcript (${formatTime(episode.duration)})`);
		}
	}
	let previousStart = 0;
	for (const turn of episode.transcript?.turns ?? []) {
		if (turn.start === undefined) continue;
		if (turn.start < previousStart) warnings.push(`turn ${turn.id} at ${formatTime(turn.start)} starts before the turn above it (${formatTime(previousStart)})`);
		previousStart = Math.max(previousStart, turn.start);
	}
	return warnings;
}

/** The corrections that apply to one episode: its own and the file-wide speaker names. */
export interface EpisodeCorrections {
	override?: EpisodeOverride;
	/** File-wide speaker corrections (`speakers` at the top of overrides.json). */
	speakers?: Readonly<Record<string, SpeakerTarget>>;
}

/**
 * What a source gives for one episode before the steps every source shares.
 * The prose is given as functions because recovering it needs the speaker
 * names found in the transcript and must claim anchors in page order.
 */
export interface EpisodeDraft {
	/** Title exactly as the source writes it. */
	title: string;
	show: string;
	published: Date;
	source: Episode['source'];
	description: (context: SeamContext, anchors: AnchorRegistry) => Block[];
	showNotes: (context: SeamContext, anchors: AnchorRegistry) => Block[];
	showNotesHeading?: string | undefined;
	chapterList?: ChapterList | undefined;
	chaptersHeading?: string | undefined;
	/**
	 * The transcript: as dump text (labels glued to sentences) with where it
	 * starts, for error offsets; or already read, where the source kept its
	 * paragraphs (a feed post).
	 */
	transcript?: { heading: string; text: string; offset: number } | { heading: string; raw: RawTranscript } | undefined;
	/** Audio, artwork, post link and guid, where the source gives them (feeds do, dumps don't). */
	media?: EpisodeMedia | undefined;
	/** Length in seconds as the source states it (`itunes:duration`); else it is estimated from the timestamps. */
	duration?: number | undefined;
	/** What the source's reader noticed but could not read (a transcript published elsewhere), reported as warnings. */
	warnings?: string[] | undefined;
}

/** An episode built from a draft, with what its corrections did not match. */
export interface AssembledEpisode {
	episode: Episode;
	/** Descriptions of corrections that matched nothing in this episode. */
	unmatched: string[];
	/** File-wide speaker labels that occur in this episode. */
	speakerLabels: Set<string>;
	/** The draft's own warnings (see `EpisodeDraft.warnings`). */
	warnings: string[];
}

/** The slug the parser gives a title: the key of the episode's corrections. */
export function parserSlug(title: string): string {
	return slugify(title, 60) || 'episode';
}

/**
 * The steps every source shares: speaker names, transcript, prose, chapters
 * and speakers, anchors in page order, corrections, and validation against the
 * schema. Throws a `ParseProblem` (with an offset where it has one) for what
 * cannot be read.
 */
export function assembleEpisode(draft: EpisodeDraft, hosts: readonly Host[], vocabulary: Vocabulary, corrections: EpisodeCorrections = {}): AssembledEpisode {
	const override = corrections.override;
	const title = override?.title ?? draft.title;
	const extraGuests = (override?.guests ?? []).map((guest) => (typeof guest === 'string' ? guest : guest.name));
	const guests = [...guestsFromTitle(title), ...extraGuests];
	const names = new Set<string>([...hosts.flatMap((host) => host.aliases), ...guests, ...guests.map((guest) => guest.split(' ')[0]!)]);
	const context: SeamContext = { vocabulary, names };
	const anchors = new AnchorRegistry([], isPageId);

	// The transcript first: its speaker names help to find headings glued to them elsewhere.
	let rawTranscript: RawTranscript | undefined;
	if (draft.transcript && 'raw' in draft.transcript) rawTranscript = draft.transcript.raw;
	else if (draft.transcript) {
		try {
			rawTranscript = parseTranscript(draft.transcript.text, names);
		} catch (error) {
			throw offsetBy(error, draft.transcript.offset);
		}
	}
	for (const turn of rawTranscript?.turns ?? []) if (turn.label !== undefined && !turn.label.includes(' ')) names.add(turn.label);

	const description = draft.description(context, anchors);
	const showNotes = draft.showNotes(context, anchors);
	const chapters: Chapter[] = (draft.chapterList?.chapters ?? []).map((chapter) => ({
		id: anchors.claim(`ch-${slugify(chapter.title, 50) || formatTime(chapter.start).replace(/:/g, '-')}`),
		start: chapter.start,
		title: chapter.title,
		notes: chapter.notes.map((note) => ({ content: parseInline(note) })),
	}));

	const labels = [...new Set(rawTranscript?.turns.flatMap((turn) => (turn.label === undefined ? [] : [turn.label])) ?? [])];
	const speakerNames = { ...corrections.speakers, ...override?.speakers };
	const { speakers, byLabel, corrected } = resolveSpeakers(labels, title, hosts, { names: speakerNames, guests: override?.guests ?? [] });
	const transcript = rawTranscript && draft.transcript ? buildTranscript(rawTranscript, draft.transcript.heading, byLabel, anchors) : undefined;
	const intro = draft.chapterList?.intro.join(' ');

	const built: Episode = {
		slug: override?.slug ?? parserSlug(draft.title),
		title,
		show: draft.show,
		published: draft.published,
		summary: '',
		duration: draft.duration ?? estimateDuration(transcript, chapters),
		...(draft.media && Object.keys(draft.media).length > 0 ? { media: draft.media } : {}),
		speakers,
		description,
		showNotes,
		...(draft.showNotesHeading ? { showNotesHeading: draft.showNotesHeading } : {}),
		chapters,
		...(draft.chaptersHeading ? { chaptersHeading: draft.chaptersHeading } : {}),
		...(intro ? { chaptersIntro: intro } : {}),
		...(transcript ? { transcript } : {}),
		source: draft.source,
	};
	const unmatched = Object.keys(override?.speakers ?? {})
		.filter((label) => !corrected.has(label))
		.map((label) => `speakers “${label}” is not a label in the transcript`);
	const headingFix = correctHeadings(built, override?.headings ?? { add: [], remove: [] });
	unmatched.push(...headingFix.unmatched);
	const episode = { ...headingFix.episode, summary: summarize(headingFix.episode.description) };

	const checked = EpisodeSchema.safeParse(episode);
	if (!checked.success) {
		const issue = checked.error.issues[0]!;
		throw new ParseProblem('schema', `the parsed episode does not fit the schema at ${issue.path.join('.')}: ${issue.message}`);
	}
	const speakerLabels = new Set(Object.keys(corrections.speakers ?? {}).filter((label) => corrected.has(label)));
	return { episode: checked.data, unmatched, speakerLabels, warnings: draft.warnings ?? [] };
}

/**
 * Reads one dump record into a draft: the date line and the body's sections.
 * Throws a `ParseProblem` (with an offset into the body where it has one).
 */
export function draftFromDump(raw: RawEpisode, file: string, context: SeamContext): EpisodeDraft {
	const header = parseHeader(raw.header);
	const body = raw.body;
	let layout: BodySections;
	try {
		layout = findSections(body, context);
	} catch (error) {
		throw offsetBy(error, 0);
	}
	const sectionText = (kind: string) => layout.sections.filter((s) => s.kind === kind).map((s) => body.slice(s.contentStart, s.end));
	const transcriptSection = layout.sections.find((s) => s.kind === 'transcript');
	const chapterSection = layout.sections.find((s) => s.kind === 'chapters');
	return {
		title: raw.title,
		show: header.show,
		published: header.published,
		source: { file, line: raw.titleLine },
		description: (ctx, anchors) => sectionText('description').flatMap((text) => parseBlocks(text, { context: ctx, anchors, headingLevel: 2 })),
		showNotes: (ctx, anchors) => sectionText('showNotes').flatMap((text) => parseBlocks(text, { context: ctx, anchors, headingLevel: 3 })),
		showNotesHeading: layout.sections.find((s) => s.kind === 'showNotes' && s.heading)?.heading,
		chapterList: layout.chapterList,
		chaptersHeading: chapterSection?.heading,
		transcript: transcriptSection
			? { heading: transcriptSection.heading!, text: body.slice(transcriptSection.contentStart, transcriptSection.end), offset: transcriptSection.contentStart }
			: undefined,
	};
}

/** A dump record's draft, with the names its title gives for finding sections. */
export function dumpDraft(raw: RawEpisode, options: ParseOptions, vocabulary: Vocabulary, corrections: EpisodeCorrections = {}): EpisodeDraft {
	// Section finding needs the names the title gives; the assembly adds the transcript's own.
	const guests = guestsFromTitle(corrections.override?.title ?? raw.title);
	const names = new Set<string>([...options.hosts.flatMap((host) => host.aliases), ...guests, ...guests.map((guest) => guest.split(' ')[0]!)]);
	return draftFromDump(raw, options.file, { vocabulary, names });
}

/** Re-throws a `ParseProblem` with its offset moved into body coordinates. */
function offsetBy(error: unknown, base: number): unknown {
	if (error instanceof ParseProblem) return new ParseProblem(error.kind, error.message, (error.offset ?? 0) + base);
	return error;
}

/** Where a problem thrown while parsing a dump record is: the date line for a date, else a position in the body, or the body's first line. */
export function problemPosition(raw: RawEpisode, error: ParseProblem): { line: number; column?: number } {
	if (error.kind === 'date') return { line: raw.headerLine };
	return error.offset !== undefined ? position(raw, error.offset) : { line: raw.bodyLine };
}
