import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	FIRST_RESULTS,
	filterValue,
	ALIKE_LOADED,
	firstPageSize,
	HIGHLIGHT_PARAM,
	isTurnId,
	highlightTerms,
	pagefindFilters,
	pagefindSort,
	phraseFirst,
	phraseQuery,
	QUIET_MAX_MS,
	QUIET_MS,
	quietTime,
	readSearchState,
	RESULTS_PER_PAGE,
	searchFacets,
	searchQueryString,
	turnTime,
	withHighlight,
} from '../../src/client/search.ts';

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

describe('turn ids', () => {
	it('reads times from turn ids', () => {
		expect(turnTime('t-02-03')).toBe('02:03');
		expect(turnTime('t-1-02-03')).toBe('1:02:03');
		expect(turnTime('t-02-03-2')).toBe('02:03');
		expect(turnTime('ch-intro')).toBeUndefined();
		expect(isTurnId('t-1-02-03-3')).toBe(true);
		expect(isTurnId('ch-intro')).toBe(false);
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

describe('how many results the first answer loads', () => {
	it.each([
		[1, FIRST_RESULTS],
		[2, FIRST_RESULTS],
		[3, 3],
		[40, RESULTS_PER_PAGE],
	])('%d hits alike: %d', (alike, size) => {
		expect(firstPageSize(alike)).toBe(size);
	});

	it('loads up to ALIKE_LOADED for a quote', () => {
		expect(firstPageSize(9, ALIKE_LOADED)).toBe(9);
		expect(firstPageSize(40, ALIKE_LOADED)).toBe(ALIKE_LOADED);
		expect(firstPageSize(1, ALIKE_LOADED)).toBe(FIRST_RESULTS);
	});
});

describe('how long the field must be still before a search runs', () => {
	it('is the shortest wait for a fast typist, and for the first key', () => {
		expect(quietTime([], 'model')).toBe(QUIET_MS);
		expect(quietTime([Infinity], 'open source')).toBe(QUIET_MS);
		expect(quietTime([40, 60, 50, 45], 'model')).toBe(QUIET_MS);
	});

	it('is twice the median gap between keys for a slower typist', () => {
		expect(quietTime([150, 140, 160, 900], 'mode')).toBe(310);
		expect(quietTime([150, 150, 150], 'mod')).toBe(300);
	});

	it('leaves pauses of a second or more out, and never waits longer than the cap', () => {
		expect(quietTime([150, 5000, 150], 'model')).toBe(300);
		expect(quietTime([400, 450, 500], 'model')).toBe(QUIET_MAX_MS);
	});

	it('is the longest for one character, the start of a word whatever the pace', () => {
		expect(quietTime([Infinity], 'm')).toBe(QUIET_MAX_MS);
		expect(quietTime([40, 40], ' m ')).toBe(QUIET_MAX_MS);
		expect(quietTime([Infinity], 'AI')).toBe(QUIET_MS);
	});
});
