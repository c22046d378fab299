/** `npm run schemas`: writes the JSON Schemas of content/site.json, content/overrides.json and content/vocabulary.json into content/. */
import { writeFile } from 'node:fs/promises';
import { jsonSchemaFiles } from '../src/schemas/json-schemas.ts';

for (const [name, text] of Object.entries(jsonSchemaFiles())) {
	await writeFile(`content/${name}`, text);
	console.log(`wrote content/${name}`);
}
