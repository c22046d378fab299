import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { chromium } from '@playwright/test';
import { allowedSources, browserLaunchOptions, chooseBrowser, unpackNpmChromium, type BrowserProbe } from '../../scripts/lib/browser.ts';

const packageJson = path.join(path.dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')), '..', 'package.json');
const { version: packageVersion } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
const PLAYWRIGHT = '/root/.cache/ms-playwright/chromium-1/chrome-linux64/chrome';

/** A machine with these files and this environment. */
function machine(files: string[], env: Record<string, string> = {}): BrowserProbe {
	return { env, exists: (file) => files.includes(file), playwrightPath: PLAYWRIGHT };
}

describe('chooseBrowser', () => {
	test('takes CHROMIUM_PATH before everything else', () => {
		const probe = machine(['/opt/my/chrome', '/usr/bin/chromium', PLAYWRIGHT], { CHROMIUM_PATH: '/opt/my/chrome' });
		expect(chooseBrowser(probe)).toEqual({ source: 'env', executablePath: '/opt/my/chrome' });
	});

	test('reports a CHROMIUM_PATH that does not exist instead of silently using another browser', () => {
		expect(() => chooseBrowser(machine(['/usr/bin/chromium'], { CHROMIUM_PATH: '/opt/typo' }))).toThrow('CHROMIUM_PATH: no such file /opt/typo');
	});

	test('takes a system Chromium before a system Chrome and before Playwright’s own', () => {
		expect(chooseBrowser(machine(['/usr/bin/google-chrome', '/usr/bin/chromium', PLAYWRIGHT]))).toEqual({ source: 'system', executablePath: '/usr/bin/chromium' });
		expect(chooseBrowser(machine(['/usr/bin/chromium-browser', PLAYWRIGHT]))).toEqual({ source: 'system', executablePath: '/usr/bin/chromium-browser' });
		expect(chooseBrowser(machine(['/usr/bin/google-chrome', PLAYWRIGHT]))).toEqual({ source: 'system', executablePath: '/usr/bin/google-chrome' });
	});

	test('takes Playwright’s own browser when the system has none', () => {
		expect(chooseBrowser(machine([PLAYWRIGHT]))).toEqual({ source: 'playwright', executablePath: PLAYWRIGHT });
	});

	test('falls back to the npm package’s Chromium on a bare machine', () => {
		expect(chooseBrowser(machine([]))).toBeUndefined();
	});

	test('ARCHIVE_BROWSER=npm skips every browser the machine has', () => {
		const probe = machine(['/opt/my/chrome', '/usr/bin/chromium', PLAYWRIGHT], { CHROMIUM_PATH: '/opt/my/chrome', ARCHIVE_BROWSER: 'npm' });
		expect(chooseBrowser(probe)).toBeUndefined();
	});

	test('ARCHIVE_BROWSER names one source, and it must be there', () => {
		expect(chooseBrowser(machine(['/usr/bin/chromium', PLAYWRIGHT], { ARCHIVE_BROWSER: 'playwright' }))).toEqual({ source: 'playwright', executablePath: PLAYWRIGHT });
		expect(() => chooseBrowser(machine(['/usr/bin/chromium'], { ARCHIVE_BROWSER: 'playwright' }))).toThrow('no such browser');
	});
});

describe('allowedSources', () => {
	test('tries every source in order by default', () => {
		expect(allowedSources({})).toEqual(['env', 'system', 'playwright', 'npm']);
	});

	test('rejects an unknown ARCHIVE_BROWSER', () => {
		expect(() => allowedSources({ ARCHIVE_BROWSER: 'firefox' })).toThrow('ARCHIVE_BROWSER must be one of env, system, playwright, npm; got "firefox"');
	});
});

describe('the npm package’s Chromium', () => {
	test('unpacks and renders a page with the launch options the tests use', { timeout: 60_000 }, async () => {
		const browser = await chromium.launch(browserLaunchOptions(unpackNpmChromium()));
		try {
			const page = await browser.newPage();
			await page.setContent('<h1 id="x">Hello</h1><script>document.getElementById("x").textContent += " world"</script>');
			expect(await page.textContent('#x')).toBe('Hello world');
			// The package's own build, not a system browser: its version follows the package's.
			expect(browser.version().split('.')[0]).toBe(packageVersion.split('.')[0]);
		} finally {
			await browser.close();
		}
	});
});
