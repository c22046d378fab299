/**
 * content/vocabulary.json: the words the seam rules never split, kept as
 * content so a maintainer adds or removes one without touching code.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readVocabulary } from '../../scripts/lib/vocabulary-file.ts';
import { ingestSources } from '../../src/ingest/sources.ts';
import { SiteConfigSchema } from '../../src/schemas/site.ts';
import { VocabularyFileSchema } from '../../src/schemas/vocabulary.ts';

const site = SiteConfigSchema.parse(JSON.parse(readFileSync('content/site.json', 'utf8')));
const seed = { file: 'latent-space.txt', text: readFileSync('content/sources/latent-space.txt', 'utf8') };
const { words } = readVocabulary();
const SUNO = 'making-transformers-sing-with-mikey-shulman-of-suno';
const headingsOf = (known: readonly string[]) =>
	ingestSources([seed], { hosts: site.hosts, words: known })
		.entries.find((entry) => entry.slug === SUNO)!
		.episode!.description.flatMap((block) => (block.type === 'heading' ? [block.text] : []));

describe('content/vocabulary.json', () => {
	test('fits its schema and lists the brand names the glue must keep whole', () => {
		expect(VocabularyFileSchema.parse(JSON.parse(readFileSync('content/vocabulary.json', 'utf8'))).words).toEqual(words);
		expect(words).toEqual(expect.arrayContaining(['HuggingFace', 'AudioGen', 'LinkedIn', 'iPhone']));
	});

	test('a listed word the seed writes once stays whole: “The AudioGen Landscape” is one heading, not “The Audio” and “Gen Landscape”', () => {
		expect(seed.text.split('AudioGen').length - 1).toBe(1);
		expect(seed.text).toContain('swing by the LS Discord!The AudioGen LandscapeMikey breaks down');
		expect(headingsOf(words)).toContain('The AudioGen Landscape');
		const without = headingsOf(words.filter((word) => word !== 'AudioGen'));
		expect(without).toContain('Gen Landscape');
		expect(without).not.toContain('The AudioGen Landscape');
	});

	test('a word is letters and digits as written; anything else is a readable error', () => {
		const result = VocabularyFileSchema.safeParse({ words: ['Hugging Face', 'GPT-4'] });
		expect(result.success).toBe(false);
		expect(result.error!.issues.map((issue) => issue.message)).toEqual([
			'a word is letters and digits only, as written (`HuggingFace`)',
			'a word is letters and digits only, as written (`HuggingFace`)',
		]);
	});
});
