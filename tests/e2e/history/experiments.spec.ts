import { expect, test } from '../fixtures/app-test';
import { ExperimentPanel } from '../explorer/pages/experiment-panel';
import { ScenariosPage } from '../explorer/pages/scenarios-page';
import { WorkbenchPage } from '../explorer/pages/workbench-page';
import { ComparePage } from './pages/compare-page';
import { HistoryPage } from './pages/history-page';

/** Each run of an experiment starts an engine process: the scenario is kept tiny. */
const SIX_TIMERS = { version: 1, name: 'Six timers', strategy: { type: 'all' }, tasks: [{ kind: 'timer', count: 6, ms: 20 }] };
const EXPERIMENT_TIMEOUT_MS = 45_000;

async function openExperimentPanel(page: ExperimentPanel['page']): Promise<ExperimentPanel> {
  await new ScenariosPage(page).newScenario();
  await new WorkbenchPage(page).pasteJson(JSON.stringify(SIX_TIMERS));
  const panel = new ExperimentPanel(page);
  await panel.open();
  return panel;
}

test('a strategy matrix from the workbench lands in the comparison of its runs', async ({ page }) => {
  test.setTimeout(90_000);
  const panel = await openExperimentPanel(page);
  await panel.choose('Strategy matrix');
  const kinds = panel.strategies;
  await expect(kinds.getByRole('checkbox', { checked: true })).toHaveCount(3);
  await kinds.getByRole('checkbox', { name: 'Bounded pool' }).uncheck();
  await kinds.getByRole('checkbox', { name: 'Batches' }).check();
  await kinds.getByLabel('Batch size for Batches').fill('2');
  await expect(panel.plan('3 runs, one after another')).toBeVisible();
  await panel.run();

  const compare = new ComparePage(page);
  await expect(compare.comparison).toBeVisible({ timeout: EXPERIMENT_TIMEOUT_MS });
  await expect(compare.baselines).toHaveCount(3);
  await expect(compare.metrics.getByRole('columnheader')).toContainText(['Six timers (sequential)', 'Six timers (all)', 'Six timers (batch:2)']);
  await expect(compare.metric('wall time')).toContainText(/faster/);
  await expect(compare.timelines).toHaveCount(3);

  const history = new HistoryPage(page);
  await history.show();
  await expect(history.counts).toHaveText('3 runs');
  await history.openExperiment('Six timers (all)', 'Matrix of 3');
  await expect(panel.opened('Matrix of 3: Six timers')).toBeVisible();
});

test('a matrix runs two pool sizes, the first the scenario\'s own, and a sweep takes a list that stops at the task count', async ({ page }) => {
  test.setTimeout(90_000);
  await new ScenariosPage(page).newScenario();
  await new WorkbenchPage(page).pasteJson(JSON.stringify({ ...SIX_TIMERS, strategy: { type: 'pool', concurrency: 2 } }));
  await page.getByRole('button', { name: 'Set up an experiment' }).click();
  await page.getByRole('radio', { name: /^Concurrency sweep/ }).check();
  await page.getByRole('radio', { name: 'A list' }).check();
  await page.getByRole('textbox', { name: /^Pool sizes/ }).fill('5, 10, 20, 40');
  await expect(page.getByText('A pool at 5, 6')).toBeVisible();

  await page.getByRole('radio', { name: /^Strategy matrix/ }).check();
  const kinds = page.getByRole('group', { name: 'Strategies, in this order' });
  await kinds.getByRole('checkbox', { name: 'Sequential' }).uncheck();
  await kinds.getByRole('checkbox', { name: 'Promise.all', exact: true }).uncheck();
  await expect(kinds.getByLabel('Concurrency for Bounded pool', { exact: true })).toHaveAttribute('placeholder', '2');
  await kinds.getByRole('button', { name: 'Add another Bounded pool' }).click();
  await kinds.getByLabel('Concurrency for Bounded pool 2', { exact: true }).fill('6');
  await expect(page.getByText('2 runs, one after another')).toBeVisible();
  await page.getByRole('button', { name: 'Run experiment' }).click();

  const compare = new ComparePage(page);
  await expect(compare.comparison).toBeVisible({ timeout: EXPERIMENT_TIMEOUT_MS });
  await expect(compare.metrics.getByRole('columnheader')).toContainText(['Six timers (pool:2)', 'Six timers (pool:6)']);
});

test('a concurrency sweep from the workbench charts throughput and p99 by pool size and reopens from the history', async ({ page }) => {
  test.setTimeout(90_000);
  const panel = await openExperimentPanel(page);
  await panel.choose('Concurrency sweep');
  await panel.maxConcurrency.fill('4');
  await expect(panel.plan('A pool at 1, 2, 4')).toBeVisible();
  await panel.run();
  await expect(panel.progress.or(panel.result)).toBeVisible();

  const result = panel.result;
  await expect(result).toBeVisible({ timeout: EXPERIMENT_TIMEOUT_MS });
  const points = panel.sweepPoints;
  await expect(points.getByRole('row')).toHaveCount(4);
  await expect(points.getByRole('cell').filter({ hasText: /^\d+$/ })).toHaveText(['1', '2', '4']);
  await expect(result.getByRole('img', { name: /^Sweep chart: throughput and p99 latency at concurrency 1, 2, 4/ })).toBeVisible();

  await result.getByRole('button', { name: 'Open in History' }).click();
  const reopened = panel.opened('Sweep to pool:4: Six timers');
  await expect(reopened.getByRole('table', { name: 'Sweep points' }).getByRole('row')).toHaveCount(4);
  await expect(reopened.getByRole('table', { name: 'Experiment runs' })).toContainText('Six timers (pool:4)');
});

test('a repeat reports mean, SD and 95% CI of wall time and throughput, and can be cancelled', async ({ page }) => {
  test.setTimeout(90_000);
  const panel = await openExperimentPanel(page);
  await panel.countedRuns.fill('2');
  await panel.warmupRuns.fill('0');
  await panel.run();
  const result = panel.result;
  const stats = panel.repeatStats;
  await expect(stats.getByRole('row', { name: /^Wall time/ })).toContainText('±', { timeout: EXPERIMENT_TIMEOUT_MS });
  await expect(stats.getByRole('row', { name: /^Throughput/ })).toContainText('/s');
  // Every compared metric, not only wall time and throughput, with its range and spread.
  await expect(stats.getByRole('row', { name: /^Latency p99/ })).toContainText('±');
  await expect(stats.getByRole('columnheader')).toContainText(['Measure', 'Mean ± 95% CI', 'Min', 'Median', 'Max', 'CV', 'Runs']);

  await panel.countedRuns.fill('50');
  await panel.run();
  await panel.cancel();
  await expect(result).toContainText('cancelled', { timeout: EXPERIMENT_TIMEOUT_MS });
  await expect(panel.cancelledNote).toBeVisible();
});

test('an experiment still going after a reload is shown as a whole, cancelled as a whole, and opened', async ({ page }) => {
  test.setTimeout(90_000);
  const panel = await openExperimentPanel(page);
  await panel.countedRuns.fill('50');
  await panel.warmupRuns.fill('0');
  await panel.run();
  await expect(panel.progress).toBeVisible();

  await page.reload();
  const workbench = new WorkbenchPage(page);
  const underWay = workbench.runsUnderWay;
  await expect(underWay).toContainText('Repeat x50: Six timers');
  await expect(underWay).toContainText(/run \d+ of 50/);
  await workbench.underWayButton('Cancel the experiment Repeat x50: Six timers').click();
  await expect(underWay).toContainText('Cancelled', { timeout: EXPERIMENT_TIMEOUT_MS });
  await expect(underWay.getByRole('button', { name: /^Cancel/ })).toHaveCount(0);
  await workbench.underWayButton('Open the experiment Repeat x50: Six timers in History').click();
  await expect(panel.opened('Repeat x50: Six timers')).toBeVisible();
});

test('Ctrl+Enter starts no run while an experiment runs, as the disabled Run button says', async ({ page }) => {
  test.setTimeout(90_000);
  await openExperimentPanel(page);
  await page.getByRole('radio', { name: /^Repeat/ }).check();
  await page.getByLabel('Counted runs').fill('3');
  await page.getByLabel(/^Warm-up runs/).fill('0');
  await page.getByRole('button', { name: 'Run experiment' }).click();
  const workbench = new WorkbenchPage(page);
  await expect(page.getByRole('progressbar', { name: 'Experiment progress' })).toBeVisible();
  await expect(workbench.runButton).toBeDisabled();
  await expect(workbench.runRegion).toContainText('An experiment is running');
  await page.keyboard.press('Control+Enter');
  await expect(workbench.runStatus).toHaveText('Not run yet');

  await expect(page.getByRole('progressbar', { name: 'Experiment progress' })).toBeHidden({ timeout: EXPERIMENT_TIMEOUT_MS });
  const history = new HistoryPage(page);
  await history.show();
  // Only the experiment's own runs were recorded.
  expect((await history.names()).every((name) => /\(repeat \d+\/\d+\)/.test(name))).toBe(true);
});
