/** Running a step under `/usr/bin/time` and reading what it and the tools report; small statistics helpers. */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { medianOf } from '../../src/shared/stats.ts';

/** What one run of a command cost. */
export interface StepCost {
	/** Wall-clock seconds. */
	wall: number;
	/** CPU seconds (user + system), which shows how much of the 2 cores a step used. */
	cpu: number;
	/** Peak resident memory of the largest process in the step's tree, in MB (`/usr/bin/time` max RSS). */
	peakMb: number;
	/** Everything the command printed, for reading figures out of it. */
	output: string;
}

/**
 * Reads the `%e %U %S %M` line that `/usr/bin/time -f` writes. Max RSS is
 * GNU time's figure: the largest single process (it follows children but
 * does not add them up), which is the one that can run out of memory.
 */
export function parseTimeLine(line: string): Omit<StepCost, 'output'> {
	const [wall, user, system, rssKb] = line.trim().split(/\s+/).map(Number);
	if ([wall, user, system, rssKb].some((n) => n === undefined || Number.isNaN(n))) throw new Error(`unreadable /usr/bin/time output: “${line}”`);
	return { wall: wall!, cpu: user! + system!, peakMb: rssKb! / 1024 };
}

/** Runs `command args` in `cwd` under `/usr/bin/time`; rejects with its output when it fails. */
export async function timeCommand(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<StepCost> {
	const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-time-'));
	const report = path.join(dir, 'time.txt');
	try {
		const output = await new Promise<string>((resolve, reject) => {
			const child = spawn('/usr/bin/time', ['-f', '%e %U %S %M', '-o', report, command, ...args], {
				cwd: options.cwd,
				env: { ...process.env, ...options.env },
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			let text = '';
			child.stdout.on('data', (chunk) => (text += chunk));
			child.stderr.on('data', (chunk) => (text += chunk));
			child.on('error', reject);
			child.on('close', (code) => (code === 0 ? resolve(text) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${text.slice(-4000)}`))));
		});
		const lines = (await readFile(report, 'utf8')).trim().split('\n');
		return { ...parseTimeLine(lines.at(-1)!), output };
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

/** The step cost whose wall time is the median of the runs, with the peak memory of all runs. */
export function medianCost(runs: readonly StepCost[]): Omit<StepCost, 'output'> & { runs: number; walls: number[] } {
	return {
		wall: medianOf(runs.map((r) => r.wall)),
		cpu: medianOf(runs.map((r) => r.cpu)),
		peakMb: Math.max(...runs.map((r) => r.peakMb)),
		runs: runs.length,
		walls: runs.map((r) => r.wall),
	};
}

/** Seconds Astro spent on each phase of a build: content sync and types, bundling (MDX compile, Vite), rendering the pages. */
export interface PhaseTimes {
	sync?: number;
	bundle?: number;
	render?: number;
}

/** Reads `1m 5.2s` / `850ms` / `12.3s` as seconds. */
function seconds(match: RegExpExecArray | null): number | undefined {
	if (!match) return undefined;
	const [, minutes, value, unit] = match;
	return Number(minutes ?? 0) * 60 + Number(value) / (unit === 'ms' ? 1000 : 1);
}

/** Where Astro's build spent its time, read from its own log. */
export function astroPhases(output: string): PhaseTimes {
	return {
		sync: seconds(/\[types\] Generated (?:(\d+)m )?([\d.]+)(m?s)/.exec(output)),
		bundle: seconds(/\[vite\] ✓ built in (?:(\d+)m )?([\d.]+)(m?s)/.exec(output)),
		render: seconds(/generating static routes[\s\S]*?✓ Completed in (?:(\d+)m )?([\d.]+)(m?s)/.exec(output)),
	};
}

/** The ingest's own parse-and-write time (without Node start-up), from its summary line. */
export function ingestInner(output: string): number | undefined {
	const match = /MB in ([\d.]+) s[;)]/.exec(output);
	return match ? Number(match[1]) : undefined;
}
