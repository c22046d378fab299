/**
 * A rehype plugin for the episodes' MDX: each show-notes list item that names
 * a topic gets a link to the topic's page after its text (`Axolotl GitHub and
 * Discord` → “topic: Axolotl”). The item is read by the same rule that made the
 * topic (`readNoteItem`), and only the episode's own topics are linked, from
 * the generated topics file; without that file nothing changes.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readNoteItem, type NoteItem } from '../ingest/topics.ts';
import { TOPICS_FILE, loadTopics } from './topics-file.ts';
import { slugify } from '../shared/slug.ts';

/** The hast nodes this plugin reads and writes. */
interface Node {
	type: string;
	tagName?: string;
	value?: string;
	properties?: Record<string, unknown>;
	children?: Node[];
}

/** The topics a show-notes item names that are topics of its episode, by id, in the item's order. */
export function topicIdsOfNote(item: NoteItem, episodeTopics: ReadonlySet<string>): string[] {
	const reading = readNoteItem(item);
	if ('reason' in reading) return [];
	return [...new Set(reading.topics.map((topic) => slugify(topic.name, 60)))].filter((id) => episodeTopics.has(id));
}

/** Text of a node, without the lists nested in it. */
function textOf(node: Node): string {
	if (node.type === 'text') return node.value ?? '';
	if (node.tagName === 'ul' || node.tagName === 'ol') return '';
	return (node.children ?? []).map(textOf).join('');
}

function firstHref(node: Node): string | undefined {
	if (node.tagName === 'ul' || node.tagName === 'ol') return undefined;
	if (node.tagName === 'a' && typeof node.properties?.href === 'string') return node.properties.href;
	for (const child of node.children ?? []) {
		const href = firstHref(child);
		if (href) return href;
	}
	return undefined;
}

function linkItems(list: Node, topics: ReadonlySet<string>, names: ReadonlyMap<string, string>, base: string): void {
	for (const item of list.children ?? []) {
		if (item.tagName !== 'li') continue;
		const href = firstHref(item);
		const ids = topicIdsOfNote({ text: textOf(item).trim(), ...(href ? { href } : {}) }, topics);
		const nested = (item.children ?? []).filter((child) => child.tagName === 'ul' || child.tagName === 'ol');
		const links: Node[] = ids.flatMap((id) => [
			{ type: 'text', value: ' ' },
			{ type: 'element', tagName: 'a', properties: { className: ['note-topic'], href: `${base}topics/${id}/`, dataPagefindIgnore: '' }, children: [{ type: 'text', value: `topic: ${names.get(id)}` }] },
		]);
		if (links.length > 0) {
			const at = nested.length > 0 ? item.children!.indexOf(nested[0]!) : item.children!.length;
			item.children!.splice(at, 0, ...links);
		}
		for (const child of nested) linkItems(child, topics, names, base);
	}
}

/** The plugin: `rehypeTopicLinks({ base, episodesDir })`; `base` ends with `/`. */
export default function rehypeTopicLinks(options: { base: string; episodesDir: string }) {
	return (tree: Node, file: { path?: string; history?: string[] }) => {
		if (!existsSync(path.join(options.episodesDir, TOPICS_FILE))) return;
		const source = file.path ?? file.history?.[0];
		if (!source || !source.endsWith('.mdx')) return;
		const slug = path.basename(source, '.mdx');
		const data = loadTopics(options.episodesDir);
		const topics = new Set(data.byEpisode[slug] ?? []);
		if (topics.size === 0) return;
		const names = new Map(data.topics.map((topic) => [topic.id, topic.name]));
		let inNotes = false;
		for (const node of tree.children ?? []) {
			if (node.type === 'element' && /^h[1-6]$/.test(node.tagName ?? '')) {
				inNotes = /^show notes$/i.test(textOf(node).trim());
				continue;
			}
			if (inNotes && (node.tagName === 'ul' || node.tagName === 'ol')) linkItems(node, topics, names, options.base);
		}
	};
}
