import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HistoryStore } from '../../../electron/backend/history';
import { callApiFromPage } from '../fixtures/api-from-page';
import { expect, test } from '../fixtures/app-test';
import { WorkbenchPage } from '../explorer/pages/workbench-page';
import { ScenariosPage } from '../explorer/pages/scenarios-page';
import { ComparePage } from './pages/compare-page';
import { HistoryPage } from './pages/history-page';
import { seedSyntheticRuns, syntheticRunExport } from './seed-history';

/** Stores synthetic runs in the test's own history file, which the app has open too (SQLite WAL). */
function seed(dataDir: string, count: number): void {
  const store = HistoryStore.open(join(dataDir, 'history.sqlite'));
  try {
    seedSyntheticRuns(store, count, { tasks: 40, newest: new Date('2025-03-20T12:00:00Z') });
  } finally {
    store.close();
  }
}

const TINY = { version: 1, name: 'Four quick timers', strategy: { type: 'all' }, tasks: [{ kind: 'timer', count: 4, ms: 10 }] };

test('a run made in the workbench appears in the history and opens with its timeline and results', async ({ page }) => {
  const workbench = new WorkbenchPage(page);
  await new ScenariosPage(page).newScenario();
  await workbench.pasteJson(JSON.stringify(TINY));
  await workbench.run();
  await expect(workbench.runStatus).toHaveText('Completed', { timeout: 30_000 });

  const history = new HistoryPage(page);
  await history.show();
  await expect(history.counts).toHaveText('1 run');
  await expect(history.row('Four quick timers')).toContainText('completed');
  await expect(history.row('Four quick timers')).toContainText('all');
  await history.open('Four quick timers');
  await expect(history.openedRun('Four quick timers')).toBeVisible();
  await expect(history.openedRunTimeline).toBeVisible();
  await expect(history.openedRunSummary).toBeVisible();
});

test('filters and sorts on the backend, with the keyboard too', async ({ page, dataDir }) => {
  seed(dataDir, 12);
  const history = new HistoryPage(page);
  await history.show();
  await expect(history.counts).toHaveText('12 runs');
  expect(await history.sortOf('When')).toBe('descending');

  await history.filter('Strategy').selectOption('sequential');
  await expect(history.counts).toHaveText('2 runs match');
  await expect(history.strategyCells).toHaveText(['sequential', 'sequential']);
  await history.filter('Strategy').selectOption('');
  await history.filter('Status').selectOption('cancelled');
  await expect(history.counts).toHaveText('1 run matches');
  await history.clearFilters();
  await history.filter('Search').fill('after the fix');
  await expect(history.counts).toHaveText('2 runs match');
  await history.filter('Search').fill('');
  await history.filter('Tag').fill('nightly');
  await expect(history.counts).toHaveText('3 runs match');
  await history.clearFilters();
  await expect(history.counts).toHaveText('12 runs');

  await history.sortBy('Wall time');
  expect(await history.sortOf('Wall time')).toBe('descending');
  const wallTimes = await history.column(4).allInnerTexts();
  expect(wallTimes).toHaveLength(12);
  expect(wallTimes.at(-1)).toBe('—');
  await history.columnHeader('Run · scenario').getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(history.columnHeader('Run · scenario')).toHaveAttribute('aria-sort', 'ascending');
  await history.settled();
  const names = await history.names();
  // SQLite's NOCASE order: ASCII letters without case, everything else by code point.
  expect(names).toEqual([...names].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0)));

  // Arrow keys move between rows.
  await history.rows.first().getByRole('checkbox').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(history.rows.nth(1).getByRole('checkbox')).toBeChecked();
});

test('ticks two runs and compares them: ratios to a baseline that can change, overlaid charts, timelines on one axis', async ({ page, dataDir }) => {
  seed(dataDir, 4);
  const history = new HistoryPage(page);
  await history.show();
  const [first, second] = await history.names();
  await history.selectAt(0);
  await history.selectAt(1);
  await expect(history.counts).toContainText('2 selected');
  await history.compareButton.click();

  const compare = new ComparePage(page);
  await expect(compare.comparison).toBeVisible();
  await expect(compare.baselines).toHaveCount(2);
  await expect(compare.metrics.getByRole('columnheader')).toContainText([`${first}`, `${second}`]);
  await expect(compare.metric('wall time')).toContainText(/\d(\.\d)?x/);
  await expect(compare.metric('wall time')).toContainText(/faster|slower|same/);
  await expect(compare.chart(/^Latency CDF/)).toBeVisible();
  await expect(compare.chart(/^In flight over time/)).toBeVisible();
  await expect(compare.timelines).toHaveCount(2);

  const ratioBefore = await compare.ratio('wall time').innerText();
  await compare.baselines.nth(1).check();
  await expect(compare.metrics.getByRole('columnheader').nth(1)).toContainText(second!);
  await expect(compare.ratio('wall time')).not.toHaveText(ratioBefore);

  // One shared time axis: zooming one timeline moves the other.
  const toolbars = compare.timelineToolbars;
  await toolbars.nth(0).getByRole('button', { name: 'Zoom in' }).click();
  await expect(toolbars.nth(0)).not.toContainText('0 ms –');
  await expect(toolbars.nth(1)).toHaveText(await toolbars.nth(0).innerText());
});

test('deletes runs after a confirmation and Undo puts them back', async ({ page, dataDir }) => {
  seed(dataDir, 5);
  const history = new HistoryPage(page);
  await history.show();
  await history.selectAt(0);
  await history.selectAt(2);
  await history.deleteSelected();
  await expect(history.counts).toHaveText('3 runs');
  await expect(history.deletedNote('Deleted 2 runs.')).toBeVisible();
  await history.undo();
  await expect(history.counts).toHaveText('5 runs');
  expect((await callApiFromPage(page, 'history.list', {})).ok).toBe(true);
});

test('imports a good file, refuses a bad one listing every problem and storing nothing of it', async ({ page }) => {
  const history = new HistoryPage(page);
  await history.show();
  const good = syntheticRunExport(1, { tasks: 10, createdAt: '2025-03-01T10:00:00.000Z' });
  const bad = { ...good, run: { ...good.run, status: 'exploded', wallMs: 'slow' } };
  await history.importFiles([{ name: 'bad-run.json', text: JSON.stringify(bad) }]);
  await expect(history.importProblems).toContainText('bad-run.json');
  await expect(history.importProblems.getByRole('list', { name: 'Problems in bad-run.json' }).getByRole('listitem')).toHaveCount(2);
  await expect(history.importProblems).toContainText('run.status');
  await expect(history.importProblems).toContainText('run.wallMs');
  await expect(history.empty).toBeVisible();

  await history.importFiles([{ name: 'good-run.json', text: JSON.stringify(good) }]);
  await expect(history.importProblems).toHaveCount(0);
  await expect(history.notice).toContainText('Imported 1 run from good-run.json');
  await expect(history.counts).toHaveText('1 run');

  await history.dropFiles([{ name: 'dropped.json', text: JSON.stringify(good) }, { name: 'not-json.json', text: '{ nope' }]);
  await expect(history.counts).toHaveText('2 runs');
  await expect(history.importProblems).toContainText('not-json.json');
});

test('a run exported as JSON imports back as the same run', async ({ page, dataDir, appKind }) => {
  test.skip(appKind === 'electron', 'The desktop app exports through a native Save dialog, which a test cannot drive');
  seed(dataDir, 1);
  const history = new HistoryPage(page);
  await history.show();
  const [name] = await history.names();
  await history.open(name!);
  await history.row(name!).waitFor({ state: 'detached' });
  const download = page.waitForEvent('download');
  await history.exportOpened('JSON');
  const file = await download;
  const text = await readFile((await file.path())!, 'utf8');
  expect(file.suggestedFilename()).toMatch(/\.json$/);

  await history.backToHistory();
  await history.importFiles([{ name: file.suggestedFilename(), text }]);
  await expect(history.counts).toHaveText('2 runs');
  const listed = await callApiFromPage(page, 'history.list', { sort: 'createdAt' });
  const ids = listed.ok ? (listed.result as { runs: { id: number }[] }).runs.map((r) => r.id) : [];
  const [a, b] = await Promise.all(ids.map(async (id) => {
    const response = await callApiFromPage(page, 'history.get', { id });
    const { id: _id, ...run } = (response.ok ? response.result : {}) as Record<string, unknown>;
    return run;
  }));
  expect(a).toEqual(b);
});

test('renames a run and gives it notes and tags', async ({ page, dataDir }) => {
  seed(dataDir, 2);
  const history = new HistoryPage(page);
  await history.show();
  const [name] = await history.names();
  await history.open(name!);
  await history.details.getByLabel('Name').fill('Renamed run');
  await history.details.getByLabel('Tags').fill('release, checked');
  await history.details.getByLabel('Notes').fill('Slower than last week');
  await history.saveDetails();
  await expect(history.runHeading('Renamed run')).toBeVisible();
  await history.backToHistory();
  await expect(history.row('Renamed run')).toContainText('release');
  await history.filter('Search').fill('slower than last');
  await expect(history.counts).toHaveText('1 run matches');
});

test('a run cancelled before its end is compared with a warning and no faster/slower verdicts', async ({ page }) => {
  test.setTimeout(90_000);
  const workbench = new WorkbenchPage(page);
  const scenarios = new ScenariosPage(page);
  await scenarios.newScenario();
  await workbench.pasteJson(JSON.stringify({ version: 1, name: 'Quick timers', strategy: { type: 'all' }, tasks: [{ kind: 'timer', count: 8, ms: 20 }] }));
  await workbench.run();
  await expect(workbench.runStatus).toHaveText('Completed', { timeout: 30_000 });
  await workbench.pasteJson(JSON.stringify({ version: 1, name: 'Cut short', strategy: { type: 'sequential' }, tasks: [{ kind: 'timer', count: 40, ms: 300 }] }));
  await workbench.run();
  await expect(workbench.progress).toHaveAttribute('aria-valuetext', /^[1-9]\d* \/ 40 tasks/, { timeout: 15_000 });
  await workbench.cancelButton.click();
  await expect(workbench.runStatus).toHaveText('Cancelled', { timeout: 5_000 });

  const history = new HistoryPage(page);
  await history.show();
  await history.select('Quick timers');
  await history.select('Cut short');
  await history.compareButton.click();
  const compare = new ComparePage(page);
  await expect(compare.comparison).toBeVisible();
  // Every compared run shows its status; the incomplete one is named in a warning and judged nowhere.
  await expect(compare.baseline('Quick timers').locator('xpath=..')).toContainText('completed');
  await expect(compare.baseline('Cut short').locator('xpath=..')).toContainText('cancelled');
  await expect(compare.comparison.getByRole('note')).toContainText('Cut short');
  await expect(compare.comparison.getByRole('note')).toContainText('no faster or slower verdicts');
  await expect(compare.metrics).not.toContainText(/faster|slower/);
  await expect(compare.metric('wall time')).toContainText('no verdict: incomplete run');
  await expect(compare.comparison).toContainText('±5%');
});
