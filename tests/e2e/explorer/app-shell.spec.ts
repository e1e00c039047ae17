import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/app-test';
import { HistoryPage } from '../history/pages/history-page';
import { ScenariosPage } from './pages/scenarios-page';
import { WorkbenchPage } from './pages/workbench-page';

const TIMERS = { version: 1, name: 'Twelve timers', strategy: { type: 'pool', concurrency: 3 }, tasks: [{ kind: 'timer', count: 12, ms: 20 }] };
const SLOW = { version: 1, name: 'Slow timers', strategy: { type: 'sequential' }, tasks: [{ kind: 'timer', count: 60, ms: 500 }] };

/** How far the document itself can scroll (the app scrolls only inside its content area). */
function documentOverflowPx(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
}

async function runTimers(page: Page): Promise<WorkbenchPage> {
  const workbench = new WorkbenchPage(page);
  await new ScenariosPage(page).newScenario();
  await workbench.pasteJson(JSON.stringify(TIMERS));
  await workbench.run();
  await expect(workbench.runStatus).toHaveText('Completed', { timeout: 30_000 });
  await workbench.summary.waitFor();
  return workbench;
}

for (const viewport of [{ width: 1440, height: 900 }, { width: 1024, height: 700 }]) {
  test(`at ${viewport.width}x${viewport.height} the header and status bar stay in view after scrolling to the bottom of a run`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const workbench = await runTimers(page);
    const header = page.getByRole('navigation', { name: 'Main' });
    const statusBar = page.getByRole('contentinfo');
    await page.getByRole('heading', { name: 'Errors by message' }).or(page.getByRole('heading', { name: 'Latency CDF' })).first().scrollIntoViewIfNeeded();
    await page.mouse.move(viewport.width / 2, viewport.height / 2);
    await page.mouse.wheel(0, 10_000);
    await page.keyboard.press('End');
    expect(await documentOverflowPx(page)).toBe(0);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await expect(header).toBeInViewport();
    expect((await header.boundingBox())?.y).toBeLessThan(48);
    const bar = await statusBar.boundingBox();
    expect(bar!.y + bar!.height).toBeCloseTo(viewport.height, 0);
    await expect(workbench.summary).toBeVisible();
  });
}

test('at 1024x700 the editor column folds away, and the History filters fold into a disclosure', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  const workbench = await runTimers(page);
  await page.getByRole('button', { name: 'Hide editor' }).click();
  await expect(workbench.editor).toBeHidden();
  await expect(page.getByRole('button', { name: 'Show editor' })).toHaveAttribute('aria-expanded', 'false');
  await page.getByRole('button', { name: 'Show editor' }).click();
  await expect(workbench.editor).toBeVisible();

  const history = new HistoryPage(page);
  await history.show();
  await expect(page.getByLabel('Strategy', { exact: true })).toBeHidden();
  await page.getByRole('button', { name: /^Filters/ }).click();
  await expect(page.getByLabel('Strategy', { exact: true })).toBeVisible();
  // Every column is on screen: the table gives way instead of scrolling sideways.
  for (const name of ['Tags', 'Experiment']) await expect(history.table.getByText(name, { exact: true })).toBeInViewport();
  expect(await documentOverflowPx(page)).toBe(0);
});

test('the address names the view and what is open in it: reload keeps the place, Back and Forward walk it', async ({ page }) => {
  await runTimers(page);
  expect(new URL(page.url()).hash).toBe('#/workbench/new');
  const history = new HistoryPage(page);
  await history.show();
  await expect(page).toHaveURL(/#\/history$/);
  await expect(page.getByRole('heading', { name: 'History', level: 2 })).toBeFocused();
  await history.row('Twelve timers').getByRole('button', { name: /^Open run Twelve timers/ }).click();
  await expect(page).toHaveURL(/#\/history\/run\/\d+$/);
  const runAddress = page.url();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Twelve timers', exact: true })).toBeVisible();
  expect(page.url()).toBe(runAddress);

  await page.goBack();
  await expect(page).toHaveURL(/#\/history$/);
  await expect(history.table).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('heading', { name: 'Twelve timers', exact: true })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Scenarios' }).click();
  await expect(page).toHaveURL(/#\/scenarios$/);
  await expect(page.getByRole('heading', { name: 'Scenarios', level: 2 })).toBeFocused();
});

test('a stopped host claims nothing it cannot know: no progress, no Cancel, no "Loading"', async ({ page, host }) => {
  test.skip(host === null, 'only the browser host can be stopped under the page');
  const workbench = new WorkbenchPage(page);
  await new ScenariosPage(page).newScenario();
  await workbench.pasteJson(JSON.stringify(SLOW));
  await workbench.run();
  await expect(workbench.progress).toHaveAttribute('aria-valuetext', /^[1-9]\d* \/ 60 tasks/, { timeout: 15_000 });
  await host!.stop();
  await expect(page.getByRole('alert').filter({ hasText: 'The connection to the backend was lost' })).toBeVisible();
  await expect(workbench.runStatus).toHaveText('Unknown');
  await expect(workbench.runRegion).toContainText('The backend is gone: whether this run is still going is unknown');
  await expect(workbench.runRegion).not.toContainText('left');
  await expect(workbench.cancelButton).toBeDisabled();
  await expect(page.getByRole('contentinfo')).toContainText('Backend gone');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'History' }).click();
  await expect(page.getByText('The history cannot be read while the backend is gone')).toBeVisible();
  await expect(page.getByText('Loading the history…')).toHaveCount(0);
});
