import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { startHarness } from './harness-browser';

/** Where the pictures go: look at them after a change to the drawing. */
export const SHOTS_DIR = '/tmp/timeline-shots';

async function zoomedInWithTooltip(page: Page, file: string): Promise<void> {
  const errorTask = await page.evaluate(() => window.timelineBench.firstTaskWith('error', 4_000));
  const point = await page.evaluate((task) => window.timelineBench.focusTask(task, 24), errorTask);
  if (!point) throw new Error(`task ${errorTask} is not on screen after zooming to it`);
  await page.mouse.click(point.x, point.y);
  await page.mouse.move(point.x + 1, point.y);
  await page.getByRole('tooltip').waitFor();
  await page.screenshot({ path: file, fullPage: true });
}

/** Half-way through streaming a run into the live view: running tasks, the latest-time line. */
async function live(page: Page, file: string): Promise<void> {
  await page.evaluate(() => {
    void window.timelineBench.stream(20_000, 3_000);
  });
  await page.waitForTimeout(1_200);
  await page.screenshot({ path: file, fullPage: true });
}

/** Screenshots of the harness, light and dark: 100,000 tasks zoomed out, and zoomed in with a tooltip; then many lanes, a live run, and a million loop slices. */
export async function screenshotTimeline(): Promise<string[]> {
  await mkdir(SHOTS_DIR, { recursive: true });
  const harness = await startHarness();
  const files: string[] = [];
  try {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await harness.open({ colorScheme, deviceScaleFactor: 1 });
      await page.evaluate(() => window.timelineBench.load(100_000, 16));
      const overview = join(SHOTS_DIR, `timeline-${colorScheme}-overview.png`);
      await page.screenshot({ path: overview, fullPage: true });
      const detail = join(SHOTS_DIR, `timeline-${colorScheme}-zoomed.png`);
      await zoomedInWithTooltip(page, detail);
      files.push(overview, detail);
      await page.context().close();
    }
    const page = await harness.open();
    const manyLanes = join(SHOTS_DIR, 'timeline-light-5000-lanes.png');
    await page.evaluate(() => window.timelineBench.load(5_000, 5_000));
    await page.screenshot({ path: manyLanes });
    const streaming = join(SHOTS_DIR, 'timeline-light-live.png');
    await live(page, streaming);
    files.push(manyLanes, streaming);
    await page.context().close();
    // A million loop slices above the tasks: zoomed out they are drawn from each row's pyramid of time bins.
    const runtimePage = await harness.open();
    await runtimePage.evaluate(() => window.timelineBench.load(100_000, 16));
    await runtimePage.evaluate(() => window.timelineBench.loadRuntime(1_000_000));
    const runtime = join(SHOTS_DIR, 'timeline-light-runtime-1m.png');
    await runtimePage.screenshot({ path: runtime, fullPage: true });
    files.push(runtime);
    await runtimePage.context().close();
  } finally {
    await harness.close();
  }
  return files;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const file of await screenshotTimeline()) console.log(file);
}
