import { expect, test } from '../fixtures/app-test';
import { ScenariosPage } from './pages/scenarios-page';
import { WorkbenchPage } from './pages/workbench-page';

const PASTED = {
  version: 1,
  name: 'Pasted: twelve timers, pool of three',
  strategy: { type: 'pool', concurrency: 3 },
  tasks: [{ kind: 'timer', count: 12, ms: 30 }],
};

test('a scenario pasted into "Scenario JSON" fills the form and runs', async ({ page }) => {
  const workbench = new WorkbenchPage(page);
  await new ScenariosPage(page).newScenario();
  await workbench.pasteJson(JSON.stringify(PASTED, null, 2));
  await expect(workbench.jsonProblems).toHaveCount(0);

  await workbench.showTab('Form');
  await expect(workbench.field('Name')).toHaveValue(PASTED.name);
  await expect(workbench.strategy).toHaveValue('pool');
  await expect(workbench.field('Concurrency')).toHaveValue('3');

  await workbench.run();
  await expect(workbench.runStatus).toHaveText('Completed', { timeout: 30_000 });
  await expect(workbench.figure('Wall time')).toContainText('12 tasks');
  await expect(workbench.figure('Peak in flight')).toContainText('3');
});

test('invalid JSON is reported in place and kept exactly as typed', async ({ page }) => {
  const workbench = new WorkbenchPage(page);
  await new ScenariosPage(page).newScenario();
  const broken = '{ "version": 1, "name": "half-typed", "tasks": [';
  await workbench.pasteJson(broken);
  await expect(workbench.jsonProblems).toContainText('is not valid JSON');
  await expect(workbench.jsonBox).toHaveText(broken);
  await expect(workbench.jsonBox).toHaveAttribute('aria-invalid', 'true');
  await expect(workbench.runButton).toBeDisabled();

  await workbench.showTab('Form');
  await expect(workbench.formNote).toContainText('read-only');
  await workbench.showTab('JSON');
  await expect(workbench.jsonBox).toHaveText(broken);
});

test('invalid fields show every error at the field, keep the input, and block Run', async ({ page }) => {
  const workbench = new WorkbenchPage(page);
  await new ScenariosPage(page).newScenario();
  const count = workbench.field('Count');
  const duration = workbench.field('Duration');
  await count.fill('-4');
  await duration.fill('abc');
  await expect(count).toHaveValue('-4');
  await expect(count).toHaveAttribute('aria-invalid', 'true');
  await expect(count).toHaveAccessibleDescription(/must be a whole number >= 1, got -4/);
  await expect(duration).toHaveAccessibleDescription(/must be a number of milliseconds >= 0, got "abc"/);
  await expect(workbench.runButton).toBeDisabled();
  await expect(workbench.runRegion).toContainText('Fix the 2 problems in the editor to run this scenario.');
  await expect(workbench.editor.getByRole('tab', { name: /JSON/ })).toContainText('2');

  await workbench.showTab('JSON');
  await expect(workbench.jsonProblems).toContainText('tasks[0].count');
  await expect(workbench.jsonProblems).toContainText('tasks[0].ms');
  await workbench.showTab('Form');
  await count.fill('8');
  await duration.fill('20');
  await expect(workbench.runButton).toBeEnabled();
});

test('a scenario file opened from disk lands in the workbench under its name and runs; a broken one keeps its text', async ({ page }) => {
  const scenarios = new ScenariosPage(page);
  const workbench = new WorkbenchPage(page);
  await scenarios.openFile('twelve-timers.json', JSON.stringify(PASTED, null, 2));
  await expect(workbench.title('twelve-timers.json')).toBeVisible();
  await expect(workbench.field('Concurrency')).toHaveValue('3');
  await workbench.run();
  await expect(workbench.runStatus).toHaveText('Completed', { timeout: 30_000 });

  await scenarios.show();
  const broken = '{ "version": 1, "name": "cut short';
  await scenarios.openFile('cut-short.json', broken);
  await expect(workbench.title('cut-short.json')).toBeVisible();
  await expect(workbench.jsonBox).toHaveText(broken);
  await expect(workbench.jsonProblems).toContainText('is not valid JSON');
  await expect(workbench.runButton).toBeDisabled();
});

test('the JSON editor numbers lines, marks a problem where it is, suggests the field meant and completes from the schema', async ({ page }) => {
  const workbench = new WorkbenchPage(page);
  await new ScenariosPage(page).newScenario();
  const typo = { ...PASTED, strategy: { type: 'pool', concurency: 3 } };
  await workbench.pasteJson(JSON.stringify(typo, null, 2));
  await expect(workbench.jsonProblems).toContainText('has unknown field "concurency" (did you mean "concurrency"?)');
  await expect(workbench.jsonBox).toHaveAttribute('aria-invalid', 'true');
  // Marked in the text at the unknown name itself, with line numbers beside it.
  await expect(workbench.editor.locator('.cm-lintRange-error', { hasText: 'concurency' })).toBeVisible();
  await expect(workbench.editor.locator('.cm-lineNumbers .cm-gutterElement', { hasText: /^6$/ })).toBeVisible();

  // Completion offers the strategy's own fields where a name is typed.
  await workbench.editor.locator('.cm-lintRange-error', { hasText: 'concurency' }).click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await page.keyboard.press('Delete');
  await page.keyboard.type('"concu');
  const completions = workbench.editor.getByRole('listbox');
  // Picked from the list (CodeMirror ignores Enter for a moment after the list changes, so a fast typist
  // does not accept by accident).
  await completions.getByRole('option', { name: /"concurrency"/ }).click();
  await page.keyboard.type('3');
  await expect(workbench.jsonProblems).toHaveCount(0);
  await expect(workbench.jsonBox).toContainText('"concurrency": 3');
  await expect(workbench.runButton).toBeEnabled();
});
