import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures/app-test';
import { ScenariosPage } from './pages/scenarios-page';
import { WorkbenchPage } from './pages/workbench-page';

/** Twenty timers of varied length, about a third failing, and four short CPU tasks: enough to sort and filter. */
const MIXED = {
  version: 1,
  name: 'Mixed timers and cpu',
  strategy: { type: 'allSettled' },
  options: { seed: 3 },
  tasks: [
    { kind: 'timer', count: 20, ms: 20, jitterMs: 120, failRate: 0.35, label: 'fetch' },
    { kind: 'cpu', count: 4, ms: 3, label: 'hash' },
  ],
};
const EIGHT_LONG = { version: 1, name: 'Eight long timers', strategy: { type: 'all' }, tasks: [{ kind: 'timer', count: 8, ms: 300 }] };

async function runToEnd(page: Page, scenario: object): Promise<WorkbenchPage> {
  const workbench = new WorkbenchPage(page);
  await new ScenariosPage(page).newScenario();
  await workbench.pasteJson(JSON.stringify(scenario));
  await workbench.run();
  await expect(workbench.runStatus).toHaveText('Completed', { timeout: 30_000 });
  return workbench;
}

/** The numbers of one column of the rendered rows, in row order. */
async function columnNumbers(table: Locator, column: number): Promise<number[]> {
  const texts = await table.locator(`tbody tr:not(.pad) td:nth-child(${column})`).allTextContents();
  return texts.map((text) => Number(text.replace('#', '')));
}

test('the task table sorts by a column either way, filters by status, error, kind and index, and the legend and errors filter it', async ({ page }) => {
  await runToEnd(page, MIXED);
  const timelineSection = page.getByRole('region', { name: 'Timeline' });
  await timelineSection.getByRole('button', { name: 'Show task table' }).click();
  const table = page.getByRole('grid', { name: 'Tasks' });
  const count = page.locator('.task-table .count');
  await expect(count).toHaveText('24 tasks');

  const took = table.getByRole('columnheader', { name: /^Took/ });
  await took.getByRole('button').click();
  await expect(took).toHaveAttribute('aria-sort', 'ascending');
  const ascending = await columnNumbers(table, 8);
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
  await took.getByRole('button').click();
  await expect(took).toHaveAttribute('aria-sort', 'descending');
  const descending = await columnNumbers(table, 8);
  expect(descending).toEqual([...descending].sort((a, b) => b - a));
  await expect(table.getByRole('columnheader', { name: /^Start/ })).toHaveAttribute('aria-sort', 'none');

  const filters = page.getByRole('search', { name: 'Filter the tasks' });
  await filters.getByLabel('Status').selectOption('error');
  await expect(count).toHaveText(/^\d+ of 24 tasks$/);
  const errors = Number((await count.textContent())?.split(' ')[0]);
  expect(errors).toBeGreaterThan(0);
  await expect(table.locator('tbody tr:not(.pad)')).toHaveCount(errors);
  await expect(table.locator('tbody tr:not(.pad) td:nth-child(9)')).toHaveText(Array(errors).fill('error'));
  await filters.getByLabel('Error message contains').fill('no such message');
  await expect(page.getByText('No task matches the filter.')).toBeVisible();
  await filters.getByRole('button', { name: 'Show all tasks' }).click();

  await filters.getByLabel('Find tasks by index or label').fill('#21');
  await expect(table.locator('tbody tr:not(.pad) td:first-child')).toHaveText(['#21']);
  await filters.getByLabel('Find tasks by index or label').fill('hash');
  await expect(count).toHaveText('4 of 24 tasks');
  await filters.getByLabel('Find tasks by index or label').fill('');

  const legend = page.getByRole('group', { name: 'Timeline legend' });
  await legend.getByRole('button', { name: /^cpu/ }).click();
  await expect(legend.getByRole('button', { name: /^cpu/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(count).toHaveText('4 of 24 tasks');
  await legend.getByRole('button', { name: /^cpu/ }).click();
  await expect(count).toHaveText('24 tasks');

  const errorTable = page.getByRole('region', { name: 'Errors by message' });
  await errorTable.getByRole('button').first().click();
  await expect(count).toHaveText(`${errors} of 24 tasks`);
  await expect(page.locator('.task-table')).toBeVisible();
});

test('shift+drag on the timeline selects a range and shows its totals; Escape clears it', async ({ page }) => {
  const workbench = await runToEnd(page, EIGHT_LONG);
  const canvas = workbench.timelineCanvas;
  const box = await canvas.boundingBox();
  if (box === null) throw new Error('the timeline canvas has no box');
  // From the plot's left edge (after the 96 px lane labels) to its right edge: the whole run.
  const y = box.y + 60;
  await page.keyboard.down('Shift');
  await page.mouse.move(box.x + 97, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, y, { steps: 4 });
  await page.mouse.move(box.x + box.width - 2, y, { steps: 4 });
  await page.mouse.up();
  await page.keyboard.up('Shift');

  const totals = page.getByRole('region', { name: 'Selected range' });
  await expect(totals).toBeVisible();
  const figure = (label: string) => totals.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');
  await expect(figure('Tasks started')).toHaveText('8');
  await expect(figure('Tasks ended')).toHaveText('8');
  await expect(figure('Failures')).toHaveText('0');
  const meanInFlight = Number(await figure('Mean in flight').textContent());
  expect(meanInFlight).toBeGreaterThan(4);
  expect(meanInFlight).toBeLessThanOrEqual(8);

  await canvas.focus();
  await page.keyboard.press('Escape');
  await expect(totals).toHaveCount(0);
});

test('the overview strip shows the visible window and pans the timeline with the keyboard', async ({ page }) => {
  await runToEnd(page, EIGHT_LONG);
  const toolbar = page.getByRole('toolbar', { name: 'Timeline view' });
  const shown = toolbar.getByText(/ – /);
  await toolbar.getByRole('button', { name: 'Zoom in' }).click();
  await toolbar.getByRole('button', { name: 'Zoom in' }).click();
  const zoomed = await shown.textContent();
  const overview = page.getByRole('slider', { name: 'Visible part of the run' });
  await overview.focus();
  await page.keyboard.press('End');
  await expect(shown).not.toHaveText(zoomed ?? '');
  await expect(overview).toHaveAttribute('aria-valuetext', /to .* of /);
  const atEnd = await shown.textContent();
  await page.keyboard.press('Home');
  await expect(shown).not.toHaveText(atEnd ?? '');
});

test('a run of hundreds of lanes is grouped into rows with their task count, and shows every lane on request', async ({ page }) => {
  await runToEnd(page, { version: 1, name: 'Four hundred at once', strategy: { type: 'all' }, tasks: [{ kind: 'timer', count: 400, ms: 20, jitterMs: 200 }] });
  const section = page.getByRole('region', { name: 'Timeline' });
  const toggle = section.getByRole('button', { name: '7 lanes a row' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(section.getByRole('img', { name: 'Task timeline' })).toHaveAccessibleDescription(/^400 tasks on 58 lanes/);
  await toggle.click();
  await expect(section.getByRole('button', { name: 'Every lane' })).toHaveAttribute('aria-pressed', 'false');
  await expect(section.getByRole('img', { name: 'Task timeline' })).toHaveAccessibleDescription(/^400 tasks on 400 lanes/);
});
