import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { TWO_FRAMES, screenshotContext } from '../fixtures/screenshot-kit';
import { ScenariosPage } from './pages/scenarios-page';
import { WorkbenchPage } from './pages/workbench-page';

const RUN_TIMEOUT_MS = 120_000;

/** The presets whose lesson the runtime tracks show, each shot as its run's timeline (tracks and lanes). */
const SHOTS = [
  { title: 'readFileSync vs readFile', file: 'runtime-readfilesync-light.png' },
  { title: 'The libuv thread pool: 1 thread vs 4', file: 'runtime-threadpool-light.png' },
] as const;

/** Runs each preset's first variant on the host at `url` and writes its timeline with the runtime tracks into `outDir`. */
export async function shootRuntimeViews(browser: Browser, url: string, outDir: string): Promise<void> {
  const context = await screenshotContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(url);
    const scenarios = new ScenariosPage(page);
    const workbench = new WorkbenchPage(page);
    for (const shot of SHOTS) {
      await page.getByRole('button', { name: 'Scenarios', exact: true }).click();
      await scenarios.openBuiltIn(shot.title);
      await workbench.run();
      await workbench.runStatus.getByText('Completed').waitFor({ timeout: RUN_TIMEOUT_MS });
      const timeline = page.getByRole('region', { name: 'Timeline' });
      await page.getByRole('img', { name: /^Runtime tracks/ }).waitFor();
      await timeline.scrollIntoViewIfNeeded();
      await page.evaluate(TWO_FRAMES);
      const path = join(outDir, shot.file);
      await timeline.screenshot({ path });
      console.log(`wrote ${path}`);
    }
  } finally {
    await context.close();
  }
}
