/**
 * The dump file: episodes separated by a line holding `-`, each a title line,
 * a `From <flag> <show>, published at YYYY-MM-DD HH:MM` line and one body line.
 */
import { ParseProblem } from './problems.ts';

/** One episode's lines, before the body is parsed. */
export interface RawEpisode {
	title: string;
	/** The `From …` line as written. */
	header: string;
	body: string;
	/** 1-based line numbers in the source, for error messages. */
	titleLine: number;
	headerLine: number;
	bodyLine: number;
}

/** A record that could not be read as an episode. */
export interface DumpError {
	line: number;
	title?: string;
	message: string;
}

/**
 * Splits a dump into episode records. Tolerates a byte-order mark, CRLF line
 * endings, blank lines and a missing first separator; a body that spans
 * several lines is kept with its newlines (they are real block breaks).
 * Records without a header line or without a body are returned as errors.
 */
export function splitDump(text: string): { episodes: RawEpisode[]; errors: DumpError[] } {
	const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
	const episodes: RawEpisode[] = [];
	const errors: DumpError[] = [];
	let record: { line: number; text: string }[] = [];
	const flush = () => {
		const content = record.filter((entry) => entry.text.trim() !== '');
		record = [];
		if (content.length === 0) return;
		const [title, header, ...body] = content;
		const titleText = title!.text.trim();
		if (!header || !/^From\s/.test(header.text.trim())) {
			const found = content.find((entry) => /^From\s.*published at/.test(entry.text.trim()));
			errors.push({
				line: title!.line,
				title: titleText,
				message: found
					? `the “From … published at …” line is at line ${found.line}, expected right after the title`
					: 'missing the “From <show>, published at YYYY-MM-DD HH:MM” line after the title',
			});
			return;
		}
		if (body.length === 0) {
			errors.push({ line: header.line, title: titleText, message: 'the episode has no body' });
			return;
		}
		episodes.push({
			title: titleText,
			header: header.text.trim(),
			body: body.map((entry) => entry.text).join('\n'),
			titleLine: title!.line,
			headerLine: header.line,
			bodyLine: body[0]!.line,
		});
	};
	for (const [i, line] of lines.entries()) {
		if (line.trim() === '-') flush();
		else record.push({ line: i + 1, text: line });
	}
	flush();
	return { episodes, errors };
}

/** What the `From …` line says. */
export interface EpisodeHeader {
	show: string;
	/** The flag emoji before the show name, if any (`🇺🇸`). */
	flag?: string;
	published: Date;
}

/**
 * Reads `From 🇺🇸 Latent Space: The AI Engineer Podcast, published at
 * 2024-03-22 19:08`. The time has no zone and is read as UTC. Throws a
 * `ParseProblem` naming what is wrong.
 */
export function parseHeader(line: string): EpisodeHeader {
	const match = /^From\s+(?:(\p{RI}{2})\s+)?(.+?),\s+published at\s+(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?\s*$/u.exec(line.trim());
	if (!match) throw new ParseProblem('date', `cannot read the date line “${line.slice(0, 120)}”: expected “From <show>, published at YYYY-MM-DD HH:MM”`);
	const [, flag, show, year, month, day, hour = '00', minute = '00', second = '00'] = match;
	const published = new Date(Date.UTC(+year!, +month! - 1, +day!, +hour, +minute, +second));
	const valid =
		published.getUTCFullYear() === +year! && published.getUTCMonth() === +month! - 1 && published.getUTCDate() === +day! && +hour < 24 && +minute < 60;
	if (!valid) throw new ParseProblem('date', `invalid publication date ${year}-${month}-${day} ${hour}:${minute}`);
	return { show: show!.trim(), ...(flag ? { flag } : {}), published };
}
