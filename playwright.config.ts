import { defineConfig, devices } from '@playwright/test';
import { browserLaunchOptions } from './scripts/lib/browser.ts';
import { readSiteConfig, resolveDeployment } from './scripts/site-config.ts';

/** Uncommon fixed port, so a developer's own `npm start` (4321) can keep running. */
const PORT = Number(process.env.E2E_PORT ?? 4391);
// The base path the build under test was made for, worked out as astro.config.mjs does.
const BASE_PATH = resolveDeployment(readSiteConfig()).base;
const isCI = Boolean(process.env.CI);

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  workers: isCI ? 1 : undefined,
  reporter: isCI ? 'list' : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: new URL(BASE_PATH, `http://127.0.0.1:${PORT}`).href,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        // CHROMIUM_PATH, a system Chromium, Playwright's own or the npm package's (scripts/lib/browser.ts).
        launchOptions: browserLaunchOptions(),
      },
    },
  ],
  // Tests run against the production build in dist/ (`npm test` builds first).
  // --ignore-lock: never auto-background or clash with another preview server.
  webServer: {
    command: `npm run preview -- --port ${PORT} --host 127.0.0.1 --ignore-lock`,
    url: new URL(BASE_PATH, `http://127.0.0.1:${PORT}`).href,
    reuseExistingServer: !isCI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
