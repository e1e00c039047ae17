import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { TWO_FRAMES, screenshotContext } from '../fixtures/screenshot-kit';
import { FindingsPanel } from '../pages/findings-panel';
import { ScenariosPage } from './pages/scenarios-page';
import { WorkbenchPage } from './pages/workbench-page';

const RUN_TIMEOUT_MS = 60_000;
/** CPU work started all at once on one loop: a blocked loop, and a change to try. */
const BLOCKED_LOOP = { version: 1, name: 'CPU work on the loop', strategy: { type: 'all' }, tasks: [{ kind: 'cpu', count: 6, ms: 120 }] };

/**
 * Writes into `outDir` what findings look like: a run's Findings region, its timeline with the blocked loop's
 * range chosen, the comparison with the variant "Try it" ran, and a built-in scenario's expectations met on this
 * machine after two of its variants ran.
 */
export async function shootFindingsViews(browser: Browser, url: string, outDir: string): Promise<void> {
  const context = await screenshotContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(url);
    const scenarios = new ScenariosPage(page);
    const workbench = new WorkbenchPage(page);
    const findings = new FindingsPanel(page);
    const write = (file: string): string => {
      const path = join(outDir, file);
      console.log(`wrote ${path}`);
      return path;
    };

    await scenarios.newScenario();
    await workbench.pasteJson(JSON.stringify(BLOCKED_LOOP));
    await workbench.run();
    await workbench.runStatus.getByText('Completed').waitFor({ timeout: RUN_TIMEOUT_MS });
    await findings.finding('loop-blocked').waitFor();
    await findings.chooser('loop-blocked').click();
    await findings.selectedRange.waitFor();
    await page.evaluate('document.activeElement?.blur()');
    await page.evaluate(TWO_FRAMES);
    await findings.region.screenshot({ path: write('findings-light.png') });
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.scrollIntoViewIfNeeded();
    await page.evaluate(TWO_FRAMES);
    await timeline.screenshot({ path: write('findings-timeline-light.png') });

    await findings.tryIt('loop-blocked').click();
    const difference = page.getByTestId('findings-difference');
    await difference.waitFor({ timeout: RUN_TIMEOUT_MS });
    await difference.scrollIntoViewIfNeeded();
    await page.evaluate('document.activeElement?.blur()');
    await difference.screenshot({ path: write('findings-compare-light.png') });

    await page.getByRole('button', { name: 'Scenarios', exact: true }).click();
    await scenarios.openBuiltIn('Sequential await vs Promise.all');
    await workbench.run();
    await workbench.runStatus.getByText('Completed').waitFor({ timeout: RUN_TIMEOUT_MS });
    await page.getByRole('group', { name: 'Variants' }).getByRole('button', { name: 'Promise.all' }).click();
    await workbench.run();
    await workbench.runStatus.getByText('Completed').waitFor({ timeout: RUN_TIMEOUT_MS });
    await findings.expectations.waitFor();
    await page.evaluate('document.activeElement?.blur()');
    await page.getByRole('region', { name: 'About this experiment' }).screenshot({ path: write('expectations-light.png') });
  } finally {
    await context.close();
  }
}
