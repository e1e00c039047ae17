import { expect, test } from '../fixtures/app-test';
import { ScenariosPage } from './pages/scenarios-page';
import { WorkbenchPage } from './pages/workbench-page';

/** CPU work on the engine's own event loop, for several seconds: the engine is blocked, the UI must not be. */
const BLOCKING = {
  version: 1,
  name: 'CPU work on the loop',
  strategy: { type: 'sequential' },
  tasks: [{ kind: 'cpu', count: 20, ms: 400 }],
};

/** The longest gap between two animation frames the page may show while a run blocks its engine. */
const MAX_FRAME_GAP_MS = 100;

test('a run that blocks its own event loop leaves the UI at full frame rate, and Cancel still works', async ({ page }) => {
  const workbench = new WorkbenchPage(page);
  await new ScenariosPage(page).newScenario();
  await workbench.pasteJson(JSON.stringify(BLOCKING));
  await workbench.run();
  // The engine's loop is blocked from the first task on, so it may report no progress until the end.
  await expect(workbench.runStatus).toHaveText('Running');

  const gaps = await page.evaluate(
    (durationMs) =>
      new Promise<number[]>((resolve) => {
        const found: number[] = [];
        let last = performance.now();
        const end = last + durationMs;
        const frame = (now: number) => {
          found.push(now - last);
          last = now;
          if (now < end) requestAnimationFrame(frame);
          else resolve(found);
        };
        requestAnimationFrame(frame);
      }),
    3_000,
  );
  expect(gaps.length).toBeGreaterThan(60);
  expect(Math.max(...gaps)).toBeLessThan(MAX_FRAME_GAP_MS);
  await expect(workbench.runStatus).toHaveText('Running');
  await expect(page.getByLabel(/^UI frame rate \d+ frames per second$/)).toBeVisible();

  await workbench.cancelButton.click();
  await expect(workbench.runStatus).toHaveText('Cancelled', { timeout: 5_000 });
});
