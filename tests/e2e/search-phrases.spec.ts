/**
 * Distinctive phrases from across the archive, each searched in the browser
 * through Pagefind's JavaScript API as the site's search module calls it: the
 * episode that holds the phrase must be the first result, and where the
 * phrase is in a transcript (or is a chapter title) a sub-result the search
 * shows must land inside that chapter. Which episode, which place and which
 * chapter come from the generated entries (search-corpus.ts), never from a
 * list kept beside the phrases.
 */
import { expect, test } from '@playwright/test';
import { nameKey } from '../../src/client/search-topics.ts';
import { occurrences, type Place } from './search-corpus.ts';
import { hashOf, siteSearch, slugOf } from './search-helpers.ts';

/** Curly quotes, em dashes, an emoji, diacritics, digits and hyphens included on purpose. */
const PHRASES = [
	'Brain Credit Marketplace',
	'behaviorally clone everything humans already know',
	'Return to Monkey',
	'Blink-182',
	'I’m sorry Dave, I’m afraid I can’t do that',
	'Singing🎶 of course',
	'ambitious goal” — ACT-1 Blogpost',
	'Switzerland of frameworks',
	'Smell Recognition Technology',
	'Goodhart Strikes Again',
	'warts and all',
	'Self Provisioning Runtimes',
	'never owned a TV',
	'Counter Strike players',
	'RedPajama Dataset v1 Announcement',
	"Vipul's Razor",
	'playing house',
	'Gödel, Escher, Bach',
	'low background tokens',
	'Laundry Buddy',
	'Fierce Nerds',
	'Emergence Mirage',
	'Tree of Thought Poster Session',
	'Perfect Free Hand',
	'MJHQ-30K',
	'Normsky',
	'Kythe',
	'Open Access AI Collective',
	'StackLlama',
	'Bayesian Statistics The Fun Way',
	'walk every street',
	'Charles Dickens',
	'shoggoth mask factory',
	'von Neumann-Morgenstern',
	'Klaus Breyer',
	'Auphonic',
	'halcyon open research days',
	'mindnumbing, unglamorous work',
	'Balázs Némethi',
	'excited about the alpha geometry',
	'swarm paper and petal',
	'glomming things on together',
	'fastest inference on earth',
];

test('the phrase set covers every part of an episode, many episodes and awkward characters', () => {
	expect(PHRASES.length).toBeGreaterThanOrEqual(30);
	const places = new Set<Place>(PHRASES.flatMap((phrase) => occurrences(phrase).map((o) => o.place)));
	expect([...places]).toEqual(expect.arrayContaining(['transcript', 'description', 'show notes', 'chapter title'] satisfies Place[]));
	expect(new Set(PHRASES.flatMap((phrase) => occurrences(phrase).map((o) => o.slug))).size).toBeGreaterThanOrEqual(15);
	expect(PHRASES.some((phrase) => /[‘’“”]/.test(phrase))).toBe(true);
	expect(PHRASES.some((phrase) => phrase.includes('—'))).toBe(true);
	expect(PHRASES.some((phrase) => /\p{Extended_Pictographic}/u.test(phrase))).toBe(true);
	// Only transcript: the search must find what was said, not only what was written about it.
	expect(PHRASES.filter((phrase) => occurrences(phrase).every((o) => o.place === 'transcript')).length).toBeGreaterThanOrEqual(4);
});

test('each phrase finds its episode first, and transcript phrases land in their chapter', async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto('');
	// Two results: a phrase that is a topic's name (`StackLlama`) lists that topic first, then the episode.
	const searches = await siteSearch(page, PHRASES.map((q) => ({ q })), 2);
	const failures: string[] = [];
	for (const [i, phrase] of PHRASES.entries()) {
		const found = occurrences(phrase);
		const slugs = new Set(found.map((o) => o.slug));
		const places = [...new Set(found.map((o) => o.place))].join(', ');
		if (slugs.size !== 1) {
			failures.push(`“${phrase}” is in ${slugs.size} episodes; the test needs phrases from exactly one`);
			continue;
		}
		const [slug] = slugs;
		const [lead, next] = searches[i]!.results;
		const topic = lead && /\/topics\/[^/]+\/$/.test(new URL(lead.url, 'https://x.invalid').pathname) ? lead : undefined;
		if (topic && nameKey(topic.title) !== nameKey(phrase)) failures.push(`“${phrase}”: topic ${topic.title} first, whose name is not the phrase`);
		const first = topic ? next : lead;
		if (!first || slugOf(first.url) !== slug) {
			failures.push(`“${phrase}” (${places}): first result ${first?.url ?? 'none'}, expected ${slug}`);
			continue;
		}
		const chapters = found.filter((o) => o.chapterAnchors).map((o) => o.chapterAnchors!);
		if (chapters.length === 0) continue;
		const hashes = first.subResults.map((sub) => hashOf(sub.url));
		if (!hashes.some((hash) => chapters.some((anchors) => anchors.includes(hash)))) {
			failures.push(`“${phrase}” (${places}): sub-results ${hashes.join(' ') || 'none'} miss chapter(s) ${chapters.map((c) => c[0]).join(' ')}`);
		}
	}
	expect(failures).toEqual([]);
});
