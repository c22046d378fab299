/**
 * The ingest's code version: a fingerprint of the modules the ingest really
 * runs (the import closure of its entry module) and of the locked
 * dependencies. When it changes, every episode is parsed again, so it must
 * cover all the ingest's code and nothing else: a change to the search UI or
 * a page component must not throw the incremental cache away.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The module the ingest shell calls; everything it parses with is imported from here. */
export const INGEST_ENTRY = 'src/ingest/sources.ts';

/** Relative import specifiers (`from './x.ts'`, `import('../y.ts')`, `export … from`), type-only imports included. */
const RELATIVE_IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*(['"])(\.{1,2}\/[^'"]+)\1/g;

/**
 * Every project file `entry` imports, directly or through others, with the
 * entry itself: paths relative to `root`, sorted. Type-only imports count
 * (a changed type can change what the code does once compiled with it).
 */
export function importClosure(root: string, entry: string): string[] {
	const seen = new Set<string>();
	const pending = [path.resolve(root, entry)];
	while (pending.length > 0) {
		const file = pending.pop()!;
		if (seen.has(file)) continue;
		seen.add(file);
		for (const match of readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) {
			const target = path.resolve(path.dirname(file), match[2]!);
			if (!existsSync(target)) throw new Error(`${path.relative(root, file)} imports ${match[2]}, which does not exist`);
			pending.push(target);
		}
	}
	return [...seen].map((file) => path.relative(root, file).split(path.sep).join('/')).sort();
}

/** The fingerprint: each file of the ingest's import closure (name and bytes) and package-lock.json. */
export function codeVersion(root: string): string {
	const hash = createHash('sha256');
	for (const file of importClosure(root, INGEST_ENTRY)) hash.update(`${file}\0`).update(readFileSync(path.join(root, file)));
	const lock = path.join(root, 'package-lock.json');
	if (existsSync(lock)) hash.update(readFileSync(lock));
	return hash.digest('hex');
}
