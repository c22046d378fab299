/**
 * The episodes as the ingest wrote them (content/episodes/: `<slug>.json`
 * data and `<slug>.mdx` prose), read the
 * way the search tests need them: where a phrase occurs — title, chapter
 * title, description, show notes or transcript — and, in a transcript, the
 * chapter around it with every anchor that chapter holds. The expected
 * answers of the search tests come from here, never from the index.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { PAGE_IDS } from '../../src/shared/page-ids.ts';
import { transcriptItems } from '../../src/lib/transcript-view.ts';
import type { EpisodeEntry } from '../../src/schemas/entry.ts';
import type { ListItem } from '../../src/schemas/episode.ts';

const DIR = 'content/episodes';

/** Where on an episode page a phrase was found. */
export type Place = 'title' | 'chapter title' | 'description' | 'show notes' | 'transcript';

/** An occurrence of a phrase. */
export interface Occurrence {
	slug: string;
	place: Place;
	/** For transcript and chapter-title occurrences (with a transcript): the anchors inside the chapter, its own id first. */
	chapterAnchors?: string[];
	/** For transcript occurrences: the turn that holds the phrase. */
	turn?: string;
}

interface CorpusEpisode {
	data: EpisodeEntry;
	description: string;
	showNotes: string;
}

/** Folds what the dump and Markdown write differently from what a reader types: escapes and runs of space. */
const fold = (text: string) => text.replace(/\\([\\`*_{}[\]()#+\-.!~&|<>])/g, '$1').replace(/\s+/g, ' ').toLowerCase();

let cache: CorpusEpisode[] | undefined;

/** Every generated episode with its description and show notes as plain-ish text. */
export function corpus(): CorpusEpisode[] {
	cache ??= readdirSync(DIR)
		.filter((file) => file.endsWith('.json') && !file.startsWith('.'))
		.map((file) => {
			const data = JSON.parse(readFileSync(`${DIR}/${file}`, 'utf8')) as EpisodeEntry;
			// The prose after its "generated" comment; the show notes follow their own heading.
			const prose = readFileSync(`${DIR}/${file.replace(/\.json$/, '.mdx')}`, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
			const [description = '', showNotes = ''] = prose.split(`<h2 id="${PAGE_IDS.showNotes}">`);
			const text = (markup: string) => markup.replace(/<[^>]+>/g, ' ');
			return { data, description: text(description), showNotes: showNotes ? text(`<h2>${showNotes}`) : '' };
		});
	return cache;
}

/** The chapters of an episode's transcript as runs of anchors: the chapter id, then every id after it up to the next chapter. */
function chapterRuns(data: EpisodeEntry): Map<string, string[]> {
	const runs = new Map<string, string[]>();
	let current: string[] | undefined;
	for (const item of transcriptItems(data)) {
		if (item.kind === 'chapter') {
			current = [item.chapter.id, ...(item.alias ? [item.alias] : [])];
			runs.set(item.chapter.id, current);
		} else current?.push(item.kind === 'heading' ? item.heading.id : item.turn.id);
	}
	return runs;
}

/** The text of nested list items. */
function noteText(items: readonly ListItem[]): string {
	return items.map((item) => `${item.content.map((inline) => (inline.type === 'link' ? inline.text : inline.value)).join('')} ${noteText(item.children ?? [])}`).join(' ');
}

/** Every place a phrase occurs, across all episodes. */
export function occurrences(phrase: string): Occurrence[] {
	const needle = fold(phrase);
	const found: Occurrence[] = [];
	for (const { data, description, showNotes } of corpus()) {
		const runs = chapterRuns(data);
		if (fold(data.title).includes(needle)) found.push({ slug: data.slug, place: 'title' });
		for (const chapter of data.chapters) {
			if (fold(chapter.title).includes(needle)) found.push({ slug: data.slug, place: 'chapter title', chapterAnchors: runs.get(chapter.id) });
			// Notes under a chapter (links, papers, people) are the show notes of that chapter.
			if (fold(noteText(chapter.notes)).includes(needle)) found.push({ slug: data.slug, place: 'show notes' });
		}
		if (fold(description).includes(needle)) found.push({ slug: data.slug, place: 'description' });
		if (fold(showNotes).includes(needle)) found.push({ slug: data.slug, place: 'show notes' });
		for (const turn of data.transcript?.turns ?? []) {
			if (!fold(turn.paragraphs.map((paragraph) => paragraph.text).join(' ')).includes(needle)) continue;
			const chapter = [...runs.values()].find((run) => run.includes(turn.id));
			found.push({ slug: data.slug, place: 'transcript', turn: turn.id, chapterAnchors: chapter });
		}
	}
	return found;
}

/** Everyone who speaks (or is named as a guest) in each episode, by slug. */
export function speakersBySlug(): Map<string, string[]> {
	return new Map(corpus().map(({ data }) => [data.slug, data.speakers.map((speaker) => speaker.name)]));
}
