import { expect, test } from '../fixtures/app-test';
import { ScenariosPage } from './pages/scenarios-page';
import { WorkbenchPage } from './pages/workbench-page';

const WIDE = {
  version: 1,
  name: 'Eight long timers at once',
  strategy: { type: 'all' },
  tasks: [{ kind: 'timer', count: 8, ms: 300 }],
};

test('the timeline zooms and shows a task under the pointer', async ({ page }) => {
  const workbench = new WorkbenchPage(page);
  await new ScenariosPage(page).newScenario();
  await workbench.pasteJson(JSON.stringify(WIDE));
  await workbench.run();
  await expect(workbench.runStatus).toHaveText('Completed', { timeout: 30_000 });

  const toolbar = workbench.timelineToolbar;
  const range = workbench.timelineRange;
  const before = await range.textContent();
  await toolbar.getByRole('button', { name: 'Zoom in' }).click();
  await expect(range).not.toHaveText(before ?? '');
  await toolbar.getByRole('button', { name: 'Fit' }).click();
  await expect(range).toHaveText(before ?? '');

  // Every lane holds one 300 ms bar from about 0 ms: the middle of the plot is inside a bar.
  const canvas = workbench.timelineCanvas;
  const box = await canvas.boundingBox();
  if (box === null) throw new Error('the timeline canvas has no box');
  await page.mouse.move(box.x + box.width * 0.55, box.y + 40);
  await expect(workbench.tooltip).toContainText('timer');
  await canvas.focus();
  await page.keyboard.press('+');
  await expect(range).not.toHaveText(before ?? '');
});
