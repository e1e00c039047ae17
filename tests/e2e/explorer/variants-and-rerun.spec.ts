import { expect, test } from '../fixtures/app-test';
import { ComparePage } from '../history/pages/compare-page';
import { HistoryPage } from '../history/pages/history-page';
import { ScenariosPage } from './pages/scenarios-page';
import { WorkbenchPage } from './pages/workbench-page';

const TITLE = 'Sequential await vs Promise.all';

test('each variant keeps its latest result, and "Run all variants" runs them as one experiment that opens their comparison', async ({ page }) => {
  test.setTimeout(90_000);
  const workbench = new WorkbenchPage(page);
  await new ScenariosPage(page).openBuiltIn(TITLE);
  const variants = page.getByRole('group', { name: 'Variants' });
  await variants.getByRole('button', { name: 'Promise.all' }).click();
  await workbench.run();
  await expect(workbench.runStatus).toHaveText('Completed', { timeout: 30_000 });
  const results = page.getByRole('region', { name: 'Results' });
  await expect(results).toBeVisible();

  await variants.getByRole('button', { name: 'sequential' }).click();
  await expect(results).toHaveCount(0);
  await variants.getByRole('button', { name: 'Promise.all' }).click();
  await expect(results).toBeVisible();
  await expect(workbench.runStatus).toHaveText('Completed');

  await variants.getByRole('button', { name: 'Run all 2 variants' }).click();
  const compare = new ComparePage(page);
  await expect(compare.comparison).toBeVisible({ timeout: 45_000 });
  await expect(compare.metrics.getByRole('columnheader')).toContainText(['Ten timers — sequential', 'Ten timers — Promise.all']);
  await expect(compare.metric('wall time')).toContainText(/faster/);
});

test('a run opened in History runs again as a new run of its exact scenario', async ({ page }) => {
  const workbench = new WorkbenchPage(page);
  await new ScenariosPage(page).newScenario();
  await workbench.pasteJson(JSON.stringify({ version: 1, name: 'Once more', strategy: { type: 'pool', concurrency: 3, onFailure: 'continue' }, tasks: [{ kind: 'timer', count: 6, ms: 10 }] }));
  await workbench.run();
  await expect(workbench.runStatus).toHaveText('Completed', { timeout: 30_000 });

  const history = new HistoryPage(page);
  await history.show();
  await history.open('Once more');
  await page.getByRole('button', { name: 'Run again' }).click();
  await expect(page.getByRole('heading', { name: 'Once more', level: 2 })).toBeVisible();
  await expect(workbench.runStatus).toHaveText('Completed', { timeout: 30_000 });
  await workbench.showTab('JSON');
  await expect(workbench.jsonBox).toContainText('"onFailure": "continue"');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'History' }).click();
  await page.getByRole('button', { name: 'Back to history' }).click();
  await expect(history.counts).toHaveText('2 runs');
});
