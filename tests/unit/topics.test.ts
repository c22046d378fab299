/**
 * Topics: each rule on real excerpts of the seed (show-notes items, titles,
 * chapter titles, transcript lines), the corrections, related episodes, and
 * the precision of the whole on the seed itself: every mention is a real
 * occurrence in its turn, no topic name is a sentence or longer than 8 words,
 * every show-notes item is a topic or reported with a reason.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ingestSources } from '../../src/ingest/sources.ts';
import {
	MAX_NAME_WORDS,
	TopicMatcher,
	applyTopicOverrides,
	companiesInTitle,
	computeTopics,
	excerptAround,
	isProfileLink,
	labelKey,
	leadingName,
	markPeopleHeard,
	namesInChapter,
	ordinaryWords,
	readNoteItem,
	recurringLabels,
	relatedEpisodes,
	speakerOfTalk,
	showNotesOfMdx,
	topicSource,
	type TopicSourceEpisode,
} from '../../src/ingest/topics.ts';
import { latestItems, yearRuns } from '../../src/lib/archive.ts';
import { topicIdsOfNote } from '../../src/lib/rehype-topic-links.ts';
import type { TopicEpisodeView } from '../../src/lib/topic-views.ts';
import type { EpisodeSummary } from '../../src/schemas/entry.ts';
import { topicsMarkdown } from '../../src/lib/topics-file.ts';
import { NO_TOPIC_OVERRIDES, OverridesSchema } from '../../src/schemas/overrides.ts';
import { SiteConfigSchema } from '../../src/schemas/site.ts';
import { testReturns } from './helpers/table.ts';

const names = (item: string, href?: string) => {
	const reading = readNoteItem({ text: item, ...(href ? { href } : {}) });
	return 'topics' in reading ? reading.topics.map((t) => `${t.name} (${t.kind})`) : reading.reason;
};

describe('readNoteItem', () => {
	test('drops the medium after the name', () => {
		expect(names('Axolotl GitHub and Discord', 'https://github.com/OpenAccess-AI-Collective/axolotl')).toEqual(['Axolotl (product)']);
		expect(names('The Flan paper and dataset')).toEqual(['Flan (paper)']);
		expect(names('StackLlama model and blogpost')).toEqual(['StackLlama (product)']);
	});
	test('keeps a name with joining words whole', () => {
		expect(names('State of AI Report')).toEqual(['State of AI Report (product)']);
	});
	test('cuts a description after the name and reads the people after the dash', () => {
		expect(names('Mamba state space models - Tri Dao and Albert Gu')).toEqual(['Mamba (product)', 'Tri Dao (person)', 'Albert Gu (person)']);
	});
	test('a paper is a paper by its link', () => {
		expect(names('Multipack paper', 'https://arxiv.org/abs/2107.02027')).toEqual(['Multipack (paper)']);
		expect(names('Deduplicating Training Data Makes Language Models Better', 'https://arxiv.org/abs/2107.06499')).toEqual(['Deduplicating Training Data Makes Language Models Better (paper)']);
	});
	test('a person of a company is both', () => {
		expect(names('Alex Atallah of OpenRouter')).toEqual(['Alex Atallah (person)', 'OpenRouter (company)']);
	});
	test('a short name in brackets is an alias', () => {
		const reading = readNoteItem({ text: 'Command Line Interface Guidelines (clig)' });
		expect(reading).toEqual({ topics: [{ name: 'Command Line Interface Guidelines', kind: 'product', aliases: ['clig'] }] });
	});
	testReturns('%s is no topic', names, [
		['Our episode with Tri Dao', 'a sentence, not a name (starts with “Our”)'],
		['Audio:', 'a label for the items under it'],
		['https://haveibeentrained.com/', 'a bare link, not a name'],
		['Model architecture refers to the layers and structure of a ML model', 'a sentence, not a name (only “Model” is a name)'],
		['Putting Foundation Models into Production', 'a sentence, not a name (starts with “Putting”)'],
		['Chris Lattner on Latent Space', 'a reference to an episode, not a topic'],
		['Karpathy’s Build Conference Presentation', 'someone’s something: names whose it is, not what'],
		['$350M Series B', 'a number, amount or date, not a name'],
	]);
	test('a single ordinary word is no name, unless the item links to its own site', () => {
		const ordinary = (word: string) => word === 'replicate';
		expect(readNoteItem({ text: 'Replicate' }, ordinary)).toEqual({ reason: 'an ordinary word (said in lower case in the transcripts), not a name' });
		expect(readNoteItem({ text: 'Replicate', href: 'https://replicate.com/' }, ordinary)).toEqual({ topics: [{ name: 'Replicate', kind: 'product', aliases: [] }] });
	});
});

describe('a person is named by a profile, not by a post', () => {
	test('a tweet is no profile', () => {
		expect(isProfileLink('https://twitter.com/karpathy/status/1697318534555336961')).toBe(false);
		expect(isProfileLink('https://twitter.com/karpathy')).toBe(true);
		expect(isProfileLink('https://www.linkedin.com/in/someone/')).toBe(true);
	});
	test('an idea linked to a tweet is not a person', () => {
		expect(names('Speculative Execution', 'https://twitter.com/karpathy/status/1697318534555336961')).toEqual(['Speculative Execution (product)']);
		expect(names('Grouped Query Attention', 'https://twitter.com/swyx/status/1681360629335220224')).toEqual(['Grouped Query Attention (product)']);
	});
	test('a topic named as someone heard in the archive is that person', () => {
		const found = new Map([['soumith-chintala', { topic: { id: 'soumith-chintala', name: 'Soumith Chintala', aliases: [], kind: 'product' as const } }]]);
		markPeopleHeard(found, new Set(['Soumith Chintala', 'swyx']));
		expect(found.get('soumith-chintala')!.topic.kind).toBe('person');
	});
});

describe('the questions every guest gets (lightning round)', () => {
	// Show notes of two seed episodes, as the rules read them.
	const episodes = [
		{ slug: 'a', showNotes: [{ text: 'Favorite AI Product: Stable Diffusion', href: 'https://stability.ai/blog/stable-diffusion-public-release' }, { text: 'One year prediction: Personalized AI,' }] },
		{ slug: 'b', showNotes: [{ text: 'Favorite AI Product: Stability Dreamstudio', href: 'https://dreamstudio.com/ai/' }, { text: 'One year prediction: Things will move fast!' }, { text: 'Paper: Textbooks are all you need', href: 'https://arxiv.org/abs/2306.11644' }] },
	];
	const labels = recurringLabels(episodes);
	const isLabel = (head: string) => labels.has(labelKey(head));

	test('a label heading items of two or more episodes is a question', () => {
		expect([...labels].sort()).toEqual(['favorite ai product', 'one year prediction']);
	});
	test('the item is about its answer, not the label, and the answer is no person', () => {
		expect(readNoteItem(episodes[0]!.showNotes[0]!, () => false, isLabel)).toEqual({ topics: [{ name: 'Stable Diffusion', kind: 'product', aliases: [] }] });
		// Read whole, as before the rule: the label became a topic and the answer a person.
		expect(names('Favorite AI Product: Stable Diffusion')).toEqual(['Favorite AI Product (product)', 'Stable Diffusion (person)']);
	});
	test('an answer without a link is an opinion', () => {
		expect(readNoteItem(episodes[0]!.showNotes[1]!, () => false, isLabel)).toEqual({ reason: 'a recurring question’s answer without a link: an opinion, not a name' });
	});
});

describe('speakerOfTalk', () => {
	test('a talk’s speaker and organisations', () => {
		expect(speakerOfTalk('Jim Fan (Nvidia) - High Level Takeaways')).toEqual({ person: 'Jim Fan', organisations: ['Nvidia'] });
		expect(speakerOfTalk('Alex Volkov (Weights & Biases, ThursdAI) - "Keeping AI Open"')).toEqual({ person: 'Alex Volkov', organisations: ['Weights & Biases', 'ThursdAI'] });
	});
	test.each(['Emergence Mirage (Rylan Schaeffer)', 'State Space Models (Chris Ré)', 'Ask Roboflow (2019)', 'Introducing Shreya (poorly)'])('%s is no talk', (title) => {
		expect(speakerOfTalk(title)).toBeUndefined();
	});
});

describe('leadingName', () => {
	test('takes the name-like words a phrase starts with', () => {
		expect(leadingName('Mamba state space')).toBe('Mamba');
		expect(leadingName('Phi-1 by Microsoft')).toBe('Phi-1');
		expect(leadingName('tldraw')).toBe('tldraw');
	});
});

describe('companiesInTitle', () => {
	test.each([
		['The Accidental AI Canvas - with Steve Ruiz of tldraw', ['tldraw']],
		['Debugging the Internet with AI agents – with Itamar Friedman of Codium AI and AutoGPT', ['Codium AI', 'AutoGPT']],
		['LLMs Everywhere: Running 70B models in browsers and iPhones using MLC — with Tianqi Chen of CMU / OctoML', ['CMU', 'OctoML']],
		['Commoditizing the Petaflop — with George Hotz of the tiny corp', ['tiny corp']],
		['NeurIPS 2023 Recap — Best Papers', []],
	])('%s', (title, expected) => {
		expect(companiesInTitle(title)).toEqual(expected);
	});
});

describe('namesInChapter', () => {
	test('the thing a chapter asks about or introduces', () => {
		expect(namesInChapter('What is Axolotl?')).toEqual([{ name: 'Axolotl', kind: 'product', aliases: [] }]);
		expect(namesInChapter('Overview of TVM and how it works with ONNX')).toEqual([{ name: 'TVM', kind: 'product', aliases: [] }]);
	});
	test('a person and the organisation in brackets', () => {
		expect(namesInChapter('Jim Fan (Nvidia) - High Level Takeaways')).toEqual([
			{ name: 'Jim Fan', kind: 'person', aliases: [] },
			{ name: 'Nvidia', kind: 'company', aliases: [] },
		]);
	});
	test('a chapter that names nothing gives nothing', () => {
		expect(namesInChapter('Introductions')).toEqual([]);
	});
});

describe('TopicMatcher', () => {
	const ordinary = ordinaryWords(['We did it together, all together now.', 'Together we stand.']);
	const matcher = new TopicMatcher(
		new Map([
			['together-ai', ['Together AI', 'Together']],
			['openai', ['OpenAI']],
		]),
		ordinary,
	);
	test('is case-aware: the company, not the adverb', () => {
		const text = 'Together, we went to Together AI. We then worked with Together on it, together.';
		expect(matcher.find(text).map((hit) => [hit.id, hit.said, hit.index])).toEqual([
			['together-ai', 'Together AI', 21],
			['together-ai', 'Together', 54],
		]);
	});
	test('reads a possessive as the name', () => {
		expect(matcher.find('OpenAI’s models').map((hit) => hit.said)).toEqual(['OpenAI']);
	});
	test('does not match inside a longer word', () => {
		expect(matcher.find('OpenAIish and NotOpenAI')).toEqual([]);
	});
});

describe('ordinaryWords', () => {
	test('a word said more often in lower case than capitalised mid-sentence is ordinary', () => {
		const words = ordinaryWords(['We use Mamba. I like Mamba a lot, and mamba too.', 'Let us work together. Together we can.']);
		expect(words.has('together')).toBe(true);
		expect(words.has('mamba')).toBe(false);
	});
});

test('excerptAround keeps the name and cuts at words', () => {
	const text = 'Yeah, I mean, so I was at the Nous Research meetup and we met Wing there, and then we talked for a long time about Axolotl and all the finetuning work they do in the open.';
	const excerpt = excerptAround(text, text.indexOf('Axolotl'), 'Axolotl'.length);
	expect(excerpt).toContain('Axolotl');
	expect(excerpt.startsWith('… ')).toBe(true);
	expect(text).toContain(excerpt.replace(/^… /, '').replace(/ …$/, ''));
});

test('showNotesOfMdx reads the items under the show-notes heading only, with their links', () => {
	const mdx = [
		'- Ownership \\& Control - you take responsibility for serving the models',
		'<h2 id="show-notes">Show notes</h2>',
		'- [Axolotl GitHub and Discord](https://github.com/OpenAccess-AI-Collective/axolotl)',
		'  - Mamba state space models - [Tri Dao](https://twitter.com/tri_dao) and [Albert Gu](https://twitter.com/_albertgu)',
		'<h2 id="timestamps">Timestamps</h2>',
		'- not a note',
	].join('\n');
	expect(showNotesOfMdx(mdx, 'Show notes')).toEqual([
		{ text: 'Axolotl GitHub and Discord', href: 'https://github.com/OpenAccess-AI-Collective/axolotl' },
		{ text: 'Mamba state space models - Tri Dao and Albert Gu', href: 'https://twitter.com/tri_dao' },
	]);
});

test('topicIdsOfNote links a show-notes item to the episode’s topics it names, and a sentence to none', () => {
	const topics = new Set(['axolotl', 'mamba', 'tri-dao']);
	expect(topicIdsOfNote({ text: 'Axolotl GitHub and Discord' }, topics)).toEqual(['axolotl']);
	expect(topicIdsOfNote({ text: 'Mamba state space models - Tri Dao and Albert Gu' }, topics)).toEqual(['mamba', 'tri-dao']);
	expect(topicIdsOfNote({ text: 'Our episode with Tri Dao' }, topics)).toEqual([]);
});

describe('corrections', () => {
	const sample = (): TopicSourceEpisode[] => [
		{ slug: 'a', title: 'A — with Ce Zhang of Together AI', published: '2024-01-01', guests: [], people: [], showNotes: [{ text: 'Together.ai' }, { text: 'Tri Dao and Albert Gu' }], chapters: [], turns: [{ id: 't-00-01', start: 1, text: 'We use Together.ai and RedPajama.' }] },
	];
	test('merge, split, rename, kind, alias, add and drop apply without code, and a stale one is reported', () => {
		const overrides = OverridesSchema.parse({
			topics: {
				merge: { 'together-ai-2': 'together-ai', 'nothing-here': 'together-ai' },
				rename: { 'together-ai': 'Together AI (company)' },
				kind: { 'tri-dao': 'person' },
				split: { 'tri-dao-and-albert-gu': ['Tri Dao', 'Albert Gu'] },
				aliases: { 'together-ai': ['Together.ai'] },
				add: [{ name: 'RedPajama', kind: 'product' }],
			},
		}).topics;
		const result = computeTopics(sample(), overrides);
		const byId = new Map(result.topics.map((t) => [t.id, t]));
		expect(byId.get('together-ai')).toMatchObject({ name: 'Together AI (company)', aliases: ['Together AI', 'Together.ai'], kind: 'company' });
		expect(byId.get('together-ai')!.episodes[0]!.mentions[0]).toMatchObject({ turn: 't-00-01', said: 'Together.ai' });
		expect([...byId.keys()]).toEqual(expect.arrayContaining(['tri-dao', 'albert-gu', 'redpajama']));
		expect(byId.has('tri-dao-and-albert-gu')).toBe(false);
		expect(byId.get('tri-dao')!.kind).toBe('person');
		expect(byId.get('redpajama')!.episodes.map((e) => e.slug)).toEqual(['a']);
		expect(result.problems).toEqual(['topics.merge: no topic “together-ai-2”', 'topics.merge: no topic “nothing-here”']);
	});
	test('drop removes a topic', () => {
		const result = computeTopics(sample(), { ...NO_TOPIC_OVERRIDES, drop: ['together-ai'] });
		expect(result.topics.some((t) => t.id === 'together-ai')).toBe(false);
	});
	test('applyTopicOverrides reports a rename of an unknown topic', () => {
		expect(applyTopicOverrides(new Map(), { ...NO_TOPIC_OVERRIDES, rename: { x: 'X' } })).toEqual(['topics.rename: no topic “x”']);
	});
});

describe('relatedEpisodes', () => {
	const episode = (slug: string, published: string): TopicSourceEpisode => ({ slug, title: slug, published, guests: [], people: [], showNotes: [], chapters: [], turns: [] });
	const topic = (id: string, slugs: string[]) => ({ id, name: id.toUpperCase(), aliases: [], kind: 'concept' as const, related: [], episodes: slugs.map((slug) => ({ slug, origins: [], turns: 1, mentions: [] })) });
	const episodes = ['a', 'b', 'c', 'd', 'e', 'f'].map((slug, i) => episode(slug, `2024-01-0${i + 1}`));
	test('a rare shared topic counts more than a common one, never the episode itself, with a reason', () => {
		const related = relatedEpisodes(episodes, [topic('rare', ['a', 'b']), topic('common', ['a', 'c', 'd'])]);
		expect(related.a![0]).toEqual({ slug: 'b', reason: 'also about RARE' });
		expect(related.a!.map((r) => r.slug)).toEqual(['b', 'c', 'd']);
		for (const [slug, list] of Object.entries(related)) {
			expect(list.map((r) => r.slug)).not.toContain(slug);
			expect(list.length).toBeGreaterThanOrEqual(3);
		}
	});
});

describe('on the seed (dump and feed, as the ingest builds them)', () => {
	const site = SiteConfigSchema.parse(JSON.parse(readFileSync('content/site.json', 'utf8')));
	const sources = [
		{ file: 'latent-space-podcast.xml', text: readFileSync('content/sources/latent-space-podcast.xml', 'utf8') },
		{ file: 'latent-space.txt', text: readFileSync('content/sources/latent-space.txt', 'utf8') },
	];
	const { entries } = ingestSources(sources, { hosts: site.hosts });
	const episodes = entries.map((entry) => topicSource(JSON.parse(entry.content!.data), entry.content!.prose));
	const overrides = OverridesSchema.parse(JSON.parse(readFileSync('content/overrides.json', 'utf8'))).topics;
	const result = computeTopics(episodes, overrides);
	const turns = new Map(episodes.flatMap((e) => e.turns.map((t) => [`${e.slug}#${t.id}`, t.text] as const)));

	test('every mention is a real occurrence of the topic in that turn', () => {
		let count = 0;
		for (const topic of result.topics) {
			const spellings = [topic.name, ...topic.aliases];
			for (const episode of topic.episodes) {
				for (const mention of episode.mentions) {
					const text = turns.get(`${episode.slug}#${mention.turn}`);
					expect(text, `${topic.id} in ${episode.slug}#${mention.turn}`).toBeDefined();
					expect(spellings, `${mention.said} in ${mention.turn}`).toContain(mention.said);
					const escaped = mention.said.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
					expect(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text!), `${mention.said} in ${mention.turn}`).toBe(true);
					expect(text).toContain(mention.excerpt.replace(/^… /, '').replace(/ …$/, ''));
					expect(mention.excerpt).toContain(mention.said);
					count++;
				}
			}
		}
		expect(count).toBeGreaterThan(500);
	});

	test('no topic name is a sentence fragment or longer than 8 words', () => {
		for (const topic of result.topics) {
			const words = topic.name.split(/\s+/);
			expect(words.length, topic.name).toBeLessThanOrEqual(MAX_NAME_WORDS);
			expect(topic.name, 'ends on a joining word').not.toMatch(/\s(?:of|and|the|for|to|in|on|with|a|an)$/i);
			expect(topic.name, 'sentence punctuation').not.toMatch(/[.!?:;,]$|[!?]/);
			expect(topic.name, 'starts like a sentence').not.toMatch(/^(?:our|we|you|i|it|this|how|why|what|check|see)\b/i);
		}
	});

	test('at least 90 % of show-notes items became a topic or are reported with a reason (and most are topics)', () => {
		const { items, named, rejected } = result.report;
		expect(items).toBeGreaterThan(400);
		expect((named + rejected.filter((r) => r.reason.length > 0).length) / items).toBeGreaterThanOrEqual(0.9);
		expect(named / items).toBeGreaterThan(0.5);
	});

	test('the topics the issue names are found', () => {
		const ids = new Set(result.topics.map((t) => t.id));
		for (const id of ['axolotl', 'state-of-ai-report', 'mamba', 'tri-dao', 'albert-gu', 'tldraw']) expect(ids, id).toContain(id);
	});

	test('every episode has 3 to 5 related episodes, never itself', () => {
		expect(Object.keys(result.related).length).toBe(episodes.length);
		for (const [slug, related] of Object.entries(result.related)) {
			expect(related.length).toBeGreaterThanOrEqual(3);
			expect(related.length).toBeLessThanOrEqual(5);
			expect(related.map((r) => r.slug)).not.toContain(slug);
			expect(new Set(related.map((r) => r.slug)).size).toBe(related.length);
		}
	});

	test('is deterministic, and docs/topics.md is the seed’s list as built', () => {
		expect(computeTopics(episodes, overrides)).toEqual(result);
		expect(readFileSync('docs/topics.md', 'utf8')).toBe(topicsMarkdown(result.topics, result.report));
	});
});

describe('a topic’s page stays small as the archive grows', () => {
	// A topic's episodes as its page gets them: newest first.
	const at = (slug: string, published: string): TopicEpisodeView => ({ episode: { slug, published: new Date(published) } as EpisodeSummary, turns: 1, mentions: [] });
	const episodes = [at('c', '2025-02-01T00:00:00Z'), at('b', '2024-09-01T00:00:00Z'), at('a', '2024-01-05T00:00:00Z'), at('old', '2022-06-01T00:00:00Z')];

	test('within the limit, one page lists every episode', () => {
		expect(latestItems(episodes, 4)).toHaveLength(4);
		expect(yearRuns(episodes, 4)).toEqual([]);
	});

	test('past the limit, the page lists the latest episodes and every year gets a page', () => {
		expect(latestItems(episodes, 3).map((e) => e.episode.slug)).toEqual(['c', 'b', 'a']);
		expect(yearRuns(episodes, 3).map((year) => [year.year, year.items.map((e) => e.episode.slug)])).toEqual([
			[2025, ['c']],
			[2024, ['b', 'a']],
			[2022, ['old']],
		]);
	});
});
