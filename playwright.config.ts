import { defineConfig } from '@playwright/test';

/**
 * Two suites share the page objects in tests/e2e/pages: `e2e` drives Debian's Chromium against the
 * browser host (no browser download, ever), `electron` drives the desktop app where an Electron
 * binary is installed. `scripts/test-all.mjs` sets CASEBOOK_PW_JSON so each run keeps its own report.
 */
export default defineConfig({
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  fullyParallel: true,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['json', { outputFile: process.env.CASEBOOK_PW_JSON ?? 'test-results/e2e.json' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'e2e',
      testDir: 'tests/e2e',
      outputDir: 'test-results/e2e-artifacts',
      use: {
        browserName: 'chromium',
        headless: true,
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
    {
      name: 'electron',
      testDir: 'tests/electron',
      outputDir: 'test-results/electron-artifacts',
    },
  ],
});
