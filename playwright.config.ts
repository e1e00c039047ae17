import { defineConfig } from '@playwright/test';
import type { AppOptions } from './tests/e2e/fixtures/app-test';

/**
 * The same specs run against both hosts of the app through one `page` fixture (tests/e2e/fixtures):
 * `browser`, the browser host (`serve`) in Debian's Chromium, and `electron`, the built desktop app,
 * skipped with the reason where the Electron binary is not installed.
 */
export default defineConfig<AppOptions>({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/global-setup.ts',
  outputDir: 'test-results',
  // Two tests at a time: the frame-gap spec holds the page against its own idle frames measured in the same
  // test, so another test's engine and browser on the same cores load both measurements alike.
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'browser', use: { appKind: 'browser' } },
    { name: 'electron', use: { appKind: 'electron' } },
  ],
});
