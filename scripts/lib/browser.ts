/**
 * Which Chromium the browser tests, the screenshots and the bench launch, so that
 * `npm ci && npm test` works on a machine that has nothing but Node and npm.
 *
 * In order: `CHROMIUM_PATH`; a system Chromium or Chrome; Playwright's own browsers
 * (`npx playwright install chromium`, where its download host is reachable); else the
 * Chromium inside the npm package `@sparticuz/chromium`, a dev dependency, which it
 * unpacks into the system's temporary folder on first use (about 2 s, 200 MB).
 * `ARCHIVE_BROWSER=env|system|playwright|npm` takes that source only, e.g. to test the
 * npm fallback on a machine that has a system Chromium.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type LaunchOptions } from '@playwright/test';

/** Where a browser came from, in the order they are tried. */
export const BROWSER_SOURCES = ['env', 'system', 'playwright', 'npm'] as const;
export type BrowserSource = (typeof BROWSER_SOURCES)[number];

/** System browsers, as Debian, Ubuntu, Fedora and Google's packages install them. */
export const SYSTEM_BROWSERS = [
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome',
	'/usr/bin/google-chrome-stable',
	'/opt/google/chrome/chrome',
] as const;

/**
 * The flags every launch uses: no sandbox (tests run as root in containers), no GPU,
 * and nothing that reaches out to the network on its own.
 */
export const BROWSER_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--no-first-run',
	'--disable-sync',
	'--disable-quic',
] as const;

/** What the machine offers, as seen by {@link chooseBrowser}. */
export interface BrowserProbe {
	env: Record<string, string | undefined>;
	/** Whether a file exists. */
	exists: (file: string) => boolean;
	/** Where Playwright's own Chromium would be installed. */
	playwrightPath: string;
}

/** A browser that is there without unpacking anything. */
export interface FoundBrowser {
	source: Exclude<BrowserSource, 'npm'>;
	executablePath: string;
}

/** Reads `ARCHIVE_BROWSER`: the one source to use, or every source in order. */
export function allowedSources(env: Record<string, string | undefined>): readonly BrowserSource[] {
	const only = env.ARCHIVE_BROWSER;
	if (!only) return BROWSER_SOURCES;
	const source = BROWSER_SOURCES.find((name) => name === only);
	if (!source) throw new Error(`ARCHIVE_BROWSER must be one of ${BROWSER_SOURCES.join(', ')}; got "${only}"`);
	return [source];
}

/**
 * The first browser the machine already has, in the order of {@link BROWSER_SOURCES};
 * `undefined` means the npm package's Chromium (when `ARCHIVE_BROWSER` allows it).
 * A `CHROMIUM_PATH` that does not exist is an error rather than skipped, so a typo shows.
 */
export function chooseBrowser(probe: BrowserProbe): FoundBrowser | undefined {
	const sources = allowedSources(probe.env);
	for (const source of sources) {
		if (source === 'env' && probe.env.CHROMIUM_PATH) {
			if (!probe.exists(probe.env.CHROMIUM_PATH)) throw new Error(`CHROMIUM_PATH: no such file ${probe.env.CHROMIUM_PATH}`);
			return { source, executablePath: probe.env.CHROMIUM_PATH };
		}
		if (source === 'system') {
			const found = SYSTEM_BROWSERS.find((file) => probe.exists(file));
			if (found) return { source, executablePath: found };
		}
		if (source === 'playwright' && probe.exists(probe.playwrightPath)) return { source, executablePath: probe.playwrightPath };
	}
	if (sources.includes('npm')) return undefined;
	throw new Error(`ARCHIVE_BROWSER=${sources.join()}: no such browser on this machine`);
}

/** A browser to launch: its path, and the environment it needs beyond the process's own. */
export interface ResolvedBrowser {
	source: BrowserSource;
	executablePath: string;
	env: Record<string, string>;
}

/**
 * Unpacks the npm package's Chromium and the libraries it links to (NSS, which a bare
 * system may lack), in a child process because the package's API is asynchronous and
 * Playwright reads its configuration synchronously. Unpacking is skipped when done before.
 */
export function unpackNpmChromium(): ResolvedBrowser {
	const entry = createRequire(import.meta.url).resolve('@sparticuz/chromium');
	const script = `
		import { join } from 'node:path';
		const { default: Chromium, inflate } = await import(${JSON.stringify(entry)});
		const executablePath = await Chromium.executablePath();
		const libs = join(await inflate(join(${JSON.stringify(entry)}, '..', '..', 'bin', 'al2023.tar.br')), 'lib');
		process.stdout.write(JSON.stringify({ executablePath, libs }));`;
	const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
	if (child.status !== 0) throw new Error(`could not unpack @sparticuz/chromium:\n${child.stderr}`);
	const { executablePath, libs } = JSON.parse(child.stdout) as { executablePath: string; libs: string };
	const env: Record<string, string> = { LD_LIBRARY_PATH: [libs, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':') };
	// Without a system font configuration, the package's own fonts (Open Sans) at least render text.
	if (!existsSync('/etc/fonts/fonts.conf')) env.FONTCONFIG_PATH = path.join(path.dirname(executablePath), 'fonts');
	return { source: 'npm', executablePath, env };
}

/** Carries the answer to Playwright's worker processes, which load the configuration again. */
const RESOLVED_KEY = 'ARCHIVE_BROWSER_RESOLVED';

/** The browser to launch on this machine (see the module comment for the order). */
export function resolveBrowser(): ResolvedBrowser {
	const cached = process.env[RESOLVED_KEY];
	if (cached) return JSON.parse(cached) as ResolvedBrowser;
	const found = chooseBrowser({ env: process.env, exists: existsSync, playwrightPath: chromium.executablePath() });
	const resolved = found ? { ...found, env: {} } : unpackNpmChromium();
	process.env[RESOLVED_KEY] = JSON.stringify(resolved);
	return resolved;
}

/** Playwright launch options for a browser ({@link resolveBrowser} by default), with {@link BROWSER_ARGS}. */
export function browserLaunchOptions(browser: ResolvedBrowser = resolveBrowser()): LaunchOptions {
	const options: LaunchOptions = { executablePath: browser.executablePath, args: [...BROWSER_ARGS] };
	// Playwright's `env` replaces the browser's whole environment, so it starts from the process's own.
	if (Object.keys(browser.env).length > 0) options.env = { ...definedEntries(process.env), ...browser.env };
	return options;
}

function definedEntries(env: NodeJS.ProcessEnv): Record<string, string> {
	return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
