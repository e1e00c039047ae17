import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_CLI } from '../../fixtures/built-app';
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

test("a run of a scenario file runs again from History from the file's folder, and says so when the folder has gone", async ({ page, dataDir }) => {
  test.setTimeout(90_000);
  const folder = join(dataDir, 'own code');
  mkdirSync(folder);
  const marker = join(dataDir, 'called');
  writeFileSync(join(folder, 'task.mjs'), "import { appendFileSync } from 'node:fs';\nexport default async ({ index, args }) => appendFileSync(args.marker, `${index}\\n`);\n");
  const file = join(folder, 'own.json');
  writeFileSync(file, JSON.stringify({ version: 1, name: 'Own module', strategy: { type: 'all' }, tasks: [{ kind: 'module', count: 2, path: './task.mjs', args: { marker } }] }));
  // Recorded by the CLI, from somewhere else than the file's folder: the history keeps the folder with the run.
  execFileSync(process.execPath, [BUILT_CLI, 'run', file, '--allow-exec', '--json', '--db', join(dataDir, 'history.sqlite')], { cwd: dataDir });
  expect(readFileSync(marker, 'utf8').trim().split('\n').sort()).toEqual(['0', '1']);

  const history = new HistoryPage(page);
  const workbench = new WorkbenchPage(page);
  await history.show();
  await history.open('Own module');
  await expect(page.getByRole('region', { name: 'Run Own module' })).toContainText(`from ${folder}`);
  await page.getByRole('button', { name: 'Run again' }).click();
  const dialog = page.getByRole('dialog', { name: /Own module/ });
  await expect(dialog).toContainText(`runs the code of ${join(folder, 'task.mjs')}`);
  await dialog.getByRole('button', { name: 'Run' }).click();
  await expect(workbench.runStatus).toHaveText('Completed', { timeout: 30_000 });
  expect(readFileSync(marker, 'utf8').trim().split('\n')).toHaveLength(4);

  renameSync(folder, join(dataDir, 'moved'));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'History' }).click();
  await page.getByRole('button', { name: 'Back to history' }).click();
  await expect(history.counts).toHaveText('2 runs');
  await page.getByRole('button', { name: 'Open run Own module #1', exact: true }).click();
  await page.getByRole('button', { name: 'Run again' }).click();
  await expect(workbench.runRegion).toContainText(`The scenario's folder ${folder} no longer exists, and tasks[0].path "./task.mjs" starts there`, { timeout: 30_000 });
  expect(readFileSync(marker, 'utf8').trim().split('\n')).toHaveLength(4);
});
