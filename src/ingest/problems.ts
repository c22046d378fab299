/** Errors thrown while parsing, and how the ingest's problems are printed. */
import type { Problem, ProblemKind } from '../schemas/problem.ts';

/** The kinds of problem a parsing rule throws; the others are found by the ingest around it. */
export type ParseProblemKind = Extract<ProblemKind, 'date' | 'chapters' | 'transcript' | 'schema'>;

/**
 * Thrown by a parsing rule that meets input it cannot read. `offset` (into the
 * text the rule was given) is filled in by callers that know where that text
 * starts, so the report can name a line and column.
 */
export class ParseProblem extends Error {
	constructor(
		readonly kind: ParseProblemKind,
		message: string,
		readonly offset?: number,
	) {
		super(message);
		this.name = 'ParseProblem';
	}
}

/** Formats a problem the way compilers do: `file:line:col: error: message (episode “title”)`. */
export function formatProblem(problem: Problem): string {
	const where = `${problem.file}${problem.line ? `:${problem.line}` : ''}${problem.line && problem.column ? `:${problem.column}` : ''}`;
	const episode = problem.episode ? ` (episode “${problem.episode}”)` : '';
	return `${where}: ${problem.severity}: ${problem.message}${episode}`;
}
