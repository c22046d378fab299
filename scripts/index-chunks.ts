/**
 * The build's last step, after Pagefind (`npm run build`): writes the size of
 * every index chunk with its word range (`search/index-chunks.json`, see
 * src/client/search-chunks.ts), so a quote asks Pagefind for the words that
 * cost least to download. Options: --site DIR (dist).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { INDEX_CHUNKS_PATH } from '../src/client/search-chunks.ts';
import { readCommandLine } from './lib/cli.ts';
import { readIndexChunks } from './lib/pagefind-index.ts';

const { site } = readCommandLine({ values: { site: 'dist' } });
const index = readIndexChunks(path.join(site, 'pagefind'));
const file = path.join(site, INDEX_CHUNKS_PATH);
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, JSON.stringify(index));
const total = index.chunks.reduce((sum, [, , bytes]) => sum + bytes, 0);
console.log(`${file}: ${index.chunks.length} index chunks, ${(total / 1e6).toFixed(1)} MB; a page's data ${(index.pageBytes / 1e3).toFixed(0)} KB at the median`);
