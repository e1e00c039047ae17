import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { expect, test } from '../fixtures/app-test';
import { ScenariosPage } from './pages/scenarios-page';
import { WorkbenchPage } from './pages/workbench-page';

/** A file that looks harmless by its name but runs a program that leaves a mark where the test can see it. */
function justTimers(marker: string, count = 1): string {
  return JSON.stringify({
    version: 1,
    name: 'Just timers',
    strategy: { type: 'sequential' },
    tasks: [
      { kind: 'timer', count: 2, ms: 5 },
      { kind: 'spawn', count, command: 'sh', args: ['-c', `touch '${marker}'`] },
    ],
  });
}

test('a scenario file that runs a program asks first, lists the command, and runs nothing on Cancel or Escape', async ({ page, dataDir }) => {
  const scenarios = new ScenariosPage(page);
  const workbench = new WorkbenchPage(page);
  const marker = join(dataDir, 'ran');
  await scenarios.openFile('just-timers.json', justTimers(marker));

  const marked = workbench.editor.getByRole('note', { name: 'Runs programs' });
  await expect(marked).toContainText('tasks[1]');
  await expect(marked).toContainText(`sh -c 'touch '\\''${marker}'\\'''`);

  await workbench.runButton.click();
  const dialog = page.getByRole('dialog', { name: 'Run programs from “Just timers”?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'What it will execute' }).getByRole('listitem')).toHaveCount(1);
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Run' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Run' })).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await workbench.runButton.click();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(workbench.runStatus).toHaveText('Not run yet');
  expect(existsSync(marker)).toBe(false);

  await workbench.runButton.click();
  await dialog.getByRole('button', { name: 'Run' }).click();
  await expect(workbench.runStatus).toHaveText('Completed');
  expect(existsSync(marker)).toBe(true);

  await workbench.runButton.click();
  await expect(workbench.runStatus).toHaveText('Completed');
  await expect(dialog).toHaveCount(0);

  await scenarios.show();
  await scenarios.openFile('just-timers.json', justTimers(marker, 2));
  await workbench.runButton.click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
});

test('a built-in scenario and one written in the app never ask', async ({ page }) => {
  const scenarios = new ScenariosPage(page);
  const workbench = new WorkbenchPage(page);
  await scenarios.newScenario();
  await workbench.pasteJson(JSON.stringify({ version: 1, name: 'Mine', strategy: { type: 'sequential' }, tasks: [{ kind: 'spawn', count: 1, command: 'true' }] }));
  await expect(workbench.editor.getByRole('note', { name: 'Runs programs' })).toHaveCount(0);
  await workbench.runButton.click();
  await expect(workbench.runStatus).toHaveText('Completed');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('an experiment of a scenario file that runs a program asks first too', async ({ page, dataDir }) => {
  const scenarios = new ScenariosPage(page);
  const marker = join(dataDir, 'ran-in-experiment');
  await scenarios.openFile('just-timers.json', justTimers(marker));
  await page.getByRole('button', { name: 'Set up an experiment' }).click();
  await page.getByRole('button', { name: 'Run experiment' }).click();
  const dialog = page.getByRole('dialog', { name: 'Run programs from “Just timers”?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Run experiment' })).toBeEnabled();
  expect(existsSync(marker)).toBe(false);
});

test('a file with your own module: marked and asked for like a program; picked in a browser page it has no folder, so its relative path is refused by name', async ({ page }) => {
  const scenarios = new ScenariosPage(page);
  const workbench = new WorkbenchPage(page);
  const own = { version: 1, name: 'Own code', strategy: { type: 'structured' }, tasks: [{ kind: 'module', count: 2, path: './fetch-user.mjs', args: { userId: 42 } }] };
  await scenarios.openFile('own-code.json', JSON.stringify(own));

  const marked = workbench.editor.getByRole('note', { name: 'Runs programs' });
  await expect(marked).toContainText('runs the code of ./fetch-user.mjs');
  await workbench.showTab('Form');
  await expect(workbench.editor.getByLabel('Module file')).toHaveValue('./fetch-user.mjs');
  await expect(workbench.editor.getByLabel('Arguments')).toHaveValue('{"userId":42}');
  // The browser host has no Open dialog: the path stays a checked text box, with no "Choose…".
  await expect(workbench.editor.getByRole('button', { name: /^Choose the file/ })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('own-module-form.png'), fullPage: true });

  await workbench.runButton.click();
  const dialog = page.getByRole('dialog', { name: 'Run programs from “Own code”?' });
  await expect(dialog).toContainText('run code or read files');
  await dialog.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'tasks[0].path' })).toContainText(`"./fetch-user.mjs" is relative to the scenario's file, and this scenario has no file`);
});
