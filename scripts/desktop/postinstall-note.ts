import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { locateElectronBinary } from './electron-binary';
import { ensureElectronSqlite } from './electron-sqlite-build';
import { errorMessage } from '../../shared/errors/error-message';

/** A prebuilt binary arrives in seconds; a compile from source is left to `npm start`. */
const POSTINSTALL_BUILD_TIMEOUT_MS = 60_000;

/**
 * After `npm install`: when the Electron executable is there, make the Electron-ABI SQLite driver now
 * (prebuilt only, bounded in time) so that `npm start` opens at once. Returns the one short note to print
 * when something the desktop app needs is unavailable, or null. Never throws.
 */
export async function postinstallNote(projectRoot: string): Promise<string | null> {
  try {
    const projectRequire = createRequire(path.join(projectRoot, 'package.json'));
    const electronDir = path.dirname(projectRequire.resolve('electron/package.json'));
    if (!locateElectronBinary(electronDir).found) {
      return 'Note: the Electron executable is not downloaded yet; `npm start` fetches it (and the SQLite driver for Electron) when online, and opens the app in your browser meanwhile.';
    }
    const { version } = JSON.parse(readFileSync(path.join(electronDir, 'package.json'), 'utf8')) as { version: string };
    await ensureElectronSqlite({ projectRoot, electronVersion: version, timeoutMs: POSTINSTALL_BUILD_TIMEOUT_MS });
    return null;
  } catch (error) {
    return `Note: the SQLite driver for Electron is not built yet (${errorMessage(error)}); \`npm start\` tries again, and opens the app in your browser meanwhile.`;
  }
}
