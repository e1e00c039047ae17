import { expect, test } from '../fixtures/app-test';
import { ScenariosPage } from './pages/scenarios-page';
import { WorkbenchPage } from './pages/workbench-page';

/**
 * Promise.all over two long timers, a failing short one, and CPU work that blocks the loop: the timers run
 * on as orphans after the failure, and each CPU task's result waits for the loop the later ones block.
 */
const BLOCKED_ALL = {
  version: 1,
  name: 'Orphans and a blocked loop',
  strategy: { type: 'all' },
  tasks: [
    { kind: 'timer', count: 2, ms: 600 },
    { kind: 'timer', count: 1, ms: 20, failRate: 1 },
    { kind: 'cpu', count: 4, ms: 80 },
  ],
};

test('the timeline hatches orphans over their outcome and draws the wait for the loop as a tail the details name', async ({ page }) => {
  const workbench = new WorkbenchPage(page);
  await new ScenariosPage(page).newScenario();
  await workbench.pasteJson(JSON.stringify(BLOCKED_ALL, null, 2));
  await workbench.run();
  await expect(workbench.runStatus).toHaveText('Completed', { timeout: 30_000 });

  const legend = workbench.timelineLegend;
  await expect(legend).toContainText('orphaned');
  await expect(legend).toContainText('result waited for the loop');
  await expect(workbench.figure('Result waited for the loop')).not.toBeEmpty();
  await expect(workbench.figure('Failures')).toContainText('1 error');

  await workbench.showTaskTable();
  const grid = workbench.taskTable;
  await grid.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  const details = workbench.taskDetails;
  await expect(details).toContainText('orphaned');
  await expect(details).toContainText('ended after its strategy had settled');

  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(details).toContainText('#3');
  await expect(details).toContainText('Result waited');
  await expect(details).toContainText('for the event loop before the strategy saw it');
  await page.screenshot({ path: test.info().outputPath('work-times.png'), fullPage: true });
});
