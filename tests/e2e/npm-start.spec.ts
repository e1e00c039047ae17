import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PRESETS } from '../../shared/presets';
import { PROJECT_ROOT } from '../fixtures/built-app';
import { electronUnavailableReason } from './fixtures/electron-app';
import { expect, test } from './fixtures/app-test';
import { HomePage } from './pages/home-page';

const URL_PATTERN = /Concurrency Explorer is served at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/;
const START_TIMEOUT_MS = 120_000;

/** True while any process of the group `pgid` is alive. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

test('npm start without the Electron executable serves the app to the browser until Ctrl+C, and leaves nothing running', async ({ chromium, appKind }) => {
  test.skip(appKind !== 'browser', 'one run is enough: this spec starts npm itself');
  test.skip(electronUnavailableReason() === null, 'the Electron executable is installed here, so npm start opens the desktop window');
  test.setTimeout(START_TIMEOUT_MS + 60_000);
  const dataDir = await mkdtemp(join(tmpdir(), 'ce-npm-start-'));
  // Its own process group, as a shell starts a job: Ctrl+C reaches every process in it.
  const npm = spawn('npm', ['start'], {
    cwd: PROJECT_ROOT,
    detached: true,
    env: { ...process.env, CONCURRENCY_EXPLORER_DB: join(dataDir, 'history.sqlite'), ELECTRON_SKIP_BINARY_DOWNLOAD: '1', BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pgid = npm.pid!;
  let stdout = '';
  let stderr = '';
  npm.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  npm.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => npm.once('exit', (code, signal) => resolve({ code, signal })));
  try {
    await expect.poll(() => URL_PATTERN.exec(stdout)?.[1], { timeout: START_TIMEOUT_MS, message: `no URL printed.\nstdout:\n${stdout}\nstderr:\n${stderr}` }).toBeDefined();
    const url = URL_PATTERN.exec(stdout)![1]!;
    const missing = stderr.split('\n').filter((line) => line.includes('Electron executable is missing'));
    expect(missing).toHaveLength(1);
    expect(missing[0]).toContain('opens in your browser instead');

    const context = await (await chromium()).newContext();
    const page = await context.newPage();
    await page.goto(url);
    await expect(page.getByRole('heading', { name: 'Scenarios', exact: true })).toBeVisible();
    await expect(new HomePage(page).builtInScenarios.getByRole('listitem')).toHaveCount(PRESETS.length);
    await context.close();

    process.kill(-pgid, 'SIGINT');
    // npm itself ends by the signal it was sent (a shell shows 130); the app inside stops cleanly first.
    expect([{ code: 0, signal: null }, { code: null, signal: 'SIGINT' }]).toContainEqual(await exited);
    expect(stderr).toContain('Stopping: cancelling the runs under way...');
    await expect.poll(() => groupAlive(pgid), { timeout: 10_000 }).toBe(false);
  } finally {
    if (groupAlive(pgid)) process.kill(-pgid, 'SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  }
});
