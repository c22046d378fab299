import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findSeams, forEachBareWord, isMarkedWord, isBlockBoundary, SEAM_RULES, seamCandidates, seamRule, seamStrength, splitAtBlockBoundaries, Vocabulary } from '../../src/ingest/glue.ts';
import { readVocabulary } from '../../scripts/lib/vocabulary-file.ts';
import { SiteConfigSchema } from '../../src/schemas/site.ts';

/** A context whose vocabulary knows the given words (as if the source used each twice). */
const context = (words: string[] = [], names: string[] = []) => ({ vocabulary: new Vocabulary('', words), names: new Set(names) });
const strengthAt = (token: string, ctx = context()) =>
	seamCandidates(token)
		.map((point) => [token.slice(point), seamStrength(token, point, ctx)])
		.filter(([, strength]) => strength !== undefined);

describe('isBlockBoundary', () => {
	const boundaries = (text: string) =>
		[...text].map((_, i) => i).filter((i) => isBlockBoundary(text, i)).map((i) => text.slice(i, i + 8));

	test.each([
		['a sentence end glued to the next paragraph', 'Sponsor Guides you have!Alessio is now hiring', ['Alessio ']],
		['a closing quote glued to a heading', 'we took big swings and we focused.”Cloning HGI for AGI', ['Cloning ']],
		['a colon where an image was', 'Ajeya Cotra’s Biological Anchors report:The early days', ['The earl']],
		['a year heading after a sentence', 'Covid tools.2021: CLIP + GAN = PixRay', ['2021: CL']],
		['a list glued to its lead-in', 'public releases:* ACT-1 (Sept 2022)', ['* ACT-1 ']],
	])('finds %s', (_, text, expected) => {
		expect(boundaries(text)).toEqual(expected);
	});

	test.each([
		['an elision inside a quote', 'He clearly wanted it too…You know, every day'],
		['initials', 'the U.S. government'],
		['a decimal', 'Gemini 1.5 Pro'],
		['the show’s dotted name', 'Get full access to Latent.Space at'],
		['a misused closing quote that opens', '“The Autonomous Workforce”, ”Beyond Transformers'],
		['a misused opening quote that closes', '(to pivot into AI)“, and the advice still stands'],
		['a straight quote closing a sentence', 'over the next three years." - David on the pod'],
	])('ignores %s', (_, text) => {
		expect(boundaries(text)).toEqual([]);
	});
});

describe('seamStrength', () => {
	test('a heading glued to a sentence starter is a strong seam', () => {
		expect(strengthAt('GPT-3While')).toEqual([['While', 'strong']]);
		expect(strengthAt('ReliabilityThe')).toEqual([['The', 'strong']]);
	});

	test('an acronym the source uses, glued to a word, is a strong seam', () => {
		expect(strengthAt('AGIHuman', context(['AGI']))).toEqual([['Human', 'strong']]);
	});

	test('a lowercase word glued to a capitalised one is a strong seam', () => {
		expect(strengthAt('ranchScaling')).toEqual([['Scaling', 'strong']]);
	});

	test('a glued name of the episode is a strong seam', () => {
		expect(strengthAt('LandscapeMikey', context([], ['Mikey']))).toEqual([['Mikey', 'strong']]);
	});

	test('a repeated caption is a strong seam', () => {
		expect(strengthAt('AxolotlAxolotl')).toEqual([['Axolotl', 'strong']]);
	});

	test('an emoji glued to a sentence starter is a strong seam', () => {
		expect(strengthAt('🎤Today’s')).toEqual([['Today’s', 'strong']]);
	});

	test.each(['HuggingFace', 'YouTube', 'PyTorch', 'OpenAI', 'LinkedIn', 'ChatGPT/Copilot”'])('leaves the CamelCase word %s of content/vocabulary.json whole', (word) => {
		expect(strengthAt(word, context(readVocabulary().words))).toEqual([]);
	});

	test('a seam repeated in the source is still a seam when a sentence starts after it', () => {
		const vocabulary = new Vocabulary('Jan 2024 RecapThe first half. Feb 2024 RecapThe second half.');
		expect(seamStrength('RecapThe', 5, { vocabulary, names: new Set() })).toBe('strong');
	});

	test('nothing inside a domain is a seam', () => {
		expect(strengthAt('MLContests.com', context(['ML']))).toEqual([]);
	});

	test('two words the source knows, joined, are only a weak seam', () => {
		expect(strengthAt('OpenInterpreter', context(['Open', 'Interpreter']))).toEqual([['Interpreter', 'weak']]);
	});
});

describe('SEAM_RULES', () => {
	const seed = readFileSync('content/sources/latent-space.txt', 'utf8');
	const site = SiteConfigSchema.parse(JSON.parse(readFileSync('content/site.json', 'utf8')));
	/** What the parser reads the seed dump with: its own vocabulary, the known words and the hosts' names. */
	const seedContext = { vocabulary: new Vocabulary(seed, readVocabulary().words), names: new Set(site.hosts.flatMap((host) => host.aliases)) };

	/** Rule name, and the excerpt of the seed dump that motivates it with `|` at the join. */
	const cases: [string, string][] = [
		['nothing-to-join', 'NanoGPT repo* "|Return to Monkey"Timestamps*'],
		['inside-link', 'We also recommend MLCon|tests.com NeurIPS recap'],
		['decisive-starter', 'make GPT-3|While we wanted to discuss Adept'],
		['decisive-starter', 'Abstraction with Reliability|The AGI dream'],
		['known-word', 'questions about Speaker CF|Ps and Sponsor Guides'],
		['known-word', 'he was the ~30th hire at Open|AI, he led'],
		['repeated-caption', 'Wing Lian’s Axolotl.Axolotl|Axolotl is an LLM fine-tuner'],
		['sentence-starter', 'a degree of practicality that really helps.”|And his customers'],
		['sentence-starter', 'Sponsor Guides you have!|Alessio is now hiring'],
		['after-digit-or-bracket', 'we took big swings and we focused.”|Cloning HGI for AGIHuman'],
		['after-digit-or-bracket', 'Jan Zheng (Australia, AI UX)|Transcript[00:00:00]'],
		['lowercase-then-capital', 'The soundtrack of the post-scarcity Latent Space ranch|Scaling with Modal'],
		['acronym-then-word', 'Cloning HGI for AGI|Human intelligence got to where it'],
		['word-then-acronym', 'OBELICS: a new type of Multimodal Dataset|IDEFICS’ training data'],
		['two-known-words', 'action outputs!The Open|Interpreter team is working'],
	];

	test.each(cases)('%s decides “%s”, a real excerpt of the seed dump', (name, excerpt) => {
		const join = excerpt.indexOf('|');
		const text = excerpt.replace('|', '');
		expect(seed).toContain(text);
		const start = text.lastIndexOf(' ', join - 1) + 1;
		const end = text.indexOf(' ', join);
		const token = text.slice(start, end < 0 ? undefined : end);
		const rule = seamRule(token, join - start, seedContext);
		expect(rule?.name).toBe(name);
		expect(seamStrength(token, join - start, seedContext)).toBe(rule!.verdict === 'none' ? undefined : rule!.verdict);
	});

	test('every rule has a name of its own, a description, a reason and a real excerpt above', () => {
		const names = SEAM_RULES.map((rule) => rule.name);
		expect(new Set(names).size).toBe(names.length);
		expect(new Set(cases.map(([name]) => name))).toEqual(new Set(names));
		for (const rule of SEAM_RULES) expect([rule.matches.length > 0, rule.why.length > 0]).toEqual([true, true]);
	});

	test('a join no rule takes is not a seam: `AP|IsUnlike` splits nothing inside `APIs`', () => {
		expect(seed).toContain('(slides).No APIsUnlike a lot of large research labs');
		expect(seamRule('APIsUnlike', 2, seedContext)).toBeUndefined();
		expect(seamStrength('APIsUnlike', 4, seedContext)).toBe('strong');
	});
});

describe('findSeams', () => {
	test('finds the seam after a glued heading in running text', () => {
		const text = 'Why Google *couldn’t* make GPT-3While we wanted to discuss Adept';
		expect(findSeams(text, context()).map((seam) => text.slice(seam.index, seam.index + 5))).toEqual(['While']);
	});
});

describe('splitAtBlockBoundaries', () => {
	test('splits a flattened article into its blocks', () => {
		const text = 'his definition of useful AGI.Why Google *couldn’t* make GPT-3While we wanted to. David has some interesting answers:“So I think';
		expect(splitAtBlockBoundaries(text)).toEqual([
			'his definition of useful AGI.',
			'Why Google *couldn’t* make GPT-3While we wanted to. David has some interesting answers:',
			'“So I think',
		]);
	});
});

describe('forEachBareWord', () => {
	/** The definition it replaces: one regex match per token. */
	const reference = (text: string) => [...text.matchAll(/[\p{L}\p{N}](?:\S*[\p{L}\p{N}])?/gu)].map(([word]) => word);
	/** The words, after checking that each is marked exactly when `isMarkedWord` says so. */
	const words = (text: string) => {
		const out: string[] = [];
		forEachBareWord(text, (word, marked) => {
			expect([word, marked]).toEqual([word, isMarkedWord(word)]);
			out.push(word);
		});
		return out;
	};

	test('gives what the regex gives on the seed dump', () => {
		const seed = readFileSync('content/sources/latent-space.txt', 'utf8');
		expect(words(seed)).toEqual(reference(seed));
	});

	test.each([
		['punctuation around words', '“Hello,” (world)… *swyx*'],
		['Unicode spaces and no-break spaces', 'a\u00a0b\u2009c\u3000d\ufeffe\u2028f'],
		['emoji, astral letters and marks', 'GPT-4🚀 🤖 𝐀𝐁𝐂 Ré\u0301sumé 🇺🇸'],
		['lone surrogates', '\ud83dabc \ude00 x\ud83d'],
		['non-ASCII punctuation inside and around words', '“don’t” it’s… –a–b– ’q’'],
		['nothing but punctuation', '—— !!! ...'],
	])('%s', (_, text) => {
		expect(words(text)).toEqual(reference(text));
	});

	test('agrees with the regex on any text', () => {
		const alphabet = ['a', 'Z', '7', ' ', '\n', '\u00a0', '\u2003', '.', '’', '—', 'é', '🚀', '𝐀', '\ud83d', '\u0301', '٣'];
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((chars) => chars.join('')), (text) => {
				expect(words(text)).toEqual(reference(text));
			}),
			{ numRuns: 2000 },
		);
	});
});

describe('Vocabulary', () => {
	test('counts words with capitals at once and plain lowercase words when asked', () => {
		const vocabulary = new Vocabulary('PyTorch (PyTorch) useful, useful! Useful “Ré” ré Ré GPT-3While');
		expect(vocabulary.has('PyTorch')).toBe(true);
		expect(vocabulary.has('useful')).toBe(true);
		expect(vocabulary.has('Useful')).toBe(false);
		expect(vocabulary.has('Ré')).toBe(true);
		expect(vocabulary.has('ré')).toBe(false);
		expect(vocabulary.has('GPT-3While')).toBe(false);
	});

	test('answers recorded for one source are checked against another', () => {
		const before = new Vocabulary('alpha alpha Beta Beta');
		const answers = before.startRecording();
		before.has('alpha');
		before.has('Beta');
		before.stopRecording();
		const recorded = Object.fromEntries(answers);
		expect(before.agreesWith(recorded)).toBe(true);
		expect(new Vocabulary('alpha Beta Beta').agreesWith(recorded)).toBe(false);
		expect(new Vocabulary('alpha alpha Beta').agreesWith(recorded)).toBe(false);
	});
});
