import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { TWO_FRAMES } from '../fixtures/screenshot-kit';
import { ComparePage } from './pages/compare-page';
import { HistoryPage } from './pages/history-page';
import { seedExperiments, TIMERS } from './seed-experiments';
import { seedSyntheticRuns } from './seed-history';
import { startSeededApp } from './seeded-app';

const SCHEMES = ['light', 'dark'] as const;
/** A window size, and what the names of its images end with. */
export interface ShotViewport {
  width: number;
  height: number;
  suffix: string;
}
// Run in the page; written as text because scripts/screenshots.ts, which runs this, is type-checked without the DOM.
const SETTLE_PAGE = `document.activeElement?.blur(); document.querySelector('main')?.scrollTo(0, 0);`;
const PAGE_HEIGHT_PX = `(() => {
  const main = document.querySelector('main');
  return main === null ? window.innerHeight : window.innerHeight + main.scrollHeight - main.clientHeight;
})()`;
/** The search waits a quarter second after typing before it asks again; this covers that and the answer. */
const SEARCH_SETTLE_MS = 800;

/** Grows the window to the whole page (the app scrolls inside its main area) and takes one image of it. */
async function shoot(page: Page, viewport: ShotViewport, path: string, wholePage: boolean): Promise<void> {
  const size = { width: viewport.width, height: viewport.height };
  await page.setViewportSize(size);
  // The status bar's frame meter has counted a second of frames by then.
  await page.getByLabel(/^UI frame rate [1-9]/).waitFor();
  await page.evaluate(SETTLE_PAGE);
  if (wholePage) {
    const height = await page.evaluate<number>(PAGE_HEIGHT_PX);
    await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
  }
  // Two frames: charts and timelines redraw on the frame after a resize.
  await page.evaluate(TWO_FRAMES);
  await page.screenshot({ path });
  await page.setViewportSize(size);
  console.log(`wrote ${path}`);
}

/** Narrows the history table (it renders only the rows in view) to runs matching `text`, as a user would. */
async function search(page: Page, text: string): Promise<void> {
  await page.getByLabel('Search', { exact: true }).fill(text);
  await page.getByRole('table', { name: 'Run history' }).locator('[role="row"][data-position]:not(.loading)').first().waitFor();
  await page.waitForTimeout(SEARCH_SETTLE_MS);
}

/**
 * The History view with about thirty runs, the comparison of two repeat experiments (mean ± CI and Welch's
 * test), and a concurrency sweep's chart, light and dark, at each of `viewports`, into `outDir`. The history is seeded first: made-up
 * runs for the list, real engine runs for the experiments.
 */
export async function shootHistoryViews(outDir: string, viewports: readonly ShotViewport[]): Promise<void> {
  const app = await startSeededApp(async (store) => {
    seedSyntheticRuns(store, 8, { tasks: 60, newest: new Date(Date.now() - 3_600_000) });
    await seedExperiments(store);
    // Newer than the experiments, so the first screenful shows every kind of row: strategies, states, tags.
    seedSyntheticRuns(store, 6, { tasks: 60, newest: new Date(Date.now() + 6 * 60_000), first: 4 });
  });
  try {
    for (const viewport of viewports) for (const scheme of SCHEMES) {
      const page = await app.open({ colorScheme: scheme });
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      const name = (view: string) => join(outDir, `${view}-${scheme}${viewport.suffix}.png`);
      const history = new HistoryPage(page);
      await history.show();
      await shoot(page, viewport, name('history'), false);

      await search(page, '(repeat 1/4)');
      await history.select(`${TIMERS.name} (repeat 1/4)`);
      await history.select(`${TIMERS.name}, all at once (repeat 1/4)`);
      await history.compareButton.click();
      await new ComparePage(page).comparison.getByRole('table', { name: /^Repeated runs/ }).waitFor();
      await shoot(page, viewport, name('compare'), true);

      await history.show();
      await search(page, 'Thirty-two pbkdf2');
      await page.getByRole('button', { name: /^Open experiment Sweep to pool:16/ }).first().click();
      await page.getByRole('table', { name: 'Sweep points' }).waitFor();
      await shoot(page, viewport, name('sweep'), true);
      await page.context().close();
    }
  } finally {
    await app.close();
  }
}
