import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ComparePage } from './pages/compare-page';
import { HistoryPage } from './pages/history-page';
import { seedExperiments, TIMERS } from './seed-experiments';
import { seedSyntheticRuns } from './seed-history';
import { startSeededApp } from './seeded-app';

const SCHEMES = ['light', 'dark'] as const;
const VIEWPORT = { width: 1440, height: 900 };
// Run in the page; written as text because scripts/screenshots.ts, which runs this, is type-checked without the DOM.
const SETTLE_PAGE = `document.activeElement?.blur(); document.querySelector('main')?.scrollTo(0, 0);`;
const PAGE_HEIGHT_PX = `(() => {
  const main = document.querySelector('main');
  return main === null ? window.innerHeight : window.innerHeight + main.scrollHeight - main.clientHeight;
})()`;
const TWO_FRAMES = 'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))';

/** Grows the window to the whole page (the app scrolls inside its main area) and takes one image of it. */
async function shoot(page: Page, path: string, wholePage: boolean): Promise<void> {
  // The status bar's frame meter has counted a second of frames by then.
  await page.getByLabel(/^UI frame rate [1-9]/).waitFor();
  await page.evaluate(SETTLE_PAGE);
  if (wholePage) {
    const height = await page.evaluate<number>(PAGE_HEIGHT_PX);
    await page.setViewportSize({ width: VIEWPORT.width, height: Math.max(VIEWPORT.height, height) });
  }
  // Two frames: charts and timelines redraw on the frame after a resize.
  await page.evaluate(TWO_FRAMES);
  await page.screenshot({ path });
  await page.setViewportSize(VIEWPORT);
  console.log(`wrote ${path}`);
}

/**
 * The History view with about thirty runs, the comparison of two repeat experiments (mean ± CI and Welch's
 * test), and a concurrency sweep's chart, light and dark, into `outDir`. The history is seeded first: made-up
 * runs for the list, real engine runs for the experiments.
 */
export async function shootHistoryViews(outDir: string): Promise<void> {
  const app = await startSeededApp(async (store) => {
    seedSyntheticRuns(store, 8, { tasks: 60, newest: new Date(Date.now() - 3_600_000) });
    await seedExperiments(store);
    // Newer than the experiments, so the first screenful shows every kind of row: strategies, states, tags.
    seedSyntheticRuns(store, 6, { tasks: 60, newest: new Date(Date.now() + 6 * 60_000), first: 4 });
  });
  try {
    for (const scheme of SCHEMES) {
      const page = await app.open({ colorScheme: scheme });
      const history = new HistoryPage(page);
      await history.show();
      await shoot(page, join(outDir, `history-${scheme}.png`), false);

      await history.select(`${TIMERS.name} (repeat 1/4)`);
      await history.select(`${TIMERS.name}, all at once (repeat 1/4)`);
      await history.compareButton.click();
      await new ComparePage(page).comparison.getByRole('table', { name: /^Repeated runs/ }).waitFor();
      await shoot(page, join(outDir, `compare-${scheme}.png`), true);

      await history.show();
      await page.getByRole('button', { name: /^Open experiment Sweep to pool:16/ }).first().click();
      await page.getByRole('table', { name: 'Sweep points' }).waitFor();
      await shoot(page, join(outDir, `sweep-${scheme}.png`), true);
      await page.context().close();
    }
  } finally {
    await app.close();
  }
}
