/** Reads and validates content/site.json, with errors that say which field is wrong. */
import { readFile } from 'node:fs/promises';
import { SiteConfigSchema, type SiteConfig } from '../src/schemas/site.ts';

/** Loads the site configuration; throws a readable error naming the file and each invalid field. */
export async function loadSiteConfig(file: string): Promise<SiteConfig> {
	let raw: unknown;
	try {
		raw = JSON.parse(await readFile(file, 'utf8'));
	} catch (error) {
		throw new Error(`${file}: not readable as JSON: ${(error as Error).message}`);
	}
	const result = SiteConfigSchema.safeParse(raw);
	if (!result.success) {
		const details = result.error.issues.map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`).join('\n');
		throw new Error(`${file} is not a valid site configuration:\n${details}`);
	}
	return result.data;
}
