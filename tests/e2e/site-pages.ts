/** The pages of the build under test, as paths relative to the site's base (`episodes/x/`). */
import { readdirSync } from 'node:fs';
import path from 'node:path';

const dir = process.env.ARCHIVE_OUT_DIR ?? 'dist';

/** Every HTML page of the build (Pagefind's assets aside), sorted. */
export function sitePages(): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.map((file) => file.split(path.sep).join('/'))
		.filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/'))
		.map((file) => file.replace(/(^|\/)index\.html$/, '$1'))
		.sort();
}
