import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures/app-test';
import { ScenariosPage } from './pages/scenarios-page';
import { WorkbenchPage } from './pages/workbench-page';

/** Presses Tab until `target` has the focus; fails after `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab did not reach the element within ${limit} presses`);
}

test('a built-in scenario can be opened, edited and run with the keyboard alone', async ({ page }) => {
  const scenarios = new ScenariosPage(page);
  const workbench = new WorkbenchPage(page);
  await expect(scenarios.builtIn.getByRole('listitem')).not.toHaveCount(0);

  await tabTo(page, scenarios.builtIn.getByRole('button', { name: 'Open' }).first());
  await page.keyboard.press('Enter');
  const count = workbench.field('Count');
  await tabTo(page, count);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('4');
  await tabTo(page, workbench.tab('Form'), 200);
  await page.keyboard.press('ArrowRight');
  await expect(workbench.tab('JSON')).toBeFocused();
  await expect(workbench.jsonBox).toContainText('"count": 4');

  await tabTo(page, workbench.runButton, 200);
  await page.keyboard.press('Enter');
  await expect(workbench.runStatus).toHaveText('Completed', { timeout: 30_000 });
  await expect(workbench.progress).toHaveAttribute('aria-valuenow', '4');
});
