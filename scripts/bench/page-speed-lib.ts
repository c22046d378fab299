/**
 * The page-speed report's pure parts: which built page stands for each page
 * type, the figures kept from a Lighthouse result, their median over runs,
 * and the Markdown section of docs/benchmarks.md. `page-speed.ts` does the
 * serving, the Lighthouse runs and the file I/O.
 */
import { medianOf } from '../../src/shared/stats.ts';

/** A built HTML page: its path in dist/ and its raw size. */
export interface BuiltPage {
	file: string;
	bytes: number;
}

/** A page type and the page measured for it. */
export interface PageChoice {
	type: string;
	/** URL path on the site (`episodes/2024/`). */
	path: string;
}

const urlOf = (file: string) => file.replace(/(^|\/)index\.html$/, '$1');
const bySize = (pages: BuiltPage[]) => [...pages].sort((a, b) => b.bytes - a.bytes || a.file.localeCompare(b.file));

/**
 * One page per type: home, episode index, the latest year, the longest and
 * the median episode page (by HTML size), speaker index, the largest speaker
 * page (the busiest speaker) and speaker year page, search. Types the build
 * lacks are left out.
 */
export function choosePages(pages: readonly BuiltPage[]): PageChoice[] {
	const has = (file: string) => pages.some((page) => page.file === file);
	const years = pages.filter((page) => /^episodes\/\d{4}\/index\.html$/.test(page.file)).sort((a, b) => b.file.localeCompare(a.file));
	const episodes = bySize(pages.filter((page) => /^episodes\/[^/]+\/index\.html$/.test(page.file) && !/^episodes\/\d{4}\//.test(page.file)));
	const speakers = bySize(pages.filter((page) => /^speakers\/[^/]+\/index\.html$/.test(page.file)));
	const speakerYears = bySize(pages.filter((page) => /^speakers\/[^/]+\/\d{4}\/index\.html$/.test(page.file)));
	const topics = bySize(pages.filter((page) => /^topics\/[^/]+\/index\.html$/.test(page.file)));
	const topicYears = bySize(pages.filter((page) => /^topics\/[^/]+\/\d{4}\/index\.html$/.test(page.file)));
	const choices: (PageChoice | undefined)[] = [
		has('index.html') ? { type: 'home', path: '' } : undefined,
		has('episodes/index.html') ? { type: 'episode index', path: 'episodes/' } : undefined,
		years[0] && { type: 'year page (latest)', path: urlOf(years[0].file) },
		episodes[0] && { type: 'longest episode', path: urlOf(episodes[0].file) },
		episodes.length > 1 ? { type: 'median episode', path: urlOf(episodes[Math.floor(episodes.length / 2)]!.file) } : undefined,
		has('speakers/index.html') ? { type: 'speaker index', path: 'speakers/' } : undefined,
		speakers[0] && { type: 'busiest speaker', path: urlOf(speakers[0].file) },
		speakerYears[0] && { type: 'speaker year page', path: urlOf(speakerYears[0].file) },
		has('topics/index.html') ? { type: 'topic index', path: 'topics/' } : undefined,
		topics[0] && { type: 'largest topic page', path: urlOf(topics[0].file) },
		topicYears[0] && { type: 'topic year page', path: urlOf(topicYears[0].file) },
		has('search/index.html') ? { type: 'search', path: 'search/' } : undefined,
	];
	return choices.filter((choice) => choice !== undefined);
}

/** What the report keeps of one Lighthouse run. */
export interface PageFigures {
	/** Category scores, 0–100. */
	performance: number;
	accessibility: number;
	bestPractices: number;
	seo: number;
	/** First contentful paint, ms (simulated mobile). */
	fcp: number;
	/** Largest contentful paint, ms. */
	lcp: number;
	/** Total blocking time, ms. */
	tbt: number;
	/** Elements in the DOM. */
	domSize: number;
	/** Bytes transferred (compressed). */
	bytes: number;
}

interface LighthouseResult {
	categories: Record<string, { score: number | null }>;
	audits: Record<string, { numericValue?: number }>;
}

/** The figures of one Lighthouse JSON result (`--output=json`). */
export function figuresOf(result: LighthouseResult): PageFigures {
	const score = (id: string) => Math.round((result.categories[id]?.score ?? 0) * 100);
	const value = (...ids: string[]) => Math.round(ids.map((id) => result.audits[id]?.numericValue).find((v) => v !== undefined) ?? Number.NaN);
	return {
		performance: score('performance'),
		accessibility: score('accessibility'),
		bestPractices: score('best-practices'),
		seo: score('seo'),
		fcp: value('first-contentful-paint'),
		lcp: value('largest-contentful-paint'),
		tbt: value('total-blocking-time'),
		// Lighthouse 13 reports it as an insight; earlier versions as an audit.
		domSize: value('dom-size-insight', 'dom-size'),
		bytes: value('total-byte-weight'),
	};
}

/** Each figure's median over the runs (figure by figure, as the targets are stated). */
export function medianFigures(runs: readonly PageFigures[]): PageFigures {
	const keys = Object.keys(runs[0]!) as (keyof PageFigures)[];
	return Object.fromEntries(keys.map((key) => [key, Math.round(medianOf(runs.map((run) => run[key])))])) as unknown as PageFigures;
}

/** A page type's result at one archive size. */
export interface PageSpeedRow extends PageChoice {
	runs: number;
	median: PageFigures;
	/** Lowest performance score of the runs. */
	worst: number;
}

/** The measurements of one built site. */
export interface PageSpeedSite {
	/** `20 episodes (seed)`, `2,000 episodes`. */
	label: string;
	date: string;
	rows: PageSpeedRow[];
}

/** The markers around the page-speed section of docs/benchmarks.md. */
export const PAGE_SPEED_START = '<!-- page-speed:start (generated by `npm run bench:pages`; edit outside these markers) -->';
export const PAGE_SPEED_END = '<!-- page-speed:end -->';

/** A figure Lighthouse did not report is stored as null (JSON has no NaN). */
const known = (value: number | null) => value !== null && Number.isFinite(value);
const s = (ms: number) => (known(ms) ? `${(ms / 1000).toFixed(1)} s` : '—');
const count = (n: number) => (known(n) ? n.toLocaleString('en-US') : '—');

/** The Markdown tables of every measured site. */
export function renderPageSpeed(sites: readonly PageSpeedSite[]): string {
	const lines = [PAGE_SPEED_START, ''];
	for (const site of sites) {
		lines.push(`#### ${site.label} (${site.date})`, '');
		lines.push('| page type | page | performance (worst run) | FCP | LCP | TBT | DOM elements | transferred | a11y / BP / SEO |');
		lines.push('|---|---|---|---|---|---|---|---|---|');
		for (const row of site.rows) {
			const m = row.median;
			lines.push(
				`| ${row.type} | \`/${row.path}\` | ${m.performance} (${row.worst}) | ${s(m.fcp)} | ${s(m.lcp)} | ${count(m.tbt)} ms | ${count(m.domSize)} | ${count(Math.round(m.bytes / 1000))} KB | ${m.accessibility} / ${m.bestPractices} / ${m.seo} |`,
			);
		}
		lines.push('', `Median of ${Math.max(0, ...site.rows.map((row) => row.runs))} run(s) per page.`, '');
	}
	lines.push(PAGE_SPEED_END);
	return lines.join('\n');
}

/** Puts the section into the document: in place of the old one, else at the end. */
export function withPageSpeed(document: string, section: string): string {
	const start = document.indexOf(PAGE_SPEED_START);
	const end = document.indexOf(PAGE_SPEED_END);
	if (start >= 0 && end > start) return document.slice(0, start) + section + document.slice(end + PAGE_SPEED_END.length);
	return `${document.trimEnd()}\n\n${section}\n`;
}
