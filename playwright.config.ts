import { defineConfig, devices } from '@playwright/test';

/** Uncommon fixed port, so a developer's own `npm start` (4321) can keep running. */
const PORT = Number(process.env.E2E_PORT ?? 4391);
const BASE_PATH = process.env.BASE_PATH ?? '/';
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
        // Playwright cannot download its own browsers here; use Debian's chromium
        // (installed by .ci/run). The flags keep it off the closed network.
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--no-first-run',
            '--disable-sync',
            '--disable-quic',
          ],
        },
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
