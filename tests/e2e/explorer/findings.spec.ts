import { SUGGESTED_WORKER_THREADS } from '../../../shared/findings';
import { expect, test } from '../fixtures/app-test';
import { ComparePage } from '../history/pages/compare-page';
import { HistoryPage } from '../history/pages/history-page';
import { FindingsPanel } from '../pages/findings-panel';
import { ScenariosPage } from './pages/scenarios-page';
import { WorkbenchPage } from './pages/workbench-page';

/** CPU work started all at once on one loop: the loop is blocked for about 750 ms. */
const BLOCKED_LOOP = { version: 1, name: 'Blocked loop', strategy: { type: 'all' }, tasks: [{ kind: 'cpu', count: 3, ms: 250 }] };

test('a run with a blocked loop explains it; choosing the finding marks its time; "Try it" runs the suggested variant and compares', async ({ page }) => {
  test.setTimeout(90_000);
  const workbench = new WorkbenchPage(page);
  const findings = new FindingsPanel(page);
  await new ScenariosPage(page).newScenario();
  await workbench.pasteJson(JSON.stringify(BLOCKED_LOOP));
  await workbench.run();
  await expect(workbench.runStatus).toHaveText('Completed', { timeout: 30_000 });

  const blocked = findings.finding('loop-blocked');
  await expect(blocked).toBeVisible();
  await expect(blocked).toContainText('problem');
  await expect(blocked.getByRole('definition').first()).toHaveText(/\d/);
  await expect(findings.selectedRange).toHaveCount(0);
  await findings.chooseWithKeyboard('loop-blocked');
  await expect(findings.chooser('loop-blocked')).toHaveAttribute('aria-pressed', 'true');
  // The blocked span is the timeline's selected range (its end in ms or, past a second, in s), with its totals: the three CPU tasks ended in it.
  await expect(findings.selectedRange).toContainText(/ ms – [\d.]+ m?s\b/);
  await expect(findings.selectedRange.getByRole('definition').nth(2)).toHaveText('3');
  await page.keyboard.press('Enter');
  await expect(findings.selectedRange).toHaveCount(0);

  await findings.tryIt('loop-blocked').click();
  const compare = new ComparePage(page);
  await expect(compare.comparison).toBeVisible({ timeout: 45_000 });
  await expect(compare.metrics.getByRole('columnheader')).toContainText(['Blocked loop', `Blocked loop — Try workers:${SUGGESTED_WORKER_THREADS}`]);
  const difference = compare.comparison.getByTestId('findings-difference');
  await expect(difference).toContainText('The biggest difference is');
  await expect(difference).toContainText('Only #');

  // The same findings on the run opened from History, worked out by the backend.
  const history = new HistoryPage(page);
  await history.show();
  await history.open('Blocked loop');
  await expect(findings.finding('loop-blocked')).toBeVisible();
});

test('two variants of a built-in scenario run on this machine show each expectation "As expected" with the numbers', async ({ page }) => {
  test.setTimeout(90_000);
  const workbench = new WorkbenchPage(page);
  const findings = new FindingsPanel(page);
  await new ScenariosPage(page).openBuiltIn('Sequential await vs Promise.all');
  await workbench.run();
  await expect(workbench.runStatus).toHaveText('Completed', { timeout: 30_000 });
  await expect(findings.expectations).toHaveCount(0);

  const variants = page.getByRole('group', { name: 'Variants' });
  await variants.getByRole('button', { name: 'Promise.all' }).click();
  await workbench.run();
  await expect(workbench.runStatus).toHaveText('Completed', { timeout: 30_000 });
  await expect(findings.expectations.getByRole('listitem').first()).toHaveText(/As expected: sequential took \d+(\.\d)?x Promise\.all/);
  await expect(findings.expectations.getByRole('listitem')).toHaveCount(3);
  await expect(findings.expectations).not.toContainText('Not as expected');
});
