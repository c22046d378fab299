import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	contentWords,
	deepLink,
	filterValue,
	HIGHLIGHT_PARAM,
	highlightTerms,
	pagefindFilters,
	pagefindSort,
	phraseFirst,
	phraseQuery,
	pickSubResults,
	queryTerms,
	readSearchState,
	searchFacets,
	searchQueryString,
	sectionFit,
	turnTime,
	withHighlight,
} from '../../src/lib/search.ts';

describe('search state in the URL', () => {
	it('reads the query, filters and order, ignoring empty and unknown parameters', () => {
		expect(readSearchState('?q=+scaling+laws+&speaker=Alessio+Fanelli&year=2024&show=&sort=newest&page=2')).toEqual({
			q: 'scaling laws',
			filters: { speaker: 'Alessio Fanelli', year: '2024' },
			sort: 'newest',
		});
		expect(readSearchState('?sort=sideways')).toEqual({ q: '', filters: {}, sort: 'relevance' });
	});

	it('writes a query string that reads back the same, leaving out the default order', () => {
		const state = readSearchState('?q=I’m+sorry+Dave+—+🎶&speaker=Shawn+“swyx”+Wang&sort=oldest');
		expect(readSearchState(searchQueryString(state))).toEqual(state);
		expect(searchQueryString({ q: 'agents', filters: {}, sort: 'relevance' })).toBe('?q=agents');
		expect(searchQueryString({ q: '', filters: {}, sort: 'relevance' })).toBe('');
	});

	it('turns the state into Pagefind filters and sorts', () => {
		expect(pagefindFilters(readSearchState('?q=x&year=2023&speaker=Swyx'))).toEqual({ year: '2023', speaker: 'Swyx' });
		expect(pagefindSort('newest')).toEqual({ date: 'desc' });
		expect(pagefindSort('oldest')).toEqual({ date: 'asc' });
		expect(pagefindSort('relevance')).toBeUndefined();
	});
});

describe('deep links from sub-results', () => {
	const anchors = [
		{ element: 'h3', id: 'ch-intro', location: 10, text: 'Intro' },
		{ element: 'div', id: 't-00-00', location: 11 },
		{ element: 'div', id: 't-01-05', location: 40 },
		{ element: 'h3', id: 'ch-scaling', location: 80, text: 'Scaling' },
		{ element: 'div', id: 't-1-02-03', location: 81 },
		{ element: 'div', id: 't-1-05-00', location: 120 },
	];
	const url = '/episodes/x/?highlight=scaling#ch-scaling';

	it('lands on the turn that holds the first matching word', () => {
		expect(deepLink({ title: 'Scaling', url, locations: [125, 90], anchor: anchors[3] }, anchors)).toEqual({
			title: 'Scaling',
			url: '/episodes/x/?highlight=scaling#t-1-02-03',
			turn: 't-1-02-03',
			time: '1:02:03',
		});
	});

	it('lands where the words stand together when told, not at the first common word', () => {
		expect(deepLink({ title: 'Scaling', url, locations: [82, 125], anchor: anchors[3] }, anchors, 125).turn).toBe('t-1-05-00');
	});

	it('keeps the heading when the words come before any turn of the section', () => {
		expect(deepLink({ title: 'Scaling', url, locations: [80], anchor: anchors[3] }, anchors)).toEqual({ title: 'Scaling', url });
	});

	it('never picks a turn of an earlier section', () => {
		const link = deepLink({ title: 'Scaling', url, locations: [80], anchor: { ...anchors[3]!, location: 79 } }, anchors);
		expect(link.turn).toBeUndefined();
	});

	it('reads times from turn ids', () => {
		expect(turnTime('t-02-03')).toBe('02:03');
		expect(turnTime('t-1-02-03')).toBe('1:02:03');
		expect(turnTime('ch-intro')).toBeUndefined();
	});

	it('shows the sections that hold the query best, in page order, and never the page itself', () => {
		//              0      1        2      3     4      5    6        7      8      9     10
		const words = ['Intro', 'brain', 'x', 'Brain', 'x', 'x', 'Credit', 'x', 'brain', 'credit', 'marketplace.'];
		const sub = (id: string, locations: number[]) => ({ title: id, url: `#${id}`, locations, anchor: { element: 'h3', id, location: locations[0]! } });
		const page = { title: 'Page', url: '/p/', locations: [1] };
		const scattered = sub('scattered', [3, 6]);
		const repeated = sub('repeated', [1, 3]);
		const phrase = sub('phrase', [8, 9, 10]);
		expect(pickSubResults([page, repeated, scattered, phrase], words, 'brain credit marketplace', 2).map((s) => s.title)).toEqual(['scattered', 'phrase']);
		expect(sectionFit([8, 9, 10], words)).toEqual({ terms: 3, span: 2, count: 3, at: 8 });
		expect(sectionFit([3, 6], words)).toEqual({ terms: 2, span: 3, count: 2, at: 3 });
	});

	it('counts a stemmed match as the query word it stands for', () => {
		const words = ['never', 'owning', 'a', 'TV', 'never', 'owned', 'a', 'TV.'];
		expect(sectionFit([0, 1, 3], words, queryTerms('never owned a TV')).terms).toBe(3);
		expect(sectionFit([0, 1, 3, 4, 5, 7], words, queryTerms('never owned a TV'))).toEqual({ terms: 3, span: 2, count: 6, at: 3 });
		expect(sectionFit([0, 4, 5, 7], words, queryTerms('never owned a TV')).at).toBe(4);
	});

	it('splits content into words the way Pagefind counts them', () => {
		expect(contentWords('a  b\nc')).toEqual(['a', 'b', 'c']);
	});
});

describe('phrase first', () => {
	it('asks for the exact phrase only when the query has several words and no quotes', () => {
		expect(phraseQuery('playing house')).toBe('"playing house"');
		expect(phraseQuery(' Kythe ')).toBeUndefined();
		expect(phraseQuery('"playing house"')).toBeUndefined();
		expect(phraseQuery('say "hi" there')).toBe('"say hi there"');
	});

	it('puts pages with the phrase first, in the word order, each page once, as the word search found them', () => {
		const hit = (id: string, source: string) => ({ id, source });
		expect(phraseFirst([hit('d', 'phrase'), hit('b', 'phrase')], [hit('a', 'words'), hit('b', 'words'), hit('c', 'words'), hit('d', 'words')])).toEqual([
			hit('b', 'words'),
			hit('d', 'words'),
			hit('a', 'words'),
			hit('c', 'words'),
		]);
	});
});

describe('highlight on landing', () => {
	it('marks the whole phrase and its longer words, not every "and"', () => {
		expect(highlightTerms('swarm paper and petal')).toEqual(['swarm paper and petal', 'swarm', 'paper', 'petal']);
		expect(highlightTerms(' Kythe ')).toEqual(['Kythe']);
		expect(highlightTerms('"open source"')).toEqual(['open source', 'open', 'source']);
	});

	it('puts the parameters before the anchor', () => {
		expect(withHighlight('/archive/episodes/x/#t-01-02', 'GPU poor')).toBe('/archive/episodes/x/?highlight=GPU%20poor&highlight=poor#t-01-02');
		expect(withHighlight('/episodes/x/', 'Kythe')).toBe('/episodes/x/?highlight=Kythe');
	});
});

describe('filter values', () => {
	it('lists years newest first and names alphabetically, once each, without commas', () => {
		const at = (date: string) => new Date(date);
		const facets = searchFacets([
			{ published: at('2023-05-01'), show: 'Latent Space', speakers: [{ name: 'Swyx' }, { name: 'Alessio Fanelli' }] },
			{ published: at('2024-01-01'), show: 'Latent Space', speakers: [{ name: 'Swyx' }, { name: 'Jane Doe, PhD' }] },
		]);
		expect(facets).toEqual({ years: [2024, 2023], speakers: ['Alessio Fanelli', 'Jane Doe PhD', 'Swyx'], shows: ['Latent Space'] });
		expect(filterValue(' a,  b ')).toBe('a b');
	});

	it('the dialog script looks for the same highlight parameter the search writes', () => {
		const script = readFileSync(new URL('../../src/components/SearchDialog.astro', import.meta.url), 'utf8');
		expect(script).toContain(`.has('${HIGHLIGHT_PARAM}')`);
	});
});
