import { expect, test } from '../fixtures/app-test';
import { ScenariosPage } from './pages/scenarios-page';
import { WorkbenchPage } from './pages/workbench-page';

test('saves a scenario, finds it after a reload, reopens, renames, duplicates and deletes it', async ({ page }) => {
  const scenarios = new ScenariosPage(page);
  const workbench = new WorkbenchPage(page);
  await scenarios.openBuiltIn('Sequential await vs Promise.all');
  await workbench.field('Count').fill('6');
  await workbench.save('My six timers');
  await expect(workbench.title('My six timers')).toBeVisible();

  await page.reload();
  // The address keeps the place: the saved scenario is still open after a reload, and listed among mine.
  await expect(workbench.title('My six timers')).toBeVisible();
  await scenarios.show();
  await expect(scenarios.mine).toBeVisible();
  await expect(scenarios.savedItem('My six timers')).toContainText('sequential · 6 tasks');
  await scenarios.openSaved('My six timers');
  await expect(workbench.title('My six timers')).toBeVisible();
  await expect(workbench.field('Count')).toHaveValue('6');

  await workbench.field('Count').fill('7');
  await expect(workbench.unsavedChanges).toBeVisible();
  await workbench.saveChanges();
  await expect(workbench.unsavedChanges).toHaveCount(0);

  await scenarios.show();
  await expect(scenarios.savedItem('My six timers')).toContainText('7 tasks');
  await scenarios.rename('My six timers', 'Seven timers');
  await expect(scenarios.savedItem('Seven timers')).toBeVisible();
  await scenarios.duplicate('Seven timers');
  await expect(scenarios.savedItem('Seven timers (copy)')).toBeVisible();
  await scenarios.delete('Seven timers');
  await expect(scenarios.savedItem('Seven timers')).toHaveCount(0);
  await page.reload();
  await expect(scenarios.mine.getByRole('listitem')).toHaveCount(1);
  await expect(scenarios.savedItem('Seven timers (copy)')).toBeVisible();
});
