/**
 * Reads content/vocabulary.json, the words the seam rules never split (see
 * src/schemas/vocabulary.ts). Used by `npm run ingest` and by the bench's
 * corpus generator, which reads the seed dump as the ingest does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { NO_VOCABULARY, VocabularyFileSchema, type VocabularyFile } from '../../src/schemas/vocabulary.ts';
import { formatIssues } from '../site-config.ts';

/** The vocabulary file, relative to the project root. */
export const VOCABULARY_FILE = 'content/vocabulary.json';

/** Reads the vocabulary file (absent means no known words); a file that does not fit the schema throws a readable error. */
export function readVocabulary(file = VOCABULARY_FILE): VocabularyFile {
	if (!existsSync(file)) return NO_VOCABULARY;
	let raw: unknown;
	try {
		raw = JSON.parse(readFileSync(file, 'utf8'));
	} catch (error) {
		throw new Error(`${file}: not readable as JSON: ${(error as Error).message}`);
	}
	const result = VocabularyFileSchema.safeParse(raw);
	if (!result.success) throw new Error(`${file} is not a valid vocabulary file:\n${formatIssues(result.error)}`);
	return result.data;
}
