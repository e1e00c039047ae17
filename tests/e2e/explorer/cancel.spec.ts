import { expect, test } from '../fixtures/app-test';
import { HistoryPage } from '../history/pages/history-page';
import { ScenariosPage } from './pages/scenarios-page';
import { WorkbenchPage } from './pages/workbench-page';

const SLOW = {
  version: 1,
  name: 'Slow timers',
  strategy: { type: 'sequential' },
  tasks: [{ kind: 'timer', count: 60, ms: 500 }],
};

test('Cancel stops a run, which then shows as Cancelled', async ({ page }) => {
  const workbench = new WorkbenchPage(page);
  await new ScenariosPage(page).newScenario();
  await workbench.pasteJson(JSON.stringify(SLOW));
  await workbench.run();
  await expect(workbench.runStatus).toHaveText('Running');
  await expect(workbench.progress).toHaveAttribute('aria-valuetext', /^[1-9]\d* \/ 60 tasks/, { timeout: 15_000 });
  await workbench.cancelButton.click();
  await expect(workbench.runStatus).toHaveText('Cancelled', { timeout: 5_000 });
  await expect(workbench.cancelButton).toBeDisabled();
  await expect(workbench.runButton).toBeEnabled();

  // It looks cancelled: what was done and what was cancelled, and the bar stops where the work stopped.
  await expect(workbench.runRegion).toContainText(/\b\d+ of 60 done, \d+ cancelled/);
  const text = (await workbench.progress.getAttribute('aria-valuetext')) ?? '';
  const [, done, cancelled] = /^(\d+) of 60 done, (\d+) cancelled/.exec(text) ?? [];
  expect(Number(done) + Number(cancelled)).toBe(60);
  expect(Number(done)).toBeLessThan(60);
  await expect(workbench.progress).toHaveAttribute('aria-valuenow', String(Number(done)));
  await expect(workbench.runRegion).not.toContainText('60 / 60');
});

test('Escape cancels the run from the keyboard', async ({ page }) => {
  const workbench = new WorkbenchPage(page);
  await new ScenariosPage(page).newScenario();
  await workbench.pasteJson(JSON.stringify(SLOW));
  await page.keyboard.press('Control+Enter');
  await expect(workbench.runStatus).toHaveText('Running');
  await page.keyboard.press('Escape');
  await expect(workbench.runStatus).toHaveText('Cancelled', { timeout: 5_000 });
});

test('a run still going after a reload is listed with its progress and can be cancelled, then opened', async ({ page }) => {
  const workbench = new WorkbenchPage(page);
  await new ScenariosPage(page).newScenario();
  await workbench.pasteJson(JSON.stringify(SLOW));
  await workbench.run();
  await expect(workbench.progress).toHaveAttribute('aria-valuetext', /^[1-9]\d* \/ 60 tasks/, { timeout: 15_000 });

  await page.reload();
  const underWay = workbench.runsUnderWay;
  await expect(underWay).toContainText('Slow timers');
  await expect(underWay).toContainText(/Running.*\/ 60 tasks/);
  await workbench.underWayButton('Cancel Slow timers').click();
  await expect(underWay).toContainText('Cancelled', { timeout: 5_000 });
  await workbench.underWayButton('Open Slow timers in History').click();
  await expect(new HistoryPage(page).runHeading('Slow timers')).toBeVisible();
  await workbench.underWayButton('Dismiss Slow timers').click();
  await expect(underWay).toHaveCount(0);
});
