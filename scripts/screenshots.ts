/**
 * Renders the explorer's main views into docs/screenshots/ (light and dark): the scenario library, the
 * editor, and a finished run with its results; then the History, Compare and sweep views on a seeded history;
 * then the runtime tracks of the readFileSync and thread-pool experiments, then findings and a preset's expectations,
 * and "What if…" on a finished run.
 * Runs the real browser host on a fresh temporary history database and drives Debian's Chromium through the
 * same page objects as the end-to-end tests.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { startBrowserHostProcess } from '../tests/e2e/fixtures/browser-host-process';
import { PROJECT_ROOT } from '../tests/fixtures/built-app';
import { ScenariosPage } from '../tests/e2e/explorer/pages/scenarios-page';
import { WorkbenchPage } from '../tests/e2e/explorer/pages/workbench-page';
import { shootHistoryViews } from '../tests/e2e/history/history-screenshots';
import { shootRuntimeViews } from '../tests/e2e/explorer/runtime-screenshots';
import { shootFindingsViews } from '../tests/e2e/explorer/findings-screenshots';
import { shootWhatIfView } from '../tests/e2e/explorer/what-if-screenshots';
import { errorMessage } from '../shared/errors/error-message';
import { TWO_FRAMES } from '../tests/e2e/fixtures/screenshot-kit';

/**
 * `npm run screenshots -- runtime` makes only the runtime-track shots; `-- findings` only the findings shots;
 * `-- whatif` only the "What if…" one.
 */
const ONLY = (['runtime', 'findings', 'whatif'] as const).find((part) => process.argv.slice(2).includes(part)) ?? null;

const OUT_DIR = join(PROJECT_ROOT, 'docs', 'screenshots');
/** Each view at the size the app is designed for and at the smallest it supports; the small ones end `-1024`. */
const VIEWPORTS = [
  { width: 1440, height: 900, suffix: '' },
  { width: 1024, height: 700, suffix: '-1024' },
] as const;
type Viewport = (typeof VIEWPORTS)[number];
const RUN_TIMEOUT_MS = 60_000;
const SCHEMES = ['light', 'dark'] as const;
/** The experiment whose run the screenshots show: it has failures, orphans and a visible timeline. */
const SHOWN_PRESET = 'Promise.all fails fast, Promise.allSettled keeps every result';

// Run in the page; written as text because this script is type-checked without the DOM's types.
const PAGE_HEIGHT_PX = `(() => {
  const main = document.querySelector('main');
  return main === null ? window.innerHeight : window.innerHeight + main.scrollHeight - main.clientHeight;
})()`;
// No focus ring from the last click, and the page from its top.
const SETTLE_PAGE = `document.activeElement?.blur(); document.querySelector('main')?.scrollTo(0, 0);`;

/** Grows the window to the whole page (the app scrolls inside its main area), so one image shows it all. */
async function fitWindowToPage(page: Page, viewport: Viewport): Promise<void> {
  const height = await page.evaluate<number>(PAGE_HEIGHT_PX);
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
}

async function shoot(page: Page, viewport: Viewport, name: string, wholePage: boolean): Promise<void> {
  await page.setViewportSize(viewport);
  await page.evaluate(SETTLE_PAGE);
  if (wholePage) await fitWindowToPage(page, viewport);
  // Two frames: charts and the timeline redraw on the frame after a resize.
  await page.evaluate(TWO_FRAMES);
  const path = join(OUT_DIR, name.replace(/\.png$/, `${viewport.suffix}.png`));
  await page.screenshot({ path });
  console.log(`wrote ${path}`);
}

async function shootScheme(browser: Browser, url: string, scheme: (typeof SCHEMES)[number], viewport: Viewport): Promise<void> {
  const context = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.goto(url);
    const scenarios = new ScenariosPage(page);
    const workbench = new WorkbenchPage(page);
    await scenarios.builtIn.getByRole('listitem').first().waitFor();
    await shoot(page, viewport, `scenarios-${scheme}.png`, false);

    await scenarios.openBuiltIn(SHOWN_PRESET);
    await page.getByRole('button', { name: 'Show code' }).click();
    await shoot(page, viewport, `editor-${scheme}.png`, true);
    await page.getByRole('button', { name: 'Hide code' }).click();
    await workbench.showTab('JSON');
    await workbench.jsonBox.waitFor();
    await shoot(page, viewport, `json-editor-${scheme}.png`, false);
    await workbench.showTab('Form');

    await workbench.run();
    await workbench.runStatus.getByText('Completed').waitFor({ timeout: RUN_TIMEOUT_MS });
    await workbench.summary.waitFor();
    await shoot(page, viewport, `run-results-${scheme}.png`, true);
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  await mkdir(OUT_DIR, { recursive: true });
  const dataDir = await mkdtemp(join(tmpdir(), 'ce-screenshots-'));
  const host = await startBrowserHostProcess(join(dataDir, 'history.sqlite'));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    if (ONLY === null) {
      for (const viewport of VIEWPORTS) {
        for (const scheme of SCHEMES) await shootScheme(browser, host.url, scheme, viewport);
      }
      await shootHistoryViews(OUT_DIR, VIEWPORTS);
    }
    if (ONLY === null || ONLY === 'runtime') await shootRuntimeViews(browser, host.url, OUT_DIR);
    if (ONLY === null || ONLY === 'findings') await shootFindingsViews(browser, host.url, OUT_DIR);
    if (ONLY === null || ONLY === 'whatif') await shootWhatIfView(browser, host.url, OUT_DIR);
  } finally {
    await browser.close();
    await host.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`Screenshots failed: ${errorMessage(error)}`);
  process.exitCode = 1;
});
