import { expect, test } from '../fixtures/app-test';
import { ScenariosPage } from './pages/scenarios-page';
import { WorkbenchPage } from './pages/workbench-page';

test('runs a built-in scenario: live progress and timeline, then the run summary and latency charts', async ({ page }) => {
  const scenarios = new ScenariosPage(page);
  const workbench = new WorkbenchPage(page);
  await scenarios.openBuiltIn('Sequential await vs Promise.all');
  await expect(workbench.title('Sequential await vs Promise.all')).toBeVisible();
  await expect(workbench.whatToNotice).toBeVisible();

  await workbench.run();
  await expect(workbench.progress).toBeVisible();
  await expect(workbench.timelineCanvas).toBeVisible();
  await expect(workbench.runStatus).toHaveText('Completed', { timeout: 30_000 });
  await expect(workbench.progress).toHaveAttribute('aria-valuenow', '10');
  await expect(workbench.progress).toHaveAttribute('aria-valuetext', /^10 \/ 10 tasks · wall time .+$/);

  for (const label of ['Wall time', 'Throughput', 'Latency p50', 'Latency p99', 'Effective concurrency', 'Failures', 'Peak in flight', 'Event-loop delay p99', 'Event-loop delay max', 'CPU']) {
    await expect(workbench.figure(label)).not.toBeEmpty();
  }
  await expect(workbench.figure('Peak in flight')).toContainText('1');
  await expect(workbench.figure('Failures')).toContainText('0');
  await expect(workbench.chart(/^Latency histogram of 10 tasks/)).toBeVisible();
  await expect(workbench.chart(/^Cumulative latency distribution/)).toBeVisible();
  await expect(workbench.says('No task failed or timed out.')).toBeVisible();
});

test('Promise.all makes its orphaned tasks visible, and the strategy picker shows the code', async ({ page }) => {
  const scenarios = new ScenariosPage(page);
  const workbench = new WorkbenchPage(page);
  await scenarios.openBuiltIn('Promise.all fails fast, Promise.allSettled keeps every result');
  await expect(workbench.says('Starts every task at once and rejects at the first failure')).toBeVisible();
  await workbench.showCode();
  await expect(workbench.code('Promise.all')).toContainText('Promise.all(tasks.map((task) => task()))');

  await page.keyboard.press('Control+Enter');
  await expect(workbench.runStatus).toHaveText('Completed', { timeout: 30_000 });
  await expect(workbench.orphans).toContainText('still running after the strategy had settled');
  await expect(workbench.errorsByMessage.getByRole('table')).toBeVisible();
  await workbench.orphans.getByRole('button', { name: 'Show the first orphan on the timeline' }).click();
  await expect(workbench.taskDetails).toContainText(/orphaned/i);
});
