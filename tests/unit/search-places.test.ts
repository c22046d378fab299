import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	byPlaceQuality,
	decodeVoices,
	encodeVoices,
	phraseRuns,
	markRanges,
	placeUrl,
	queryTokens,
	rankPlaces,
	sameWord,
	wordTokens,
	type PageData,
} from '../../src/client/search-places.ts';

/**
 * Real Pagefind result data from the built seed site, captured with
 * scripts/capture-search-fixtures.ts: the page's words (those far from any
 * match replaced by `~`, positions unchanged), every matched position, every
 * anchor and the meta, for the query the data was loaded with.
 */
function fixture(name: string): { query: string; data: PageData } {
	return JSON.parse(readFileSync(new URL(`../fixtures/search/${name}.json`, import.meta.url), 'utf8'));
}

describe('places under a result', () => {
	it('puts the turn that holds the exact phrase first, with its speaker, time and chapter, not the first chapter in page order', () => {
		// The example: Pagefind's chapters in page order listed 08:43 first; the phrase was said at 36:13.
		const { query, data } = fixture('quote');
		const places = rankPlaces(data, query);
		expect(places[0]).toMatchObject({ kind: 'phrase', anchor: 't-36-13', speaker: 'Alessio Fanelli', time: '36:13', title: 'Anyscale benchmarking drama' });
		expect(places[0]!.excerpt.replace(/<\/?mark>/g, '')).toContain('why did you decide to just come out and say it?');
		expect(places[0]!.excerpt).toContain('<mark>just</mark> <mark>come</mark> <mark>out</mark>');
		expect(places.slice(1).every((place) => place.kind !== 'phrase')).toBe(true);
		expect(places.map((place) => place.anchor)).toHaveLength(3);
		expect(placeUrl(data.url, places[0])).toBe('/episodes/cloud-intelligence-at-the-speed-of-5000-tok-s-with-ce-zhang/#t-36-13');
	});

	it('puts the turn holding all the rare words of a topic first', () => {
		const { query, data } = fixture('topic');
		const [first, ...rest] = rankPlaces(data, query);
		expect(first).toMatchObject({ anchor: 't-55-25', terms: 3, speaker: 'Shawn “swyx” Wang', time: '55:25', title: 'The SourceGraph internal stack' });
		expect(rest.every((place) => place.terms < 3)).toBe(true);
	});

	it('lands at the top of the page when the title holds the phrase and no turn does better', () => {
		const { query, data } = fixture('title');
		const [first, second] = rankPlaces(data, query);
		expect(first).toMatchObject({ kind: 'phrase', anchor: undefined, speaker: undefined, time: undefined });
		expect(placeUrl(`${data.url}#x`, first)).toBe(data.url);
		expect(second!.kind).not.toBe('phrase');
	});

	it('ranks all the words close together above the same words scattered, and turns above the description', () => {
		const words = 'Title here Description text brain credit x x x x x x x x x x x x x x marketplace x brain x credit x marketplace. x the brain credit marketplace';
		const data: PageData = {
			url: '/episodes/x/',
			content: words,
			locations: [4, 5, 20, 22, 24, 26, 29, 30, 31],
			anchors: [
				{ element: 'header', id: 'page-top', location: 0, text: '' },
				{ element: 'section', id: 'description', location: 2, text: '' },
				{ element: 'h3', id: 'ch-one', location: 21, text: 'One' },
				{ element: 'div', id: 't-01-02', location: 22, text: '' },
				{ element: 'div', id: 't-01-30-2', location: 27, text: '' },
			],
			meta: { title: 'Title here', voices: encodeVoices(['Ann', 'Bo']) },
		};
		const places = rankPlaces(data, 'brain credit marketplace', 5);
		expect(places.map((place) => [place.kind, place.anchor, place.title, place.speaker, place.time])).toEqual([
			['phrase', 't-01-30-2', 'One', 'Bo', '01:30'],
			['window', 't-01-02', 'One', 'Ann', '01:02'],
			['scattered', 'description', 'Description', undefined, undefined],
		]);
		expect(places[0]!.excerpt).toBe('x the <mark>brain</mark> <mark>credit</mark> <mark>marketplace</mark>');
	});

	it('finds no place for an empty query', () => {
		expect(rankPlaces(fixture('title').data, ' " ')).toEqual([]);
	});
});

describe('phrases in the page’s words', () => {
	it('splits words into comparable tokens: case, apostrophes and punctuation do not count', () => {
		expect(wordTokens('It’s')).toEqual(['its']);
		expect(wordTokens('state-of-the-art,')).toEqual(['state', 'of', 'the', 'art']);
		expect(wordTokens('—')).toEqual([]);
		expect(queryTokens('“Say it?”  now')).toEqual(['say', 'it', 'now']);
	});

	it('matches stems as Pagefind does, but short words only exactly', () => {
		expect(sameWord('owned', 'owning')).toBe(true);
		expect(sameWord('models', 'model')).toBe(true);
		expect(sameWord('as', 'a')).toBe(false);
		expect(sameWord('together', 'to')).toBe(false);
		expect(sameWord('say', 'sat')).toBe(false);
	});

	it('finds a phrase across punctuation and hyphens, in order only', () => {
		const page = 'We never, ever owned a TV. a TV owned'.split(' ').flatMap((word, index) => wordTokens(word).map((token) => ({ token, word: index })));
		expect(phraseRuns(page, queryTokens('never ever owning a TV'))).toEqual([{ at: 1, end: 5 }]);
		const hyphens = ['state-of-the-art', 'models'].flatMap((word, index) => wordTokens(word).map((token) => ({ token, word: index })));
		expect(phraseRuns(hyphens, queryTokens('the art model'))).toEqual([{ at: 0, end: 1 }]);
	});
});

describe('who speaks in each turn', () => {
	it('writes one punctuation digit per turn and reads the names back', () => {
		const turns = ['Alessio Fanelli', 'Shawn “swyx” Wang', 'Alessio Fanelli', 'Ce Zhang, PhD'];
		const value = encodeVoices(turns);
		expect(value).toBe('Alessio Fanelli | Shawn “swyx” Wang | Ce Zhang PhD ; !#!$');
		expect(decodeVoices(value)).toEqual(['Alessio Fanelli', 'Shawn “swyx” Wang', 'Alessio Fanelli', 'Ce Zhang PhD']);
	});

	it('keeps turns without a speaker (empty names) apart, even when the value is trimmed', () => {
		const value = encodeVoices(['', 'Joseph Nelson', '']);
		expect(value.trim()).toBe(value);
		expect(decodeVoices(value)).toEqual(['', 'Joseph Nelson', '']);
	});

	it('uses two digits per turn when there are more speakers than digits', () => {
		const many = Array.from({ length: 40 }, (_, i) => `Guest ${i}`);
		expect(decodeVoices(encodeVoices([...many, 'Guest 3']))).toEqual([...many, 'Guest 3']);
	});

	it('names every turn of a real page, in page order', () => {
		const { data } = fixture('quote');
		const turns = data.anchors.filter((anchor) => /^t-/.test(anchor.id));
		expect(decodeVoices(data.meta.voices)).toHaveLength(turns.length);
		expect(decodeVoices(undefined)).toEqual([]);
	});
});

describe('a page of results', () => {
	it('puts results with the phrase, then with the words together, before the rest, keeping the order within each', () => {
		const r = (id: string, kind?: 'phrase' | 'window' | 'scattered', terms = 2) => ({ id, quality: kind && { kind, terms } });
		const ordered = byPlaceQuality([r('a', 'scattered'), r('b', 'window'), r('c'), r('d', 'scattered', 3), r('e', 'phrase'), r('f', 'window')]);
		expect(ordered.map((x) => x.id)).toEqual(['e', 'b', 'f', 'd', 'a', 'c']);
	});
});

describe('marks in the turn a reader lands on', () => {
	const marked = (text: string, query: string) => markRanges(text, query).map(([start, end]) => text.slice(start, end));

	it('marks the phrase as one, across punctuation, and the longer query words elsewhere, not every "and"', () => {
		const text = 'So why did you decide to just come out, and say it? And just say it again.';
		expect(marked(text, 'to just come out and say it')).toEqual(['to just come out, and say it?', 'just']);
	});

	it('marks a short single word wherever it stands, with its stems', () => {
		expect(marked('The GPU poor, GPUs and gpu.', 'GPU')).toEqual(['GPU', 'GPUs', 'gpu.']);
	});
});

describe('phrases on a whole page', () => {
	it('takes a phrase said in one turn over the same words running on into the next turn', () => {
		const data: PageData = {
			url: '/e/',
			content: 'I can’t find a soul. Oh, help me. Baby. I can’t find a soul. Oh, help me.',
			locations: [],
			anchors: [
				{ element: 'div', id: 't-38-44', location: 0, text: '' },
				{ element: 'div', id: 't-38-49', location: 6, text: '' },
				{ element: 'div', id: 't-39-59', location: 9, text: '' },
			],
			meta: {},
		};
		expect(rankPlaces(data, 'can’t find a soul. Oh, help me')[0]).toMatchObject({ kind: 'phrase', anchor: 't-39-59' });
	});

	it('finds a phrase that starts with an apostrophe word, as the reader types it without one', () => {
		const data: PageData = { url: '/e/', content: 'x x It’s a state-of-the-art model x', locations: [], anchors: [], meta: {} };
		expect(rankPlaces(data, 'its a state of the art').map((place) => [place.kind, place.at, place.end])).toEqual([['phrase', 2, 4]]);
	});
});
