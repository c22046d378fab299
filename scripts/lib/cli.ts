/**
 * The command line of the project's scripts, read one way: options that take
 * a value (`--dist DIR`) with their defaults, flags (`--paste`), and options
 * that may be given more than once (`--quotes Q`). Each script names its
 * options and defaults once; `node:util`'s `parseArgs` does the reading and
 * refuses unknown options.
 */
import { parseArgs } from 'node:util';

/** What a script accepts: options with their default (`undefined`: none), flags, repeatable options. */
export interface CommandLineSpec<V extends Record<string, string | undefined>, F extends string, L extends string> {
	values: V;
	flags?: readonly F[];
	lists?: readonly L[];
}

/** The command line read: each option's value (or its default), each flag, each repeatable option's values. */
export type CommandLine<V extends Record<string, string | undefined>, F extends string, L extends string> = { [K in keyof V]: V[K] extends string ? string : string | undefined } & Record<F, boolean> & Record<L, string[]>;

/** Reads `args` (default: this process's arguments) as `spec` says. */
export function readCommandLine<V extends Record<string, string | undefined>, F extends string = never, L extends string = never>(spec: CommandLineSpec<V, F, L>, args?: string[]): CommandLine<V, F, L> {
	const options: NonNullable<Parameters<typeof parseArgs>[0]>['options'] = {};
	for (const [name, fallback] of Object.entries(spec.values)) options[name] = fallback === undefined ? { type: 'string' } : { type: 'string', default: fallback };
	for (const name of spec.flags ?? []) options[name] = { type: 'boolean', default: false };
	for (const name of spec.lists ?? []) options[name] = { type: 'string', multiple: true, default: [] };
	return parseArgs({ options, ...(args ? { args } : {}) }).values as CommandLine<V, F, L>;
}
