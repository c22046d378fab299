/**
 * Words the ingest knows before it reads a source (`content/vocabulary.json`):
 * brand and product names written with inner capitals. The dump lost the
 * spaces between blocks, so the seam rules (src/ingest/glue.ts) split a word
 * like `GPT-3While` where a new block starts; a word listed here is never
 * split, even where a source writes it only once.
 */
import { z } from 'zod';

/** The whole vocabulary file. Unknown keys are errors, so a typo never goes unnoticed. */
export const VocabularyFileSchema = z.strictObject({
	/** A JSON Schema reference for editors; ignored. */
	$schema: z.string().optional(),
	/**
	 * Words that are one word although they have a capital inside (`HuggingFace`,
	 * `iPhone`, `PhDs`), exactly as written: letters and digits only, as the seam
	 * rules compare the letters and digits around a join.
	 */
	words: z.array(z.string().regex(/^[\p{L}\p{N}]+$/u, 'a word is letters and digits only, as written (`HuggingFace`)')).default([]),
});
export type VocabularyFile = z.infer<typeof VocabularyFileSchema>;

/** No known words: every word counts only as often as a source uses it. */
export const NO_VOCABULARY: VocabularyFile = { words: [] };
