import { expect, test } from '../fixtures/app-test';
import { HistoryPage } from '../history/pages/history-page';
import { ScenariosPage } from './pages/scenarios-page';
import { WorkbenchPage } from './pages/workbench-page';

const RUN_TIMEOUT_MS = 60_000;
/** Row 0 is the event loop, row 1 the first pool thread (see runtime-layout.ts: 4 px padding, 16 px rows). */
const POOL_ROW_MIDDLE_PX = 4 + 16 + 8;

test('a runtime-mode run draws its loop and pool tracks, and a task selected shows the slices that served it', async ({ page }) => {
  test.setTimeout(120_000);
  const workbench = new WorkbenchPage(page);
  await new ScenariosPage(page).openBuiltIn('The libuv thread pool: 1 thread vs 4');
  await expect(page.getByText('the pool track is a single lane with a long queue')).toBeVisible();
  await workbench.run();
  await expect(workbench.runStatus).toHaveText('Completed', { timeout: RUN_TIMEOUT_MS });

  const tracks = page.getByRole('img', { name: /^Runtime tracks: \d+ rows/ });
  await expect(tracks).toBeVisible();
  const toggles = page.getByRole('group', { name: 'Runtime tracks' });
  await expect(toggles.getByRole('button', { name: /Event loop/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(toggles.getByRole('button', { name: /libuv pool/ })).toBeVisible();
  await expect(toggles).toContainText('reconstructed as seen by the loop');
  // One thread: the loop and one pool row.
  await expect(tracks).toHaveAccessibleName(/^Runtime tracks: 2 rows/);

  // With one thread the pool is busy from the first hash to the last: the middle of its row is a request.
  const box = await tracks.boundingBox();
  if (box === null) throw new Error('the runtime tracks have no box');
  await page.mouse.move(box.x + box.width * 0.6, box.y + POOL_ROW_MIDDLE_PX);
  await expect(page.getByRole('tooltip')).toContainText(/PBKDF2REQUEST on pool thread 1.*waited/s);
  await page.mouse.click(box.x + box.width * 0.6, box.y + POOL_ROW_MIDDLE_PX);
  const details = page.getByRole('region', { name: 'Task details' });
  await expect(details).toContainText(/crypto/i);
  const served = page.getByTestId('runtime-summary');
  await expect(served).toContainText(/Inside the runtime: \d+ callbacks? on the loop, .* in all; waited .* for a pool thread, ran .* there\./);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await tracks.screenshot({ path: test.info().outputPath('threadpool-selected.png') });

  await toggles.getByRole('button', { name: /libuv pool/ }).click();
  await expect(tracks).toHaveAccessibleName(/^Runtime tracks: 1 rows/);

  // The same tracks come back from the history, slice for slice.
  const slices = await tracks.getAttribute('data-slices');
  const history = new HistoryPage(page);
  await history.show();
  await history.open('Eight pbkdf2 hashes — UV_THREADPOOL_SIZE=1');
  const reopened = page.getByRole('img', { name: /^Runtime tracks: 2 rows/ });
  await expect(reopened).toBeVisible();
  await expect(reopened).toHaveAttribute('data-slices', slices ?? '');
});
