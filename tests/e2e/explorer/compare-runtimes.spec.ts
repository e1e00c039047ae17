import { execFileSync } from 'node:child_process';
import { expect, test } from '../fixtures/app-test';
import { ComparePage } from '../history/pages/compare-page';
import { ExperimentPanel } from './pages/experiment-panel';
import { ScenariosPage } from './pages/scenarios-page';

const TITLE = 'One I/O workload, four runtimes';

/** Whether a toolchain answers here, as the backend's detection would find it on PATH. */
function installed(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const PYTHON = installed('python3', ['--version']);
const GO = installed('go', ['version']);
const JAVA = installed('javac', ['-version']);

test.describe('Compare runtimes', () => {
  test.skip(!PYTHON, 'python3 is not installed: the comparison needs a second runtime besides Node');
  // An empty runner cache: the Go and Java runs build their runners first, and the panel says so while they do.
  test.use({ runnerCache: 'cold' });

  test('the editor offers every runtime, and "Compare runtimes" runs the scenario on each installed one and compares them on one time axis', async ({ page }, testInfo) => {
    // A first run on Go or Java builds its runner into the user's cache first.
    test.setTimeout(240_000);
    await new ScenariosPage(page).openBuiltIn(TITLE);
    const picker = page.getByRole('combobox', { name: 'Runtime' });
    await expect(picker).toHaveValue('node');
    await expect(picker.getByRole('option', { name: /^Python/ })).toBeEnabled();

    await page.getByRole('button', { name: 'Compare runtimes' }).click();
    const progress = new ExperimentPanel(page).progress;
    if (GO) await expect(progress).toHaveAttribute('aria-valuetext', /^Run \d of \d: Go · compiling runner\.go with go/, { timeout: 120_000 });
    if (JAVA) await expect(progress).toHaveAttribute('aria-valuetext', /^Run \d of \d: Java · compiling Runner\.java with javac/, { timeout: 120_000 });
    const compare = new ComparePage(page);
    await expect(compare.comparison).toBeVisible({ timeout: 200_000 });
    await expect(compare.metrics.getByRole('columnheader')).toContainText([/Node\.js/, /Python/, ...(GO ? [/Go/] : []), ...(JAVA ? [/Java/] : [])]);
    await expect(compare.comparison.getByText(/pool:20 · Python/).first()).toBeVisible();
    // One time axis: a timeline per run, zoomed and panned together.
    await expect(compare.timelines).toHaveCount(await compare.baselines.count());
    const stacked = compare.comparison.getByRole('region', { name: 'Timelines on one time axis' });
    // Tall enough that the section fits below the sticky navigation bar.
    await page.setViewportSize({ width: 1280, height: 1800 });
    await stacked.evaluate((section) => section.scrollIntoView({ block: 'end' }));
    await stacked.screenshot({ path: testInfo.outputPath('compare-runtimes-light.png') });
  });
});
