import { describe, expect, test } from 'vitest';
import { META_WEIGHTS, names, nameKey, TOPIC_FIELDS, topicFirst, topicLine, topicOf, withBestTopic, withoutTopicPages } from '../../src/client/search-topics.ts';
import { testReturns } from './helpers/table.ts';

// Result data of two topic pages and an episode as Pagefind returns it from the built seed (fragments of
// /topics/together-ai/, /topics/axolotl/ and the start of an episode's).
const TOGETHER = {
	url: '/topics/together-ai/',
	content: 'Together AI.',
	filters: { page: ['topic'], topic_episodes: ['5'], topic_kind: ['Company'] },
	meta: { aliases: 'Together', title: 'Together AI' },
};
const AXOLOTL = { url: '/topics/axolotl/', content: 'Axolotl.', filters: { page: ['topic'], topic_episodes: ['1'], topic_kind: ['Product or project'] }, meta: { title: 'Axolotl' } };
const EPISODE = { url: '/episodes/the-busy-persons-intro-to-finetuning-and-open-source-ai-wing/', filters: { year: ['2023'], show: ['Latent Space: The AI Engineer Podcast'] }, meta: { title: 'The Busy Person’s Intro to Finetuning & Open Source AI', date: '14 December 2023' } };

describe('topicOf', () => {
	test('reads a topic page’s kind, episode count and other names from its filters and meta', () => {
		expect(topicOf(TOGETHER)).toEqual({ kind: 'Company', episodes: 5, aliases: ['Together'] });
		expect(topicOf(AXOLOTL)).toEqual({ kind: 'Product or project', episodes: 1, aliases: [] });
	});

	test('is undefined for an episode page', () => {
		expect(topicOf(EPISODE)).toBeUndefined();
	});
});

test('a topic result reads as a topic, its kind and how many episodes', () => {
	expect(topicLine(topicOf(TOGETHER)!)).toBe('Topic · Company · 5 episodes');
	expect(topicLine(topicOf(AXOLOTL)!)).toBe('Topic · Product or project · 1 episode');
});

testReturns('nameKey(%j) is %j', nameKey, [
	['GPT-4', 'gpt 4'],
	['  Weights & Biases ', 'weights biases'],
	['Hugo Laurençon', 'hugo laurencon'],
	['Repl.it', 'repl it'],
]);

describe('which topic a query names', () => {
	const together = { title: 'Together AI', topic: topicOf(TOGETHER)! };
	const episode = { title: 'Together we build' };

	test('its name or an alias, in any case and punctuation', () => {
		expect(names(together, 'together ai')).toBe(true);
		expect(names(together, 'Together')).toBe(true);
		expect(names(together, 'Together-AI')).toBe(true);
	});

	test('not a word of its name, not an episode, not an empty query', () => {
		expect(names(together, 'AI')).toBe(false);
		expect(names(episode, 'Together we build')).toBe(false);
		expect(names(together, ' ')).toBe(false);
	});

	test('topicFirst moves the named topic first and keeps the rest in order', () => {
		const a = { title: 'Episode A' };
		const b = { title: 'Episode B' };
		expect(topicFirst([a, b, together], 'Together')).toEqual([together, a, b]);
		// A topic the query does not name stays where the page order put it.
		expect(topicFirst([a, together, b], 'Together computing')).toEqual([a, together, b]);
	});
});

test('withBestTopic puts the topic hit first, once', () => {
	const hits = [{ id: 'e1' }, { id: 't1' }, { id: 'e2' }];
	expect(withBestTopic(hits, { id: 't1' })).toEqual([{ id: 't1' }, { id: 'e1' }, { id: 'e2' }]);
	expect(withBestTopic(hits, { id: 't9' })).toEqual([{ id: 't9' }, ...hits]);
	expect(withBestTopic(hits, undefined)).toEqual(hits);
});

test('the word search leaves topic pages out and keeps the reader’s filters', () => {
	expect(withoutTopicPages({ year: '2024' })).toEqual({ year: '2024', not: { [TOPIC_FIELDS.page]: 'topic' } });
});

test('an alias weighs like a title', () => {
	expect(META_WEIGHTS[TOPIC_FIELDS.aliases]).toBe(META_WEIGHTS.title);
});
