/** A small, dependency-free SVG line chart: time per build step against the number of episodes, both axes logarithmic. */
import { escapeMarkup } from '../../src/lib/escape.ts';

/** One line of the chart. */
export interface Series {
	label: string;
	color: string;
	points: { x: number; y: number }[];
	/** Dashed, for reference lines. */
	dashed?: boolean;
}

const WIDTH = 760;
const HEIGHT = 420;
const MARGIN = { top: 40, right: 210, bottom: 50, left: 70 };

/** Powers of ten (and 2×, 5×) between `min` and `max`, for grid lines on a log axis. */
export function logTicks(min: number, max: number): number[] {
	const ticks: number[] = [];
	for (let p = Math.floor(Math.log10(min)); p <= Math.ceil(Math.log10(max)); p++) {
		for (const m of [1, 2, 5]) {
			const v = m * 10 ** p;
			if (v >= min * 0.999 && v <= max * 1.001) ticks.push(v);
		}
	}
	return ticks;
}

const fmt = (v: number) => (v >= 1 ? String(Math.round(v * 10) / 10) : String(Number(v.toPrecision(2))));

/**
 * Renders the chart. Both axes are logarithmic, so a step that grows linearly
 * with N is a straight line of slope one, parallel to the dashed reference.
 * Same input, same bytes.
 */
export function lineChart(title: string, xLabel: string, yLabel: string, series: readonly Series[]): string {
	const all = series.flatMap((s) => s.points).filter((p) => p.x > 0 && p.y > 0);
	if (all.length === 0) throw new Error('nothing to plot');
	const xs = all.map((p) => p.x);
	const ys = all.map((p) => p.y);
	const [xMin, xMax] = [Math.min(...xs), Math.max(...xs)];
	const yMin = 10 ** Math.floor(Math.log10(Math.min(...ys)));
	const yMax = 10 ** Math.ceil(Math.log10(Math.max(...ys)));
	const plotW = WIDTH - MARGIN.left - MARGIN.right;
	const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
	const sx = (x: number) => MARGIN.left + (xMax === xMin ? plotW / 2 : ((Math.log10(x) - Math.log10(xMin)) / (Math.log10(xMax) - Math.log10(xMin))) * plotW);
	const sy = (y: number) => MARGIN.top + plotH - ((Math.log10(y) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))) * plotH;
	const r = (v: number) => v.toFixed(1);
	const out: string[] = [
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" font-family="system-ui, sans-serif" font-size="12">`,
		`<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
		`<text x="${WIDTH / 2}" y="22" text-anchor="middle" font-size="15" font-weight="600">${escapeMarkup(title)}</text>`,
	];
	for (const y of logTicks(yMin, yMax)) {
		out.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${r(sy(y))}" y2="${r(sy(y))}" stroke="#e5e5e5"/>`);
		out.push(`<text x="${MARGIN.left - 8}" y="${r(sy(y) + 4)}" text-anchor="end" fill="#444">${fmt(y)}</text>`);
	}
	for (const x of [...new Set(xs)].sort((a, b) => a - b)) {
		out.push(`<line x1="${r(sx(x))}" x2="${r(sx(x))}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}" stroke="#e5e5e5"/>`);
		out.push(`<text x="${r(sx(x))}" y="${MARGIN.top + plotH + 18}" text-anchor="middle" fill="#444">${x}</text>`);
	}
	out.push(`<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#999"/>`);
	out.push(`<text x="${MARGIN.left + plotW / 2}" y="${HEIGHT - 10}" text-anchor="middle">${escapeMarkup(xLabel)}</text>`);
	out.push(`<text transform="translate(18 ${MARGIN.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escapeMarkup(yLabel)}</text>`);
	series.forEach((s, i) => {
		const points = s.points.filter((p) => p.x > 0 && p.y > 0);
		const dash = s.dashed ? ' stroke-dasharray="5 4"' : '';
		out.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2"${dash} points="${points.map((p) => `${r(sx(p.x))},${r(sy(p.y))}`).join(' ')}"/>`);
		if (!s.dashed) for (const p of points) out.push(`<circle cx="${r(sx(p.x))}" cy="${r(sy(p.y))}" r="3.5" fill="${s.color}"/>`);
		const ly = MARGIN.top + 10 + i * 20;
		const lx = MARGIN.left + plotW + 16;
		out.push(`<line x1="${lx}" x2="${lx + 22}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="2"${dash}/>`);
		out.push(`<text x="${lx + 28}" y="${ly + 4}">${escapeMarkup(s.label)}</text>`);
	});
	out.push('</svg>');
	return `${out.join('\n')}\n`;
}
