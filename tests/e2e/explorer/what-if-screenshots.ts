import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { SCREENSHOT_VIEWPORT, TWO_FRAMES, screenshotContext } from '../fixtures/screenshot-kit';
import { ScenariosPage } from './pages/scenarios-page';
import { WhatIfPanel } from './pages/what-if-panel';
import { WorkbenchPage } from './pages/workbench-page';

const RUN_TIMEOUT_MS = 60_000;
// Run in the page; written as text because this module is type-checked without the DOM's types.
const PAGE_HEIGHT_PX = `(() => {
  const main = document.querySelector('main');
  return main === null ? window.innerHeight : window.innerHeight + main.scrollHeight - main.clientHeight;
})()`;

/** Twelve requests at once to the built-in target, each answered in about 100 ms: what would a pool of 4 do? */
const SHOWN_SCENARIO = {
  version: 1,
  name: 'Twelve requests at once',
  strategy: { type: 'all' },
  tasks: [{ kind: 'http', count: 12, latencyMs: 100, jitterMs: 40 }],
};

/** "What if…" on a finished run, predicting a pool of 4 and then run for real: written into `outDir`. */
export async function shootWhatIfView(browser: Browser, url: string, outDir: string): Promise<void> {
  const context = await screenshotContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(url);
    const workbench = new WorkbenchPage(page);
    await new ScenariosPage(page).newScenario();
    await workbench.pasteJson(JSON.stringify(SHOWN_SCENARIO));
    await workbench.run();
    await workbench.runStatus.getByText('Completed').waitFor({ timeout: RUN_TIMEOUT_MS });
    const whatIf = new WhatIfPanel(page);
    await whatIf.open();
    await whatIf.predict('Bounded pool', { label: 'Concurrency', value: 4 });
    await whatIf.runForReal.click();
    await whatIf.figures.getByRole('columnheader', { name: 'Prediction error' }).waitFor({ timeout: RUN_TIMEOUT_MS });
    // The app scrolls inside its main area: a window as tall as the page shows the whole panel at once.
    await page.setViewportSize({ width: SCREENSHOT_VIEWPORT.width, height: await page.evaluate<number>(PAGE_HEIGHT_PX) });
    await whatIf.region.scrollIntoViewIfNeeded();
    await page.evaluate('document.activeElement?.blur()');
    await page.evaluate(TWO_FRAMES);
    const path = join(outDir, 'what-if-light.png');
    await whatIf.region.screenshot({ path });
    console.log(`wrote ${path}`);
  } finally {
    await context.close();
  }
}
