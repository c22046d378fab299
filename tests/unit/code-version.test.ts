/**
 * The ingest's code version covers exactly what the ingest runs: its import
 * closure reaches the parser, the schemas and the shared helpers, and never
 * the site's data access or browser code (a change there must keep the
 * incremental cache).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeVersion, importClosure, INGEST_ENTRY } from '../../scripts/lib/code-version.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('importClosure of the ingest', () => {
	const closure = importClosure(root, INGEST_ENTRY);

	it('reaches the parser, the schemas and the shared helpers', () => {
		expect(closure).toContain('src/ingest/glue.ts');
		expect(closure).toContain('src/ingest/feed.ts');
		expect(closure).toContain('src/schemas/episode.ts');
		expect(closure).toContain('src/shared/slug.ts');
		expect(closure).toContain('src/shared/page-ids.ts');
	});

	it('stays inside the layers the ingest may use', () => {
		const outside = closure.filter((file) => !/^src\/(?:ingest|schemas|shared)\//.test(file));
		expect(outside).toEqual([]);
	});
});

describe('codeVersion', () => {
	/** A copy of the modules that matter, so a file can be changed without touching the tree. */
	function copyTree(): string {
		const dir = mkdtempSync(path.join(tmpdir(), 'code-version-'));
		for (const sub of ['src/ingest', 'src/schemas', 'src/shared', 'src/lib', 'src/client']) cpSync(path.join(root, sub), path.join(dir, sub), { recursive: true });
		return dir;
	}

	it('changes with an ingest module and stays with a browser module', () => {
		const dir = copyTree();
		const before = codeVersion(dir);
		const client = path.join(dir, 'src/client/search-ui.ts');
		writeFileSync(client, `${readFileSync(client, 'utf8')}\n// changed\n`);
		expect(codeVersion(dir)).toBe(before);
		const shared = path.join(dir, 'src/shared/time.ts');
		writeFileSync(shared, `${readFileSync(shared, 'utf8')}\n// changed\n`);
		expect(codeVersion(dir)).not.toBe(before);
	});
});
