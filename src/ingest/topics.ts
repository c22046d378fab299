/**
 * Topics drawn from the episodes' own text, by small named rules: the items
 * of show-notes lists, the companies in titles, chapter titles that name
 * something, names that recur across episodes; then every transcript turn
 * that says one, and the episodes related by the topics and guests they share.
 *
 * Pure: episodes in, topics out. No list of names lives here; corrections go
 * in content/overrides.json (`topics`). The shell is scripts/topics.ts.
 */
import { slugify } from '../shared/slug.ts';
import type { TopicOverrides } from '../schemas/overrides.ts';
import type { Mention, RejectedItem, RelatedEpisode, Topic, TopicEntry, TopicKind, TopicOrigin, TopicsFile } from '../schemas/topic.ts';

/** A show-notes list item: its text without markup, and the address it links to, if any. */
export interface NoteItem {
	text: string;
	href?: string;
}

/** What the topic rules read of one episode. */
export interface TopicSourceEpisode {
	slug: string;
	title: string;
	/** ISO date, for newest-first order. */
	published: string;
	/** Ids and names of the episode's guests (hosts are in every episode and relate nothing). */
	guests: { id: string; name: string }[];
	/** Full names of everyone heard in the episode, hosts included. */
	people: string[];
	showNotes: NoteItem[];
	chapters: string[];
	/** Transcript turns; `speaker` is absent where the transcript names none. */
	turns: { id: string; start?: number; speaker?: string; text: string }[];
}

/** A name a rule found, with its kind and where it came from. */
export interface Candidate {
	name: string;
	kind: TopicKind;
	aliases: string[];
}

/** A name longer than this is a sentence, not a name. */
export const MAX_NAME_WORDS = 8;
/** Mentions kept per topic and episode (the page lists these; `turns` counts all). */
export const MENTIONS_PER_EPISODE = 5;
/** Topics listed per speaker: the ones they say in the most turns. */
export const SPEAKER_TOPICS = 10;
/** Characters of context on each side of a mention. */
const EXCERPT_CONTEXT = 70;

// Letters and digits as a plain character class: the Unicode property form took five times as long over 2 MB of transcripts.
const WORD = /[A-Za-z0-9\u00C0-\u024F\u0370-\uFFFF]+(?:[.\-+'’/][A-Za-z0-9\u00C0-\u024F\u0370-\uFFFF]+)*\+*/g;
/** Words and `&`, as names are matched: `Weights & Biases` is three tokens, not two. */
const TOKEN = new RegExp(`${WORD.source}|&`, 'g');
/** Words a sentence starts with and a name does not: pronouns, determiners, question words. */
const SENTENCE_OPENERS = /^(?:our|my|we|you|your|i|it|its|this|that|these|those|how|why|what|when|where|who|if|check|see|read|listen|watch|free|more|also|and|or|but|a|an|in|on|for|with|from|to|by|at|as|some|all|any|every|most|many|each|no|not|is|are|was|were)$/i;
/** Words that describe a name's medium, not the name: `Flan paper`, `Axolotl GitHub and Discord`. */
const MEDIUM_WORDS = '(?:(?:on )?(?:twitter|linkedin|youtube|x)|homepage|substack|paper|papers|dataset|datasets|blog ?post|blog|post|repo|repository|github|discord|model|models|article|tweet|thread|talk|lecture|video|website|site|docs|announcement|demo|slides|report card|code|launch)';
const MEDIUM_SUFFIX = new RegExp(`\\s+${MEDIUM_WORDS}(?:\\s*(?:and|&|,)\\s*${MEDIUM_WORDS})*$`, 'i');
/** Words that join the capitalised words of one name (`State of AI Report`). */
const CONNECTORS = /^(?:of|for|and|&|the|in|on|to|at|de|von|van|x|×|vs\.?)$/i;

/** Words of a text, as the matcher and the rules count them. */
export function words(text: string): string[] {
	return text.match(WORD) ?? [];
}

/** Whether a word is written like part of a name: a capital anywhere, or a digit (`tldraw` is not; `books3`, `arXiv`, `GPT-4` are). */
export function isNameWord(word: string): boolean {
	return /[\p{Lu}\p{N}]/u.test(word);
}

/**
 * The name a phrase starts with: its leading run of name-like words, joined
 * words (`of`, `and`) included only between two of them, a comma ending it.
 * `Mamba state space` → `Mamba`; `State of AI Report` stays whole.
 */
export function leadingName(phrase: string): string {
	const tokens = phrase.trim().split(/\s+/);
	const kept: string[] = [];
	for (let i = 0; i < tokens.length; i++) {
		const token = tokens[i]!;
		const bare = token.replace(/[,;]$/, '');
		if (isNameWord(bare) || (i === 0 && /^[\p{L}\p{N}]/u.test(bare) && tokens.length === 1)) {
			kept.push(bare);
			if (bare !== token) break;
			continue;
		}
		if (kept.length > 0 && CONNECTORS.test(bare) && isNameWord(tokens[i + 1] ?? '')) {
			kept.push(bare);
			continue;
		}
		break;
	}
	return kept.join(' ');
}

/** The kind the medium words and the link of an item suggest: arXiv and `paper` → paper, people's profiles → person. */
export function kindOfItem(text: string, href: string | undefined, name: string): TopicKind {
	if (/\bpapers?\b/i.test(text) || (href && /arxiv\.org|openreview\.net|aclanthology|papers\.nips/i.test(href))) return 'paper';
	if (href && isProfileLink(href) && /^\p{Lu}\p{Ll}+(?: \p{Lu}[\p{L}.'’-]+){1,2}$/u.test(name)) return 'person';
	if (/\b(?:Inc|Labs?|Research|AI|Corp|Company)\b\.?$/.test(name)) return 'company';
	return 'product';
}

/**
 * Whether a link is someone's profile (`https://twitter.com/karpathy`,
 * `linkedin.com/in/…`), not a post on the site: `[Speculative Execution]
 * (https://twitter.com/karpathy/status/1697318534555336961)` names an idea
 * from a tweet, not a person.
 */
export function isProfileLink(href: string): boolean {
	return /^https?:\/\/(?:www\.)?(?:(?:twitter|x)\.com\/\w+\/?|linkedin\.com\/in\/[^/]+\/?)(?:[?#].*)?$/i.test(href);
}

/** A show-notes item read as a name, or the reason it is not one. */
export type ItemReading = { topics: Candidate[] } | { reason: string };

/** Words that lead into a name without being part of it: `Intro to Replit Ghostwriter`, `Introducing IDEFICS`. */
const LEAD_IN = /^(?:intro(?:duction)? to|introducing|overview of|the creation of|demo of)\s+/i;
/** A reference to an episode of the show itself, not a topic: `Chris Lattner on Latent Space`, `Tri Dao’s Episode`. */
const EPISODE_REFERENCE = /\b(?:on Latent Space|episode|podcast|pod)\b/i;
/** A person-like name: two or three capitalised words. */
const PERSON = /^\p{Lu}[\p{Ll}é]+(?: \p{Lu}[\p{L}'’-]+){1,2}$/u;

/**
 * Whether a candidate name is no name at all: a number, an amount or a date
 * (`$40M`, `14 July`, `2019`), or a single capitalised word the transcripts
 * use in lower case (`Code`, `Open`): an ordinary word.
 */
export function notAName(name: string, isOrdinary: (word: string) => boolean): string | undefined {
	const ws = words(name);
	if (!ws.some((w) => /\p{L}{2}/u.test(w)) || /^[<>~$€£]|^\d/.test(name)) return 'a number, amount or date, not a name';
	if (/^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.? \d|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.test(name)) return 'a number, amount or date, not a name';
	if (ws.length === 1 && /^\p{Lu}\p{Ll}+$/u.test(ws[0]!) && isOrdinary(ws[0]!.toLowerCase())) return `an ordinary word (said in lower case in the transcripts), not a name`;
	return undefined;
}

/** A one-word name that is the first name of someone heard in the episode: their speaker page covers them. */
export function firstNameIn(name: string, people: readonly string[]): string | undefined {
	if (/\s/.test(name.trim())) return undefined;
	return people.some((person) => person.split(/\s+/)[0] === name) ? 'the first name of someone heard in the episode (their speaker page covers them)' : undefined;
}

/**
 * Reads one show-notes list item. The name is the part before a dash or
 * colon (`Mamba state space models - Tri Dao and Albert Gu`), without its medium
 * (`paper`, `GitHub and Discord`), cut to its leading name-like words; people
 * listed after the dash are topics too, and `Alex Atallah of OpenRouter` is a
 * person and a company. An item that is a sentence, a bare link, a group
 * label, a reference to an episode or someone's something is not a topic,
 * and the reason says which. A name whose only word is an ordinary word
 * (`isOrdinary`) is one only when the item links to a site of that name.
 */
export function readNoteItem(item: NoteItem, isOrdinary: (word: string) => boolean = () => false, isLabel: (head: string) => boolean = () => false): ItemReading {
	const text = item.text.replace(/\s+/g, ' ').trim();
	if (text === '') return { reason: 'empty' };
	const labelled = labelOf(text);
	if (labelled && isLabel(labelled.label)) {
		// An answer without a link is an opinion (`One year prediction: Personalized AI`), not a thing to browse by.
		if (item.href === undefined) return { reason: 'a recurring question’s answer without a link: an opinion, not a name' };
		const answer = readNoteItem({ ...item, text: labelled.answer }, isOrdinary);
		return 'reason' in answer ? { reason: `a recurring question whose answer is no name (${answer.reason})` } : answer;
	}
	if (/^(?:https?:\/\/|www\.)\S+$/i.test(text) || /^[\w-]+(?:\.[\w-]+)+\/\S*$/.test(text)) return { reason: 'a bare link, not a name' };
	if (/:$/.test(text)) return { reason: 'a label for the items under it' };
	const [rawHead = '', ...rest] = text.replace(/\s*https?:\/\/\S+/g, '').split(/\s+[-–—]\s+|:\s+/);
	const head = rawHead.replace(LEAD_IN, '');
	const first = words(head)[0] ?? '';
	if (SENTENCE_OPENERS.test(first)) return { reason: `a sentence, not a name (starts with “${first}”)` };
	if (/^["“‘']/.test(head) && !/^["“‘'][^"”’']+["”’']/.test(head)) return { reason: 'a quotation, not a name' };
	if (EPISODE_REFERENCE.test(head)) return { reason: 'a reference to an episode, not a topic' };
	const paren = /\(([^)]+)\)/.exec(head);
	const plain = head.replace(/\s*\([^)]*\)/g, '').replace(/["“”]/g, '').trim();
	const withoutMedium = plain.replace(MEDIUM_SUFFIX, '');
	const stripped = withoutMedium !== plain ? withoutMedium.replace(/^the\s+/i, '') : withoutMedium;
	const name = leadingName(stripped).replace(/[.,;:]+$/, '');
	if (name === '') return { reason: 'no name: it starts with an ordinary word' };
	if (/['’]s?(?:\s|$)/.test(name)) return { reason: 'someone’s something: names whose it is, not what' };
	const nameWords = words(name).length;
	if (nameWords > MAX_NAME_WORDS) return { reason: `longer than ${MAX_NAME_WORDS} words` };
	const leftOver = words(stripped).length - nameWords;
	if (leftOver > 3) return { reason: `a sentence, not a name (only “${name}” is a name)` };
	if (/^\p{Lu}\p{Ll}+ing$/u.test(first) && words(stripped).length > 2 && kindOfItem(text, item.href, name) !== 'paper') {
		return { reason: `a sentence, not a name (starts with “${first}”)` };
	}
	const ownSite = item.href !== undefined && new URL(item.href).hostname.replace(/[^a-z0-9]/gi, '').toLowerCase().includes(name.replace(/[^a-z0-9]/gi, '').toLowerCase());
	const wrong = notAName(name, ownSite ? () => false : isOrdinary);
	if (wrong) return { reason: wrong };
	const aliases = paren && /^[\p{L}\p{N}.-]+$/u.test(paren[1]!.trim()) && /\p{L}{2}/u.test(paren[1]!) && !isOrdinary(paren[1]!.trim().toLowerCase()) ? [paren[1]!.trim()] : [];
	const affiliation = /^(.+?) (?:of|at|from) (.+)$/.exec(name);
	const topics: Candidate[] =
		affiliation && PERSON.test(affiliation[1]!)
			? [
					{ name: affiliation[1]!, kind: 'person', aliases: [] },
					{ name: affiliation[2]!, kind: 'company', aliases: [] },
				]
			: [{ name, kind: kindOfItem(text, item.href, name), aliases }];
	for (const person of peopleIn(rest.join(' '))) topics.push({ name: person, kind: 'person', aliases: [] });
	return { topics };
}

/** An item written `Label: answer` (`Favorite AI Product: Stable Diffusion`): the label and the answer. */
export function labelOf(text: string): { label: string; answer: string } | undefined {
	const match = /^([^:]{2,40}?):\s+(\S.*)$/.exec(text);
	return match ? { label: match[1]!, answer: match[2]! } : undefined;
}

/**
 * Labels that head show-notes items in two or more episodes, with different
 * answers: the questions every guest gets (`Favorite AI Product: Stable
 * Diffusion`, `Request for Startup: …`). Such an item is about its answer, if
 * it links to it; read whole, the label became a topic and the answer a person.
 */
export function recurringLabels(episodes: readonly Pick<TopicSourceEpisode, 'slug' | 'showNotes'>[]): Set<string> {
	const seen = new Map<string, { slugs: Set<string>; answers: Set<string> }>();
	for (const episode of episodes) {
		for (const item of episode.showNotes) {
			const labelled = labelOf(item.text.replace(/\s+/g, ' ').trim());
			if (!labelled) continue;
			const key = labelKey(labelled.label);
			const entry = seen.get(key) ?? seen.set(key, { slugs: new Set(), answers: new Set() }).get(key)!;
			entry.slugs.add(episode.slug);
			entry.answers.add(labelled.answer);
		}
	}
	return new Set([...seen].filter(([, entry]) => entry.slugs.size >= 2 && entry.answers.size >= 2).map(([key]) => key));
}

/** A label as `recurringLabels` compares them: case and plural aside (`Request for startups`, `Request for Startup`). */
export const labelKey = (label: string): string => label.toLowerCase().replace(/s$/, '').trim();

/** Full names listed after an item's dash (`Tri Dao and Albert Gu`): two or three capitalised words each, nothing else. */
export function peopleIn(text: string): string[] {
	const parts = text.split(/\s*(?:,|\band\b|&)\s*/).map((part) => part.trim()).filter(Boolean);
	const person = /^\p{Lu}\p{Ll}+(?: \p{Lu}[\p{Ll}'’-]+){1,2}$/u;
	return parts.length > 0 && parts.every((part) => person.test(part)) ? parts : [];
}

/**
 * Companies a title names after its guests: `with Steve Ruiz of tldraw`,
 * `of Codium AI and AutoGPT`, `of CMU / OctoML`.
 */
export function companiesInTitle(title: string): string[] {
	const match = /\bwith\s+[^()]*?\s(?:of|from|at)\s+(.+?)\s*(?:\(.*)?$/u.exec(title);
	if (!match) return [];
	return match[1]!
		.split(/\s+(?:and|&)\s+|\s*\/\s*|,\s*/)
		.map((part) => part.replace(/^the\s+/i, '').trim())
		.filter((part) => part !== '' && words(part).length <= 4);
}

/**
 * Names a chapter title gives: the thing it asks about or introduces
 * (`What is Axolotl?`, `Overview of TVM and how it works`), and an
 * organisation in brackets after a person (`Jim Fan (Nvidia) - …`).
 */
export function namesInChapter(title: string): Candidate[] {
	const found: Candidate[] = [];
	const about = /^(?:what(?:’s|'s| is| are)|intro(?:duction)? to|introducing|overview of|origin of|the creation of|demo of)\s+(.+?)\??$/i.exec(title.trim());
	if (about) {
		const name = leadingName(about[1]!);
		if (name !== '' && words(name).length <= 4 && !SENTENCE_OPENERS.test(words(name)[0]!)) found.push({ name, kind: 'product', aliases: [] });
	}
	const org = speakerOfTalk(title);
	if (org) {
		found.push({ name: org.person, kind: 'person', aliases: [] });
		for (const name of org.organisations) found.push({ name, kind: 'company', aliases: [] });
	}
	return found;
}

/**
 * The speaker and organisations of a chapter that is a talk: `Jim Fan
 * (Nvidia) - High Level Takeaways`, `Alex Volkov (Weights & Biases, ThursdAI)
 * - …`. Only with the talk's title after a dash: without it the brackets
 * hold whatever else (`Emergence Mirage (Rylan Schaeffer)`, a paper and its
 * author; `Ask Roboflow (2019)`; `Introducing Shreya (poorly)`).
 */
export function speakerOfTalk(title: string): { person: string; organisations: string[] } | undefined {
	const match = /^(\p{Lu}\p{Ll}+(?: \p{Lu}[\p{Ll}'’-]+){1,2}) \(([^)]+)\)\s+[-–—]\s+\S/u.exec(title.trim());
	if (!match || LEAD_IN.test(`${match[1]!} `)) return undefined;
	return { person: match[1]!, organisations: match[2]!.split(/,\s*/).map((name) => name.trim()).filter(isNameWord) };
}

/**
 * Words written like names (a capital inside the word or a digit: `OpenAI`,
 * `PyTorch`, `GPT-4`) that the titles, chapters or show notes of at least
 * `minEpisodes` episodes use. Words every other episode uses (`AI`) are too
 * common to browse by and are left out.
 */
export function recurringNames(episodes: readonly TopicSourceEpisode[], minEpisodes = 3): string[] {
	const seen = new Map<string, Set<string>>();
	for (const episode of episodes) {
		const prose = [episode.title, ...episode.chapters, ...episode.showNotes.map((item) => item.text)].join(' ');
		for (const word of words(prose)) {
			const bare = word.replace(/['’]s$/, '');
			if (!/^\p{L}/u.test(bare) || !/\p{Ll}/u.test(bare) || !/^.\S*[\p{Lu}\p{N}]/u.test(bare) || bare.length < 3) continue;
			if (!seen.has(bare)) seen.set(bare, new Set());
			seen.get(bare)!.add(episode.slug);
		}
	}
	const ceiling = Math.max(minEpisodes, episodes.length / 2);
	return [...seen].filter(([, slugs]) => slugs.size >= minEpisodes && slugs.size <= ceiling).map(([word]) => word).sort();
}

/** A name as the matcher keys it: its words joined by one space, a possessive `’s` dropped. */
function key(text: string): string {
	return (text.match(TOKEN) ?? [])
		.map((word) => word.replace(/['’]s$/, ''))
		.join(' ');
}

/**
 * Finds topic names in text, case-aware: a name is matched as written, so
 * `Together` (the company) is not `together` the adverb. A one-word name that
 * is also an ordinary word (seen in lower case somewhere in the transcripts)
 * does not count where it opens a sentence, where every word is capitalised.
 */
export class TopicMatcher {
	readonly #byKey = new Map<string, string>();
	/** First words of the names, so most words are passed over at once. */
	readonly #firsts = new Set<string>();
	readonly #longest: number;
	readonly #ordinary: ReadonlySet<string>;

	/** `names`: topic id → names and aliases; `ordinaryWords`: words seen in lower case. */
	constructor(names: ReadonlyMap<string, readonly string[]>, ordinaryWords: ReadonlySet<string>) {
		let longest = 1;
		for (const [id, list] of names) {
			for (const name of list) {
				const k = key(name);
				if (k === '' || this.#byKey.has(k)) continue;
				this.#byKey.set(k, id);
				this.#firsts.add(k.split(' ')[0]!);
				longest = Math.max(longest, k.split(' ').length);
			}
		}
		this.#longest = longest;
		this.#ordinary = ordinaryWords;
	}

	/** Every topic said in the text, with where the name stands (longest name first, no overlaps). */
	find(text: string): { id: string; index: number; said: string }[] {
		// Parallel arrays, not an object per word: this runs over every word of every transcript.
		const raws: string[] = [];
		const bare: string[] = [];
		const starts: number[] = [];
		TOKEN.lastIndex = 0;
		for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
			const raw = m[0];
			raws.push(raw);
			bare.push(raw.endsWith('’s') || raw.endsWith("'s") ? raw.slice(0, -2) : raw);
			starts.push(m.index);
		}
		const tokens = { length: raws.length };
		const found: { id: string; index: number; said: string }[] = [];
		for (let i = 0; i < tokens.length; i++) {
			if (!this.#firsts.has(bare[i]!) && !this.#firsts.has(raws[i]!)) continue;
			for (let n = Math.min(this.#longest, tokens.length - i); n >= 1; n--) {
				// Only the last word may carry a possessive: `AMD's MI300` is not `AMD MI300`.
				let k = bare[i + n - 1]!;
				for (let j = i + n - 2; j >= i; j--) k = `${raws[j]} ${k}`;
				const id = this.#byKey.get(k);
				if (id === undefined) continue;
				const start = starts[i]!;
				const end = starts[i + n - 1]! + raws[i + n - 1]!.length;
				// The words must stand as in the name: only spaces between them.
				if (n > 1 && !/^[\p{L}\p{N}.\-+'’/&]+(?: [\p{L}\p{N}.\-+'’/&]+)*$/u.test(text.slice(start, end))) continue;
				if (n === 1 && this.#opensSentence(text, start) && this.#ordinary.has(k.toLowerCase())) continue;
				found.push({ id, index: start, said: text.slice(start, end).replace(/['’]s$/, '') });
				i += n - 1;
				break;
			}
		}
		return found;
	}

	#opensSentence(text: string, index: number): boolean {
		return /(?:^|[.!?:;"“]\s*|\n\s*)$/.test(text.slice(Math.max(0, index - 4), index));
	}
}

/** The words around a name, cut at word boundaries, with ellipses where the turn goes on. */
export function excerptAround(text: string, index: number, length: number): string {
	let from = Math.max(0, index - EXCERPT_CONTEXT);
	let to = Math.min(text.length, index + length + EXCERPT_CONTEXT);
	if (from > 0) from = text.indexOf(' ', from) + 1 || index;
	if (to < text.length) {
		const space = text.lastIndexOf(' ', to);
		to = space > index + length ? space : to;
	}
	return `${from > 0 ? '… ' : ''}${text.slice(from, to).trim()}${to < text.length ? ' …' : ''}`;
}

interface Found {
	topic: Topic;
	origins: Map<string, Set<TopicOrigin>>;
}

/**
 * A topic named exactly as someone heard in the archive is that person
 * (`Soumith Chintala`, a show-notes item linking to his site, read as a
 * product): the transcripts know who speaks.
 */
export function markPeopleHeard(found: ReadonlyMap<string, { topic: Topic }>, people: ReadonlySet<string>): void {
	for (const { topic } of found.values()) if (people.has(topic.name)) topic.kind = 'person';
}

/** Applies the corrections of content/overrides.json to the topics the rules found; returns what no longer matches anything too. */
export function applyTopicOverrides(found: Map<string, Found>, overrides: TopicOverrides): string[] {
	const unmatched: string[] = [];
	const need = (id: string, what: string) => {
		if (found.has(id)) return true;
		unmatched.push(`topics.${what}: no topic “${id}”`);
		return false;
	};
	for (const id of overrides.drop) if (need(id, 'drop')) found.delete(id);
	for (const [from, into] of Object.entries(overrides.merge)) {
		if (!need(from, 'merge') || !need(into, 'merge')) continue;
		const source = found.get(from)!;
		const target = found.get(into)!;
		target.topic.aliases.push(source.topic.name, ...source.topic.aliases);
		for (const [slug, origins] of source.origins) target.origins.set(slug, new Set([...(target.origins.get(slug) ?? []), ...origins]));
		found.delete(from);
	}
	for (const [id, names] of Object.entries(overrides.split)) {
		if (!need(id, 'split')) continue;
		const source = found.get(id)!;
		found.delete(id);
		for (const name of names) addFound(found, { name, kind: source.topic.kind, aliases: [] }, source.origins);
	}
	for (const [id, name] of Object.entries(overrides.rename)) {
		if (!need(id, 'rename')) continue;
		const topic = found.get(id)!.topic;
		topic.aliases.push(topic.name);
		topic.name = name;
	}
	for (const [id, kind] of Object.entries(overrides.kind)) if (need(id, 'kind')) found.get(id)!.topic.kind = kind;
	for (const [id, aliases] of Object.entries(overrides.aliases)) if (need(id, 'aliases')) found.get(id)!.topic.aliases.push(...aliases);
	for (const added of overrides.add) addFound(found, added, new Map());
	for (const entry of found.values()) entry.topic.aliases = [...new Set(entry.topic.aliases)].filter((alias) => alias !== entry.topic.name).sort();
	return unmatched;
}

function addFound(found: Map<string, Found>, candidate: Candidate, origins: Map<string, Set<TopicOrigin>>): Found {
	const id = slugify(candidate.name, 60);
	let entry = found.get(id);
	if (!entry) {
		entry = { topic: { id, name: candidate.name, aliases: [], kind: candidate.kind }, origins: new Map() };
		found.set(id, entry);
	}
	// Another spelling of the same id (`Together.ai`, `Together AI`) is an alias; a rule that knows the kind beats the default, product.
	if (candidate.name !== entry.topic.name) entry.topic.aliases.push(candidate.name);
	if (entry.topic.kind === 'product' && candidate.kind !== 'product') entry.topic.kind = candidate.kind;
	entry.topic.aliases.push(...candidate.aliases);
	for (const [slug, set] of origins) entry.origins.set(slug, new Set([...(entry.origins.get(slug) ?? []), ...set]));
	return entry;
}

/** The whole computation's result, before it is written. */
export type TopicsResult = Omit<TopicsFile, 'generated'> & { problems: string[] };

/**
 * Topics of an archive: the rules over every episode, the corrections, then
 * the turns that say each topic, the topics that come up together, and the
 * related episodes. Deterministic: the same episodes give the same result.
 */
export function computeTopics(input: readonly TopicSourceEpisode[], overrides: TopicOverrides): TopicsResult {
	// In slug order, so the first rule to name a topic (which gives its kind) does not depend on the order of the sources.
	const episodes = [...input].sort((a, b) => a.slug.localeCompare(b.slug));
	const ordinary = ordinaryWords(sampleOfTurns(episodes, ORDINARY_SAMPLE_CHARS));
	const isOrdinary = (word: string) => ordinary.has(word);
	const found = new Map<string, Found>();
	const note = (candidate: Candidate, slug: string, origin: TopicOrigin) => addFound(found, candidate, new Map([[slug, new Set([origin])]]));
	/** Why a name a rule found in an episode is no topic, if it is not. */
	const refuse = (candidate: Candidate, episode: TopicSourceEpisode) => notAName(candidate.name, isOrdinary) ?? firstNameIn(candidate.name, episode.people);
	const rejected: RejectedItem[] = [];
	const labels = recurringLabels(episodes);
	const isLabel = (head: string) => labels.has(labelKey(head));
	let items = 0;
	let named = 0;
	for (const episode of episodes) {
		for (const item of episode.showNotes) {
			items++;
			const reading = readNoteItem(item, isOrdinary, isLabel);
			if ('reason' in reading) {
				rejected.push({ episode: episode.slug, item: item.text, reason: reading.reason });
				continue;
			}
			const topics = reading.topics.filter((candidate) => refuse(candidate, episode) === undefined);
			if (topics.length === 0) {
				rejected.push({ episode: episode.slug, item: item.text, reason: refuse(reading.topics[0]!, episode)! });
				continue;
			}
			named++;
			for (const candidate of topics) note(candidate, episode.slug, 'show-notes');
		}
		const namedHere = [...companiesInTitle(episode.title).map((name): Candidate => ({ name, kind: 'company', aliases: [] })), ...episode.chapters.flatMap(namesInChapter)];
		for (const candidate of namedHere) if (refuse(candidate, episode) === undefined) note(candidate, episode.slug, candidate.kind === 'company' && companiesInTitle(episode.title).includes(candidate.name) ? 'title' : 'chapter');
	}
	for (const name of recurringNames(episodes)) {
		if (!found.has(slugify(name, 60)) && notAName(name, isOrdinary) === undefined) addFound(found, { name, kind: 'concept', aliases: [] }, new Map());
	}
	markPeopleHeard(found, new Set(episodes.flatMap((episode) => episode.people)));
	const problems = applyTopicOverrides(found, overrides);
	const added = new Set(overrides.add.map((topic) => slugify(topic.name, 60)));

	const matcher = new TopicMatcher(new Map([...found].map(([id, entry]) => [id, [entry.topic.name, ...entry.topic.aliases]])), ordinary);

	const perTopic = new Map<string, Map<string, { turns: number; mentions: Mention[] }>>();
	const perSpeaker = new Map<string, Map<string, number>>();
	for (const episode of episodes) {
		const inEpisode = new Map<string, { turns: number; mentions: Mention[] }>();
		for (const turn of episode.turns) {
			const seen = new Set<string>();
			for (const hit of matcher.find(turn.text)) {
				if (seen.has(hit.id)) continue;
				seen.add(hit.id);
				if (turn.speaker !== undefined) {
					const counts = perSpeaker.get(turn.speaker) ?? perSpeaker.set(turn.speaker, new Map()).get(turn.speaker)!;
					counts.set(hit.id, (counts.get(hit.id) ?? 0) + 1);
				}
				let entry = inEpisode.get(hit.id);
				if (!entry) inEpisode.set(hit.id, (entry = { turns: 0, mentions: [] }));
				entry.turns++;
				if (entry.mentions.length < MENTIONS_PER_EPISODE) {
					entry.mentions.push({ turn: turn.id, ...(turn.start !== undefined ? { start: turn.start } : {}), excerpt: excerptAround(turn.text, hit.index, hit.said.length), said: hit.said });
				}
			}
		}
		for (const [id, entry] of inEpisode) {
			if (!perTopic.has(id)) perTopic.set(id, new Map());
			perTopic.get(id)!.set(episode.slug, entry);
		}
	}

	const order = new Map([...episodes].sort((a, b) => b.published.localeCompare(a.published) || a.slug.localeCompare(b.slug)).map((e, i) => [e.slug, i]));
	const topics: TopicEntry[] = [];
	for (const [id, entry] of found) {
		const said = perTopic.get(id) ?? new Map();
		const slugs = new Set([...entry.origins.keys(), ...said.keys()]);
		// A recurring word counts only where the episodes say it; a topic no episode names or says is no topic (a correction's topic stays).
		if (slugs.size === 0 && !added.has(id)) continue;
		topics.push({
			...entry.topic,
			episodes: [...slugs]
				.filter((slug) => order.has(slug))
				.sort((a, b) => order.get(a)! - order.get(b)!)
				.map((slug) => ({
					slug,
					origins: [...(entry.origins.get(slug) ?? (said.has(slug) ? ['recurring' as const] : []))].sort(),
					turns: said.get(slug)?.turns ?? 0,
					mentions: said.get(slug)?.mentions ?? [],
				})),
			related: [],
		});
	}
	topics.sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id));

	const byEpisode = topicsByEpisode(topics, episodes);
	relateTopics(topics);
	const kept = new Set(topics.map((topic) => topic.id));
	const bySpeaker: Record<string, { id: string; turns: number }[]> = {};
	for (const [speaker, counts] of [...perSpeaker].sort((a, b) => a[0].localeCompare(b[0]))) {
		bySpeaker[speaker] = [...counts]
			.filter(([id]) => kept.has(id))
			.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
			.slice(0, SPEAKER_TOPICS)
			.map(([id, turns]) => ({ id, turns }));
	}
	return { topics, byEpisode, bySpeaker, related: relatedEpisodes(episodes, topics), report: { items, named, rejected }, problems };
}

/**
 * Words the transcripts use more often in lower case than capitalised inside
 * a sentence: capitalised, such a word is an ordinary word (`Together`,
 * `Open`), not a name; `Mamba` or `Replicate`, said capitalised, stay names
 * even where a transcript once writes them in lower case.
 */
export function ordinaryWords(texts: Iterable<string>): Set<string> {
	const lower = new Map<string, number>();
	const capital = new Map<string, number>();
	/** Per word as written: 1 lower case, 2 capitalised, 0 anything else (computed once per distinct word). */
	const shapes = new Map<string, number>();
	for (const text of texts) {
		let sentenceStart = true;
		for (const word of text.match(/[A-Za-z0-9\u00C0-\u024F\u0370-\uFFFF]+|[.!?:;"“\n]/g) ?? []) {
			if (word.length === 1 && '.!?:;"“\n'.includes(word)) {
				sentenceStart = true;
				continue;
			}
			const opens = sentenceStart;
			sentenceStart = false;
			let shape = shapes.get(word);
			if (shape === undefined) shapes.set(word, (shape = /^\p{Ll}+$/u.test(word) ? 1 : /^\p{Lu}\p{Ll}+$/u.test(word) ? 2 : 0));
			if (shape === 0) continue;
			const lowerCase = shape === 1 ? word : word.toLowerCase();
			if (lowerCase === word) lower.set(word, (lower.get(word) ?? 0) + 1);
			else if (!opens) capital.set(lowerCase, (capital.get(lowerCase) ?? 0) + 1);
		}
	}
	return new Set([...lower].filter(([word, count]) => count > (capital.get(word) ?? 0)).map(([word]) => word));
}

/**
 * How much transcript text decides which words are ordinary: the first
 * episodes by slug up to this many characters. Whether a word is said more
 * often in lower case than capitalised shows in a few episodes as well as in
 * all; counting every word of 2,000 episodes took 15 s.
 */
export const ORDINARY_SAMPLE_CHARS = 4_000_000;

/** The texts of the turns of the first episodes, up to `chars` characters (the episode that crosses it counts whole). */
function sampleOfTurns(episodes: readonly TopicSourceEpisode[], chars: number): string[] {
	const texts: string[] = [];
	let total = 0;
	for (const episode of episodes) {
		if (total >= chars) break;
		for (const turn of episode.turns) {
			texts.push(turn.text);
			total += turn.text.length;
		}
	}
	return texts;
}

/** Per episode, its topics, rarest first (the most telling ones lead). */
function topicsByEpisode(topics: readonly TopicEntry[], episodes: readonly TopicSourceEpisode[]): Record<string, string[]> {
	const result: Record<string, string[]> = {};
	for (const episode of episodes) result[episode.slug] = [];
	const ranked = [...topics].sort((a, b) => a.episodes.length - b.episodes.length || a.id.localeCompare(b.id));
	for (const topic of ranked) for (const { slug } of topic.episodes) result[slug]?.push(topic.id);
	return result;
}

/** Fills each topic's `related`: the topics that share the most of its episodes (at most 8). */
function relateTopics(topics: TopicEntry[]): void {
	const episodesOf = new Map(topics.map((topic) => [topic.id, new Set(topic.episodes.map((e) => e.slug))]));
	const bySlug = new Map<string, string[]>();
	for (const topic of topics) for (const { slug } of topic.episodes) (bySlug.get(slug) ?? bySlug.set(slug, []).get(slug)!).push(topic.id);
	for (const topic of topics) {
		const shared = new Map<string, number>();
		for (const { slug } of topic.episodes) for (const other of bySlug.get(slug) ?? []) if (other !== topic.id) shared.set(other, (shared.get(other) ?? 0) + 1);
		topic.related = [...shared]
			.filter(([, count]) => count >= 2)
			.sort((a, b) => b[1] - a[1] || episodesOf.get(a[0])!.size - episodesOf.get(b[0])!.size || a[0].localeCompare(b[0]))
			.slice(0, 8)
			.map(([id]) => id);
	}
}

/** Related episodes per episode: at least this many where the archive has them, at most `RELATED_MAX`. */
export const RELATED_MIN = 3;
export const RELATED_MAX = 5;

/**
 * Related episodes: each shared topic or guest adds its rarity (log of the
 * archive's size over the number of episodes that have it), so a topic two
 * episodes share says more than one twenty share. Where topics are few, the
 * words of titles and chapter titles fill up to `RELATED_MIN`. Ties go by slug,
 * so the result is deterministic; an episode is never related to itself.
 */
export function relatedEpisodes(episodes: readonly TopicSourceEpisode[], topics: readonly TopicEntry[]): Record<string, RelatedEpisode[]> {
	const total = episodes.length;
	const features = new Map<string, Map<string, { weight: number; label: string }>>();
	const add = (slug: string, feature: string, weight: number, label: string) => {
		if (!features.has(slug)) features.set(slug, new Map());
		features.get(slug)!.set(feature, { weight, label });
	};
	for (const topic of topics) {
		if (topic.episodes.length < 2 || topic.episodes.length > total / 2) continue;
		const weight = Math.log(total / topic.episodes.length);
		for (const { slug } of topic.episodes) add(slug, `topic:${topic.id}`, weight, topic.name);
	}
	const guestCount = new Map<string, number>();
	for (const episode of episodes) for (const guest of episode.guests) guestCount.set(guest.id, (guestCount.get(guest.id) ?? 0) + 1);
	for (const episode of episodes) {
		for (const guest of episode.guests) {
			const count = guestCount.get(guest.id)!;
			if (count >= 2) add(episode.slug, `guest:${guest.id}`, 1.5 * Math.log(total / count), `with ${guest.name}`);
		}
	}
	const titleWords = new Map<string, Set<string>>();
	const wordCount = new Map<string, number>();
	for (const episode of episodes) {
		const set = new Set(words([episode.title, ...episode.chapters].join(' ')).map((w) => w.toLowerCase()).filter((w) => w.length > 3));
		titleWords.set(episode.slug, set);
		for (const w of set) wordCount.set(w, (wordCount.get(w) ?? 0) + 1);
	}
	// Which episodes share a feature, so only those are compared (not every pair).
	const holders = new Map<string, string[]>();
	for (const [slug, map] of features) for (const feature of map.keys()) (holders.get(feature) ?? holders.set(feature, []).get(feature)!).push(slug);

	const newest = new Map([...episodes].sort((a, b) => b.published.localeCompare(a.published) || a.slug.localeCompare(b.slug)).map((e, i) => [e.slug, i]));
	const result: Record<string, RelatedEpisode[]> = {};
	for (const episode of episodes) {
		const mine = features.get(episode.slug) ?? new Map();
		const scores = new Map<string, { score: number; shared: { weight: number; label: string }[] }>();
		for (const [feature, value] of mine) {
			for (const other of holders.get(feature) ?? []) {
				if (other === episode.slug) continue;
				const entry = scores.get(other) ?? { score: 0, shared: [] };
				entry.score += value.weight;
				entry.shared.push(value);
				scores.set(other, entry);
			}
		}
		const ranked = [...scores]
			.sort((a, b) => b[1].score - a[1].score || a[0].localeCompare(b[0]))
			.slice(0, RELATED_MAX)
			.map(([slug, { shared }]) => ({ slug, reason: reasonFor(shared) }));
		if (ranked.length < RELATED_MIN) {
			const taken = new Set([episode.slug, ...ranked.map((r) => r.slug)]);
			const mineWords = titleWords.get(episode.slug)!;
			const better = (a: { slug: string; score: number }, b: { slug: string; score: number }) => b.score - a.score || newest.get(a.slug)! - newest.get(b.slug)!;
			// The best few by a running selection, not a sort of the whole archive per episode.
			const best: { slug: string; score: number; common: string[] }[] = [];
			for (const other of episodes) {
				if (taken.has(other.slug)) continue;
				let score = 0;
				const common: string[] = [];
				for (const w of titleWords.get(other.slug)!) {
					if (!mineWords.has(w) || wordCount.get(w)! >= total) continue;
					common.push(w);
					score += Math.log(total / wordCount.get(w)!);
				}
				const candidate = { slug: other.slug, score, common };
				if (best.length < RELATED_MIN - ranked.length) best.push(candidate);
				else if (better(candidate, best[best.length - 1]!) < 0) best[best.length - 1] = candidate;
				else continue;
				best.sort(better);
			}
			const byWords = best.map((entry) => ({ ...entry, common: entry.common.sort((a, b) => wordCount.get(a)! - wordCount.get(b)! || a.localeCompare(b)) }));
			for (const other of byWords) ranked.push({ slug: other.slug, reason: other.common.length > 0 ? `also on “${other.common.slice(0, 2).join('”, “')}”` : 'from the same archive' });
		}
		result[episode.slug] = ranked;
	}
	return result;
}


/** `also about Mistral, RLHF` / `also with Tri Dao`: the two rarest things shared (guests are labelled `with …`). */
function reasonFor(shared: { weight: number; label: string }[]): string {
	const top = [...shared].sort((a, b) => b.weight - a.weight || a.label.localeCompare(b.label)).slice(0, 2);
	const people = top.filter((s) => s.label.startsWith('with ')).map((s) => s.label);
	const topics = top.filter((s) => !s.label.startsWith('with ')).map((s) => s.label);
	return `also ${[...(topics.length > 0 ? [`about ${topics.join(', ')}`] : []), ...people].join(', ')}`;
}

/** Markdown inline text as read: links as their text, escapes and entities undone. */
export function plainMarkdown(markdown: string): string {
	return markdown
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
		.replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
		.replace(/&amp;/g, '&')
		.replace(/\\(.)/g, '$1')
		.replace(/(^|[^*])\*+([^*]+)\*+/g, '$1$2')
		.replace(/[\u200b\u00a0]/g, ' ')
		.trim();
}

/**
 * The list items of an episode entry's show notes (the MDX the ingest
 * wrote): the items under the heading `heading` (`Show Notes`) up to the next
 * heading of the same level, nested items included, each with its first link.
 */
export function showNotesOfMdx(mdx: string, heading: string | undefined): NoteItem[] {
	const lines = mdx.split('\n');
	const wanted = (text: string) => (heading ? text.trim().toLowerCase() === heading.trim().toLowerCase() : /^show notes$/i.test(text.trim()));
	const headingOf = (line: string) => /^<h([2-4]) id="[^"]*">(.*)<\/h\1>$/.exec(line) ?? /^(#{2,4}) (.*)$/.exec(line);
	const items: NoteItem[] = [];
	let level = 0;
	for (const line of lines) {
		const h = headingOf(line);
		if (h) {
			const depth = /^\d$/.test(h[1]!) ? Number(h[1]) : h[1]!.length;
			if (level > 0 && depth <= level) level = 0;
			if (level === 0 && wanted(plainMarkdown(h[2]!))) level = depth;
			continue;
		}
		const item = /^\s*[-*] (.*)$/.exec(line);
		if (level === 0 || !item) continue;
		const href = /\]\((https?:[^)\s]+)\)/.exec(item[1]!)?.[1];
		items.push({ text: plainMarkdown(item[1]!), ...(href ? { href } : {}) });
	}
	return items;
}

/** What the topic rules read of an episode's entry files (`<slug>.json` as parsed, `<slug>.mdx` as text). */
export interface EntryData {
	slug: string;
	title: string;
	published: string;
	showNotesHeading?: string;
	speakers: { id: string; name: string; role: string }[];
	chapters: { title: string }[];
	transcript?: { turns: { id: string; start?: number; speaker?: string; paragraphs: { text: string }[] }[] };
}

/** An episode as the topic rules see it, from its entry files. */
export function topicSource(data: EntryData, mdx: string): TopicSourceEpisode {
	return {
		slug: data.slug,
		title: data.title,
		published: data.published,
		people: data.speakers.map((speaker) => speaker.name),
		guests: data.speakers.filter((speaker) => speaker.role === 'guest').map(({ id, name }) => ({ id, name })),
		showNotes: showNotesOfMdx(mdx, data.showNotesHeading),
		chapters: data.chapters.map((chapter) => chapter.title),
		turns: (data.transcript?.turns ?? []).map((turn) => ({ id: turn.id, ...(turn.start !== undefined ? { start: turn.start } : {}), ...(turn.speaker !== undefined ? { speaker: turn.speaker } : {}), text: turn.paragraphs.map((p) => p.text).join('\n') })),
	};
}
