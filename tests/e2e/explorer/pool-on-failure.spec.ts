import { expect, test } from '../fixtures/app-test';
import { ScenariosPage } from './pages/scenarios-page';
import { WorkbenchPage } from './pages/workbench-page';

/** Twenty timers through a pool of four, about a third failing (seeded): a pool that meets failures. */
const FAILING_POOL = {
  version: 1,
  name: 'Failing pool',
  strategy: { type: 'pool', concurrency: 4 },
  options: { seed: 5 },
  tasks: [{ kind: 'timer', count: 20, ms: 30, jitterMs: 30, failRate: 0.3 }],
};

test('a pool that continues runs every task and waits for all; stop-slot orphans are explained as the pool that ran', async ({ page }) => {
  const workbench = new WorkbenchPage(page);
  await new ScenariosPage(page).newScenario();
  await workbench.pasteJson(JSON.stringify(FAILING_POOL));
  await workbench.run();
  await expect(workbench.runStatus).toHaveText('Completed', { timeout: 30_000 });
  const orphans = page.getByRole('region', { name: /Orphaned tasks/ });
  await expect(orphans).toContainText('With pool:4 (worker loops under Promise.all');
  await expect(orphans).not.toContainText('With Promise.all');

  await workbench.showTab('Form');
  await workbench.editor.getByLabel('When a task fails').selectOption('continue');
  await expect(workbench.editor.getByText(/Every task runs and the pool waits for all of them/)).toBeVisible();
  await workbench.editor.getByRole('button', { name: 'Show code' }).click();
  const code = workbench.editor.getByLabel(/^Plain TypeScript for Bounded pool/);
  await expect(code).toContainText('pLimit(4)');
  await expect(code).toContainText('Promise.allSettled(tasks.map((task) => limit(task)))');

  await workbench.run();
  await expect(workbench.runStatus).toHaveText('Completed', { timeout: 30_000 });
  await expect(orphans).toHaveCount(0);
  await page.getByRole('region', { name: 'Timeline' }).getByRole('button', { name: 'Show task table' }).click();
  const filters = page.getByRole('search', { name: 'Filter the tasks' });
  await filters.getByLabel('Status').selectOption('ok');
  const ok = Number((await page.locator('.task-table .count').textContent())?.split(' ')[0]);
  await filters.getByLabel('Status').selectOption('error');
  const failed = Number((await page.locator('.task-table .count').textContent())?.split(' ')[0]);
  expect(failed).toBeGreaterThan(0);
  expect(ok + failed).toBe(20);
});
