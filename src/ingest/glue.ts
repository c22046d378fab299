/**
 * The dump is an HTML article with its tags and newlines stripped, so block
 * ends and headings are glued to whatever follows them (`…useful AGI.Why
 * Google *couldn’t* make GPT-3While we wanted…`). These rules find the seams.
 */

/**
 * Capitalised words that commonly open a sentence or paragraph. When one is
 * glued to the word before it (`ReplicateThis`), the join is a seam rather than
 * a CamelCase name.
 */
const SENTENCE_STARTERS = new Set(
	`About After Again All Almost Along Also Although An And Another Any Anyway Are As At Back Based Because Before
	Being Both But By Can Check Come Could Did Do Does Don’t Due During Each Either Enjoy Enter Even Ever Every Finally
	First For From Full Given Go Happy Has Have He Her Here His How However I’m I’ve If In Including Instead Is It It’s
	Its Join Just Last Later Let Let’s Like Listen Many Maybe Meanwhile More Most Much My Never New Next No Not Note Now
	Of Often On Once One Only Or Our Out Over Part Perhaps Please Plus Read Right See She Since So Some Sometimes Soon
	Still Such Thank Thanks That That’s The Their Then There There’s These They This Those Though Through Thus To Today
	Together Too Under Unlike Until Up Upon We We’re We’ve Well What When Where Whether Which While Who Why Will With
	Within Without Would Yes Yet You You’re Your`.split(/\s+/),
);

/**
 * Sentence starters that never end a CamelCase name, so a token ending in one
 * is a seam even if the source repeats it (`Jan 2024 RecapThe…`, `Feb 2024
 * RecapThe…`). Short words like `In` (`LinkedIn`) or `All` (`GPT4All`) are not here.
 */
const DECISIVE_STARTERS = new Set(
	`After Although Because Before However Meanwhile Please Since That These They This Those The Their There Today Unlike
	What When Where Which While Why With Without We We’re We’ve Our You Your Here Enjoy`.split(/\s+/),
);

import { findLinks } from './inline.ts';

/** Letters and digits of a word, without the punctuation around it. */
export function bareWord(token: string): string {
	return token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/** Whether a UTF-16 unit is whitespace as the regex `\s` reads it. */
function isSpace(code: number): boolean {
	if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
	return (
		code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
		code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
	);
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/**
 * Whether a word has an ASCII capital or any non-ASCII character. The seam
 * rules ask the vocabulary almost only about such words (`PyTorch`, `AGI`,
 * `While`), so they are the ones counted up front.
 */
export function isMarkedWord(word: string): boolean {
	return /[A-Z\u0080-\uffff]/.test(word);
}

/**
 * Calls `visit` with every whitespace-separated token's bare word (what
 * `bareWord` leaves of it: from its first letter or digit to its last), in
 * order, and whether it `isMarkedWord`; tokens without a letter or digit give
 * nothing. The same words as `text.matchAll(/[\p{L}\p{N}](?:\S*[\p{L}\p{N}])?/gu)`,
 * faster on a 100 MB dump: a scan of character codes that makes no match
 * objects and asks Unicode classes only of non-ASCII characters.
 */
export function forEachBareWord(text: string, visit: (word: string, marked: boolean) => void): void {
	const nonAscii = new Map<number, boolean>();
	let first = -1;
	let end = -1;
	// A non-ASCII character after the first letter marks the word once a letter or digit follows it.
	let marked = false;
	let pending = false;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		let alnum: boolean;
		let width = 1;
		if (code < 0x80) {
			alnum = (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
		} else if (isSpace(code)) {
			alnum = false;
		} else {
			const point = text.codePointAt(i)!;
			width = point > 0xffff ? 2 : 1;
			let known = nonAscii.get(point);
			if (known === undefined) nonAscii.set(point, (known = LETTER_OR_DIGIT.test(String.fromCodePoint(point))));
			alnum = known;
		}
		if (alnum) {
			if (first < 0) first = i;
			end = i + width;
			if (pending || code >= 0x80 || (code >= 0x41 && code <= 0x5a)) marked = true;
			pending = false;
		} else if (isSpace(code)) {
			if (first >= 0) visit(text.slice(first, end), marked);
			first = -1;
			marked = pending = false;
		} else if (first >= 0 && code >= 0x80) {
			pending = true;
		}
		i += width - 1;
	}
	if (first >= 0) visit(text.slice(first, end), marked);
}

/** How often each word occurs, counting only the words `include` accepts. */
function countWords(text: string, include: (marked: boolean) => boolean): Map<string, number> {
	const counts = new Map<string, number>();
	forEachBareWord(text, (word, marked) => {
		if (include(marked)) counts.set(word, (counts.get(word) ?? 0) + 1);
	});
	return counts;
}

/**
 * Vocabulary of the words a source actually uses: a CamelCase word that occurs
 * twice or more (`PyTorch`, `HuggingFace`) is a real word, while a seam such as
 * `GPT-3While` occurs once. Built per source file so that adding another dump
 * never changes how an existing one parses. Words with a capital or a
 * non-ASCII character are counted at once; the far more numerous plain
 * lowercase words only when one is first asked about (most sources never are),
 * which saves most of the counting on a big dump. The `known` words
 * (content/vocabulary.json, read by the shell) count as used twice, so a brand
 * name a source writes once is still a word.
 */
export class Vocabulary {
	readonly #text: string;
	readonly #marked: Map<string, number>;
	#plain: Map<string, number> | undefined;
	readonly #known: Set<string>;
	#log: Map<string, boolean> | undefined;

	constructor(text: string, known: Iterable<string> = []) {
		this.#text = text;
		this.#marked = countWords(text, (marked) => marked);
		this.#known = new Set(known);
	}

	/** How often the word occurs in the source; a known word counts at least twice. */
	#count(word: string): number {
		const counts = isMarkedWord(word) ? this.#marked : (this.#plain ??= countWords(this.#text, (marked) => !marked));
		const count = counts.get(word) ?? 0;
		return this.#known.has(word) ? Math.max(2, count) : count;
	}

	/** True when the word occurs at least `min` times in the source (or is a known word). */
	has(word: string, min = 2): boolean {
		const answer = this.#count(word) >= min;
		this.#log?.set(`${min}:${word}`, answer);
		return answer;
	}

	/**
	 * Records every answer `has` gives until `stopRecording`. An episode's parse
	 * depends on the rest of its source only through these answers, so the
	 * incremental ingest keeps them to know when a cached parse is still valid.
	 */
	startRecording(): Map<string, boolean> {
		this.#log = new Map();
		return this.#log;
	}

	/** Stops recording (see `startRecording`). */
	stopRecording(): void {
		this.#log = undefined;
	}

	/** True when every recorded answer (`min:word` → answer) is still what `has` says. */
	agreesWith(answers: Readonly<Record<string, boolean>>): boolean {
		return Object.entries(answers).every(([key, answer]) => {
			const colon = key.indexOf(':');
			return (this.#count(key.slice(colon + 1)) >= Number(key.slice(0, colon))) === answer;
		});
	}
}

/** True when `word` commonly starts a sentence, or is one of the given names. */
export function isSentenceStarter(word: string, names: ReadonlySet<string> = new Set()): boolean {
	const clean = word.replace(/['’]s$/, '');
	return SENTENCE_STARTERS.has(word) || SENTENCE_STARTERS.has(clean) || names.has(clean) || names.has(word);
}

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const isUpper = (ch: string | undefined) => ch !== undefined && UPPER.test(ch);
const isLower = (ch: string | undefined) => ch !== undefined && LOWER.test(ch);

/**
 * Positions inside a token where a new capitalised word starts without a
 * space: `GPT-3|While`, `Reliability|The`, `AGI|Human`, `Dataset|IDEFICS`,
 * `Chris Ré)|Papers`.
 */
export function seamCandidates(token: string): number[] {
	const points: number[] = [];
	for (let i = 1; i < token.length; i++) {
		// The whole character before, so an emoji (two UTF-16 units) counts as one.
		const prev = String.fromCodePoint(token.codePointAt(/[\uDC00-\uDFFF]/.test(token[i - 1]!) && i >= 2 ? i - 2 : i - 1)!);
		const cur = token[i]!;
		const next = token[i + 1];
		if (!isUpper(cur)) continue;
		const startsWord = isLower(next) || next === undefined || next === '’' || next === "'";
		if (isLower(prev) || /[\p{N})\]”"!?+\p{Extended_Pictographic}]/u.test(prev)) {
			if (startsWord || isUpper(next)) points.push(i);
		} else if (isUpper(prev) && isLower(next) && isUpper(token[i - 2])) {
			// An acronym run followed by a word: AGI|Human, MLX|Swyx.
			points.push(i);
		}
	}
	return points;
}

/** Context for deciding whether a glued join is a seam. */
export interface SeamContext {
	vocabulary: Vocabulary;
	/** Names of people in the episode; a glued name (`LandscapeMikey`) is a seam. */
	names: ReadonlySet<string>;
}

/**
 * How sure a glued join is to be a seam: `strong` ends a heading, `weak` (two
 * words the source knows, joined: `OpenInterpreter`) only bounds a heading on
 * its left, so such a word alone never splits a paragraph.
 */
export type SeamStrength = 'strong' | 'weak';

/** One glued join, seen from both sides: what every seam rule looks at. */
export interface Join {
	token: string;
	/** Offset of the join inside `token` (where the capital starts). */
	point: number;
	/** The whole character before the join, so an emoji (two UTF-16 units) counts as one. */
	prev: string;
	/** `bareWord` of the text left of the join. */
	left: string;
	/** `bareWord` of the text right of the join. */
	right: string;
	/** Letters right of the join (`While` in `GPT-3While,`). */
	rightWord: string;
	/** Letters left of the join (`Recap` in `2024-RecapThe`). */
	leftWord: string;
	/** Letters and digits around the join: the word it sits in (`ChatGPT` in `ChatGPT/Copilot”`). */
	leftRun: string;
	rightRun: string;
}

/** A seam rule's verdict: a seam of that strength, or `none` (certainly not a seam). */
export type SeamVerdict = SeamStrength | 'none';

/**
 * One named guess about a glued join. `SEAM_RULES` are tried in order and the
 * first rule that `applies` decides; a join no rule takes is not a seam.
 */
export interface SeamRule {
	name: string;
	/** What it matches, with an example from the sources. */
	matches: string;
	verdict: SeamVerdict;
	/** Why the verdict is right for such a join. */
	why: string;
	applies: (join: Join, context: SeamContext) => boolean;
}

const PICTOGRAPH = /\p{Extended_Pictographic}/u;

/** The glued-join rules, in the order they are tried: earlier rules win. */
export const SEAM_RULES: readonly SeamRule[] = [
	{
		name: 'nothing-to-join',
		matches: 'a join with no word on its right, or only punctuation on its left (`"Return` in `repo* "Return to Monkey"`)',
		verdict: 'none',
		why: 'a seam separates two pieces of text; an emoji on the left counts as text, as a heading can end in one',
		applies: (join) => !join.right || (!join.left && !PICTOGRAPH.test(join.prev)),
	},
	{
		name: 'inside-link',
		matches: 'a join inside a domain (`We also recommend MLContests.com NeurIPS recap`)',
		verdict: 'none',
		why: 'domains are written in CamelCase for readability; splitting one breaks the link',
		applies: (join) => findLinks(join.token).some((link) => link.index < join.point && join.point < link.index + link.text.length),
	},
	{
		name: 'decisive-starter',
		matches: 'a word that only starts sentences, glued on the right (`make GPT-3While we wanted`, `ReliabilityThe AGI dream`)',
		verdict: 'strong',
		why: 'no name ends in `The` or `While`, so this holds even when the source repeats the glued token',
		applies: (join) => DECISIVE_STARTERS.has(join.rightWord),
	},
	{
		name: 'known-word',
		matches: 'a word the source uses twice or more, or a word of content/vocabulary.json (`Speaker CFPs and Sponsor Guides`, `OpenAI`)',
		verdict: 'none',
		why: 'a seam is an accident of flattening and rarely repeats; a word written the same way twice is a real word',
		applies: (join, context) => join.leftRun !== '' && context.vocabulary.has(join.leftRun + join.rightRun),
	},
	{
		name: 'repeated-caption',
		matches: 'the same word on both sides (`Axolotl.AxolotlAxolotl is an LLM fine-tuner`)',
		verdict: 'strong',
		why: 'an image caption or link text repeated as the next heading; no name doubles itself',
		applies: (join) => join.leftWord === join.rightWord && join.leftWord.length >= 3,
	},
	{
		name: 'sentence-starter',
		matches: 'a common sentence opener or a name of the episode on the right (`really helps.”And his`, `you have!Alessio is now hiring`)',
		verdict: 'strong',
		why: 'paragraphs and turns start with these words; CamelCase names rarely end in them',
		applies: (join, context) => isSentenceStarter(join.rightWord, context.names),
	},
	{
		name: 'after-digit-or-bracket',
		matches: 'a capitalised word after a digit, bracket, quote or emoji (`we focused.”Cloning HGI`, `AI UX)Transcript`)',
		verdict: 'strong',
		why: 'a heading or list item ending in a number or a closing mark, glued to what follows',
		applies: (join) => /[\p{N})\]”"\p{Extended_Pictographic}]/u.test(join.prev) && isLower(join.token[join.point + 1]),
	},
	{
		name: 'lowercase-then-capital',
		matches: 'an all-lowercase word glued to a capitalised one (`Latent Space ranchScaling with Modal`)',
		verdict: 'strong',
		why: 'CamelCase names start with a capital (`iPhone` is in content/vocabulary.json); a lowercase word ends a sentence or heading',
		applies: (join) => /^\p{Ll}{3,}$/u.test(join.left) && /^\p{Lu}\p{Ll}{2,}/u.test(join.rightWord),
	},
	{
		name: 'acronym-then-word',
		matches: 'an acronym the source uses, then a capitalised word (`HGI for AGIHuman intelligence`)',
		verdict: 'strong',
		why: 'the acronym stands on its own elsewhere in the source, so the word after it starts something new',
		applies: (join, context) => {
			const acronym = /\p{Lu}{2,}$/u.exec(join.token.slice(0, join.point))?.[0];
			return acronym !== undefined && context.vocabulary.has(acronym) && isLower(join.token[join.point + 1]);
		},
	},
	{
		name: 'word-then-acronym',
		matches: 'a lowercase letter, then an acronym of three or more capitals the source uses (`Multimodal DatasetIDEFICS’ training data`)',
		verdict: 'strong',
		why: 'the acronym stands on its own elsewhere in the source, so it starts something new',
		applies: (join, context) => {
			const capitals = /^\p{Lu}{3,}/u.exec(join.token.slice(join.point))?.[0];
			return capitals !== undefined && isLower(join.prev) && context.vocabulary.has(capitals);
		},
	},
	{
		name: 'two-known-words',
		matches: 'two words of three or more letters that the source uses, joined (`outputs!The OpenInterpreter team`)',
		verdict: 'weak',
		why: 'either a seam or a product name made of two words; only a heading’s left edge may rest on it',
		applies: (join, context) =>
			join.leftWord.length >= 3 && join.rightWord.length >= 3 && context.vocabulary.has(join.leftWord) && context.vocabulary.has(join.rightWord),
	},
];

/** The join at `point` inside `token`, with the words around it. */
function joinAt(token: string, point: number): Join {
	const before = token.slice(0, point);
	const after = token.slice(point);
	return {
		token,
		point,
		prev: String.fromCodePoint(token.codePointAt(/[\uDC00-\uDFFF]/.test(token[point - 1]!) && point >= 2 ? point - 2 : point - 1)!),
		left: bareWord(before),
		right: bareWord(after),
		rightWord: /^[\p{L}’']+/u.exec(after)?.[0] ?? bareWord(after),
		leftWord: /[\p{L}]+$/u.exec(before)?.[0] ?? '',
		leftRun: /[\p{L}\p{N}]*$/u.exec(before)?.[0] ?? '',
		rightRun: /^[\p{L}\p{N}]*/u.exec(after)?.[0] ?? '',
	};
}

/** The rule of `SEAM_RULES` that decides the join at `point` inside `token`, or undefined when none applies (not a seam). */
export function seamRule(token: string, point: number, context: SeamContext): SeamRule | undefined {
	const join = joinAt(token, point);
	return SEAM_RULES.find((rule) => rule.applies(join, context));
}

/**
 * Decides whether the join at `point` inside `token` is a seam between two
 * blocks, by the first of `SEAM_RULES` that applies.
 */
export function seamStrength(token: string, point: number, context: SeamContext): SeamStrength | undefined {
	const verdict = seamRule(token, point, context)?.verdict;
	return verdict === 'none' ? undefined : verdict;
}

/** A seam found in a text: its offset and how sure it is. */
export interface Seam {
	index: number;
	strength: SeamStrength;
}

/** All seams in `text[from, to)`, in order. */
export function findSeams(text: string, context: SeamContext, from = 0, to = text.length): Seam[] {
	const seams: Seam[] = [];
	const tokenPattern = /\S+/g;
	tokenPattern.lastIndex = from;
	for (let match = tokenPattern.exec(text); match && match.index < to; match = tokenPattern.exec(text)) {
		for (const point of seamCandidates(match[0])) {
			const strength = seamStrength(match[0], point, context);
			if (strength) seams.push({ index: match.index + point, strength });
		}
	}
	return seams;
}

/** Dotted names that read as one word, so `.` inside them is not a sentence end. */
const DOTTED_NAMES = new Set(['latent.space']);

/**
 * True when a new block starts at `i` although no whitespace separates it
 * from the text before: `…have!Alessio`, `…focused.”Cloning`, `…report:The`,
 * `…tools.2021: CLIP`, `…including:* OpenAI`. A `…` before a capital is an
 * elision inside a quote, not a block end; `U.S.` and `Latent.Space` are words.
 */
export function isBlockBoundary(text: string, i: number): boolean {
	const prev = text[i - 1];
	// Only these characters can end a block; checking them first skips the regular expressions below
	// for almost every position (this runs once per character of the prose).
	if (prev !== '.' && prev !== '!' && prev !== '?' && prev !== ':' && prev !== '”' && prev !== ')') return false;
	const cur = text[i];
	if (cur === undefined || /\s/.test(cur)) return false;
	const next = text[i + 1];
	const startsList = cur === '*' && next === ' ';
	const digitAfterWord = /\d/.test(cur) && !/\d/.test(text[i - 2] ?? '');
	// An opening quote starts a block only if a word follows it (`“, and` is a misused closing quote).
	const opensQuote = (cur === '“' || cur === '"') && /[\p{L}\p{N}‘]/u.test(next ?? '');
	const emoji = /\p{Extended_Pictographic}/u.test(String.fromCodePoint(text.codePointAt(i)!));
	if (prev === '.' || prev === '!' || prev === '?') {
		if (startsList || opensQuote || emoji) return true;
		if (digitAfterWord) return true;
		if (!isUpper(cur)) return false;
		if (prev === '.' && (next === '.' || isUpper(next) && text[i + 2] === '.')) return false;
		if (prev === '.') {
			// A word of a dotted name is short: looking 64 characters back keeps this linear.
			const left = /\p{L}+$/u.exec(text.slice(Math.max(0, i - 65), i - 1))?.[0] ?? '';
			const right = /^\p{L}+/u.exec(text.slice(i))?.[0] ?? '';
			if (DOTTED_NAMES.has(`${left}.${right}`.toLowerCase())) return false;
		}
		return true;
	}
	if (prev === ':') return startsList || isUpper(cur) || opensQuote || digitAfterWord;
	// A closing quote or bracket ends a block only if it closes something (`, ”Beyond` opens).
	if ((prev === '”' || prev === ')') && !/\s/.test(text[i - 2] ?? ' ')) return startsList || isUpper(cur) || opensQuote || (prev === ')' && emoji);
	return false;
}

/** Splits text at every block boundary (see `isBlockBoundary`), trimming each piece. */
export function splitAtBlockBoundaries(text: string): string[] {
	const pieces: string[] = [];
	let start = 0;
	for (let i = 1; i < text.length; i++) {
		if (text[i] === '\n' || isBlockBoundary(text, i)) {
			pieces.push(text.slice(start, i));
			start = text[i] === '\n' ? i + 1 : i;
		}
	}
	pieces.push(text.slice(start));
	return pieces.map((piece) => piece.trim()).filter((piece) => piece.length > 0);
}
