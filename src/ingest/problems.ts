/** Errors and warnings found while parsing, with enough context to find them in the source. */

/**
 * Thrown by a parsing rule that meets input it cannot read. `offset` (into the
 * text the rule was given) is filled in by callers that know where that text
 * starts, so the report can name a line and column.
 */
export class ParseProblem extends Error {
	constructor(
		message: string,
		readonly offset?: number,
	) {
		super(message);
		this.name = 'ParseProblem';
	}
}

/** Something the ingest reports: an error drops the episode, a warning keeps it, a note says what was done (copies merged). */
export interface Problem {
	severity: 'error' | 'warning' | 'note';
	/** Source file name, relative to the sources folder. */
	file: string;
	/** 1-based line in the source file, when known. */
	line?: number;
	/** 1-based column, when the problem is inside a long body line. */
	column?: number;
	/** Title of the episode concerned, when known. */
	episode?: string;
	message: string;
}

/** Formats a problem the way compilers do: `file:line:col: error: message (episode “title”)`. */
export function formatProblem(problem: Problem): string {
	const where = `${problem.file}${problem.line ? `:${problem.line}` : ''}${problem.line && problem.column ? `:${problem.column}` : ''}`;
	const episode = problem.episode ? ` (episode “${problem.episode}”)` : '';
	return `${where}: ${problem.severity}: ${problem.message}${episode}`;
}
