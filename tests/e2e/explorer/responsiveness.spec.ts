import { spawn } from 'node:child_process';
import { expect, test } from '../fixtures/app-test';
import { measureFrames, quantile } from '../fixtures/frame-meter';
import { ScenariosPage } from './pages/scenarios-page';
import { WorkbenchPage } from './pages/workbench-page';

/** How long each task holds the engine's event loop: a page that waited on the engine would freeze as long. */
const TASK_MS = 2_000;

/** CPU work on the engine's own event loop, for several seconds: the engine is blocked, the UI must not be. */
const BLOCKING = {
  version: 1,
  name: 'CPU work on the loop',
  strategy: { type: 'sequential' },
  tasks: [{ kind: 'cpu', count: 10, ms: TASK_MS }],
};

const MEASURE_MS = 2_500;

/** Keeps one core busy, as the engine's run does, until the returned function stops it. */
function busyCore(): () => void {
  const burner = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
  return () => burner.kill('SIGKILL');
}

test('a run that blocks its own event loop leaves the UI at its idle frame rate, and Cancel still works', async ({ page }) => {
  const workbench = new WorkbenchPage(page);
  await new ScenariosPage(page).newScenario();
  await workbench.pasteJson(JSON.stringify(BLOCKING));
  // The baseline: the same page, idle, just before the run, while a plain busy loop takes the core that the
  // engine's run will take, so that the machine's load and the run's CPU cancel out of every comparison.
  const stopBurner = busyCore();
  const idle = await measureFrames(page, MEASURE_MS).finally(stopBurner);
  await workbench.run();
  // The engine's loop is blocked from the first task on, so it may report no progress until the end.
  await expect(workbench.runStatus).toHaveText('Running');
  const running = await measureFrames(page, MEASURE_MS);
  await expect(workbench.runStatus).toHaveText('Running');

  const summary = (m: typeof idle) => `${m.gapsMs.length} frames, p90 ${quantile(m.gapsMs, 0.9).toFixed(1)} ms, max ${Math.max(...m.gapsMs).toFixed(1)} ms, long tasks ${m.longTaskMs.toFixed(0)} ms`;
  const report = `idle: ${summary(idle)}; running: ${summary(running)}`;
  // Had the page waited on the engine, a gap would last a whole task. A single long gap short of that is the
  // operating system's scheduling on a loaded machine, which the baseline cannot predict frame by frame.
  expect(Math.max(...running.gapsMs), report).toBeLessThan(TASK_MS / 2);
  expect(running.gapsMs.length, report).toBeGreaterThan(idle.gapsMs.length / 2);
  expect(quantile(running.gapsMs, 0.9), report).toBeLessThan(2 * quantile(idle.gapsMs, 0.9) + 20);
  // The run's events cost the page no more than a tenth of the time in long tasks beyond what idle cost.
  expect(running.longTaskMs, report).toBeLessThan(idle.longTaskMs + MEASURE_MS / 10);
  await expect(workbench.frameRate).toBeVisible();

  await workbench.cancelButton.click();
  await expect(workbench.runStatus).toHaveText('Cancelled', { timeout: 5_000 });
});
