import { expect, test } from '../fixtures/app-test';
import { ScenariosPage } from './pages/scenarios-page';
import { WorkbenchPage } from './pages/workbench-page';

test('runs a built-in scenario: live progress and timeline, then the run summary and latency charts', async ({ page }) => {
  const scenarios = new ScenariosPage(page);
  const workbench = new WorkbenchPage(page);
  await scenarios.openBuiltIn('Sequential await vs Promise.all');
  await expect(page.getByRole('heading', { level: 2, name: 'Sequential await vs Promise.all' })).toBeVisible();
  await expect(page.getByText('What to notice')).toBeVisible();

  await workbench.run();
  await expect(workbench.progress).toBeVisible();
  await expect(workbench.timelineCanvas).toBeVisible();
  await expect(workbench.runStatus).toHaveText('Completed', { timeout: 30_000 });
  await expect(workbench.progress).toHaveAttribute('aria-valuenow', '10');
  await expect(workbench.progress).toHaveAttribute('aria-valuetext', /^10 \/ 10 tasks · .* elapsed$/);

  for (const label of ['Wall time', 'Throughput', 'Latency p50', 'Latency p99', 'Effective concurrency', 'Failures', 'Peak in flight', 'Event-loop delay p99', 'Event-loop delay max', 'CPU']) {
    await expect(workbench.figure(label)).not.toBeEmpty();
  }
  await expect(workbench.figure('Peak in flight')).toContainText('1');
  await expect(workbench.figure('Failures')).toContainText('0');
  await expect(page.getByRole('img', { name: /^Latency histogram of 10 tasks/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Cumulative latency distribution/ })).toBeVisible();
  await expect(page.getByText('No task failed or timed out.')).toBeVisible();
});

test('Promise.all makes its orphaned tasks visible, and the strategy picker shows the code', async ({ page }) => {
  const scenarios = new ScenariosPage(page);
  const workbench = new WorkbenchPage(page);
  await scenarios.openBuiltIn('Promise.all fails fast, Promise.allSettled keeps every result');
  await expect(page.getByText('Starts every task at once and rejects at the first failure')).toBeVisible();
  await page.getByRole('button', { name: 'Show code' }).click();
  await expect(page.getByLabel('Plain TypeScript for Promise.all')).toContainText('Promise.all(tasks.map((task) => task()))');

  await page.keyboard.press('Control+Enter');
  await expect(workbench.runStatus).toHaveText('Completed', { timeout: 30_000 });
  const orphans = page.getByRole('region', { name: /Orphaned tasks/ });
  await expect(orphans).toContainText('still running after the strategy had settled');
  await expect(page.getByRole('region', { name: 'Errors by message' }).getByRole('table')).toBeVisible();
  await orphans.getByRole('button', { name: 'Show the first orphan on the timeline' }).click();
  await expect(page.getByRole('region', { name: 'Task details' })).toContainText(/orphaned/i);
});
