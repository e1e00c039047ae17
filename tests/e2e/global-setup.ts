import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureElectronSqlite } from '../../scripts/desktop/electron-sqlite-build';
import { ensureBuilt, PROJECT_ROOT } from '../fixtures/built-app';
import { electronUnavailableReason } from './fixtures/electron-app';
import { electronProjectPlan } from './fixtures/electron-requirement';

/**
 * Builds the app once when `out/` is missing or stale (what `bin/concurrency-explorer.js` would do), says up
 * front why the electron project will be skipped (or fail, where Electron is required), and where it will run,
 * makes the Electron-ABI SQLite driver the desktop app loads (as `npm start` does) when it is not there yet.
 */
export default async function globalSetup(): Promise<void> {
  const plan = electronProjectPlan(electronUnavailableReason(), process.env);
  if (plan.action === 'skip') console.log(`The electron project's tests will be skipped: ${plan.reason}.`);
  if (plan.action === 'fail') console.log(`The electron project's tests will fail: ${plan.reason}.`);
  ensureBuilt();
  if (plan.action === 'run') {
    const { version } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string };
    await ensureElectronSqlite({ projectRoot: PROJECT_ROOT, electronVersion: version });
  }
}
