/**
 * One length for a speaker label everywhere: the dump's three transcript
 * layouts, the section finder that spots the transcript by its first label,
 * and the feed's bold labels accept a label of `MAX_LABEL_CHARS` characters
 * and none of one character more.
 */
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, test } from 'vitest';
import { transcriptLine } from '../../src/ingest/feed.ts';
import { Vocabulary } from '../../src/ingest/glue.ts';
import { MAX_LABEL_CHARS } from '../../src/ingest/labels.ts';
import { findSections } from '../../src/ingest/sections.ts';
import { ParseProblem } from '../../src/ingest/problems.ts';
import { isLabelShaped, parseTranscript } from '../../src/ingest/transcript.ts';

/** A one-word name of `length` characters, capitalised as names are. */
const nameOf = (length: number) => `B${'o'.repeat(length - 1)}`;
/** The labels of the turns, or none where the parser reports that a label has no readable name. */
const labelsOf = (text: string, names: string[] = []) => {
	try {
		return parseTranscript(text, names).turns.map((turn) => turn.label);
	} catch (error) {
		if (error instanceof ParseProblem) return [];
		throw error;
	}
};
const context = { vocabulary: new Vocabulary(''), names: new Set<string>() };
const element = (html: string) => fromHtml(html, { fragment: true }).children.find((node) => node.type === 'element') as Element;

describe.each([
	['MAX_LABEL_CHARS', MAX_LABEL_CHARS, true],
	['MAX_LABEL_CHARS + 1', MAX_LABEL_CHARS + 1, false],
])('a name of %s characters (%i)', (_, length, accepted) => {
	const name = nameOf(length);

	test(`${accepted ? 'is' : 'is not'} a label: the label shape`, () => {
		expect(isLabelShaped(name)).toBe(accepted);
	});

	test(`${accepted ? 'is' : 'is not'} a label: \`Name [hh:mm:ss]:\` glued to a sentence`, () => {
		expect(labelsOf(`Swyx [00:00:00]: Hi.${name} [00:00:05]: Hello.Swyx [00:00:09]: Bye.`).includes(name)).toBe(accepted);
	});

	test(`${accepted ? 'is' : 'is not'} a label: \`[hh:mm:ss] Name:\``, () => {
		expect(labelsOf(`[00:00:00] Swyx: Hi.[00:00:05] ${name}: Hello.[00:00:09] ${name}: Bye.`).includes(name)).toBe(accepted);
	});

	test(`${accepted ? 'is' : 'is not'} a label: \`Name: … [hh:mm:ss]\``, () => {
		expect(labelsOf(`Swyx: Hi. [00:00:05]${name}: Hello. [00:00:09]Swyx: Bye.`).includes(name)).toBe(accepted);
	});

	test(`${accepted ? 'is' : 'is not'} a label: an untimed label of a known name glued after a sentence`, () => {
		expect(labelsOf(`Swyx [00:00:00]: Hi, this happened.${name}: Yeah. Swyx [00:00:09]: Bye.`, [name]).includes(name)).toBe(accepted);
	});

	test(`${accepted ? 'is' : 'is not'} a label: the first label that tells the transcript's title from the word`, () => {
		const { sections } = findSections(`An intro about the transcript of it.Transcript${name}: Hello there. Swyx: Hi.`, context);
		expect(sections.some((section) => section.kind === 'transcript')).toBe(accepted);
	});

	test(`${accepted ? 'is' : 'is not'} a label: a bold label in a feed transcript`, () => {
		expect(transcriptLine(element(`<p><strong>${name}:</strong> Hello there.</p>`)).label).toBe(accepted ? name : undefined);
	});
});
