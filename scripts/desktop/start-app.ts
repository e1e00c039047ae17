import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { downloadElectronOnce, locateElectronBinary } from './electron-binary';
import { electronMissingMessage } from './electron-missing-message';
import { ensureElectronSqlite } from './electron-sqlite-build';
import { errorMessage } from '../../shared/errors/error-message';

/** Long enough for a real download to start answering, short enough that offline means a quick no. */
const DOWNLOAD_TIMEOUT_MS = 20_000;

/**
 * `npm start`: checks for the Electron executable (trying its download once), makes the Electron-ABI
 * SQLite driver when missing, builds with electron-vite, then opens the app and ends with its exit code.
 * Every failure is one clear message and a non-zero code.
 */
export async function startApp(projectRoot: string): Promise<number> {
  const projectRequire = createRequire(path.join(projectRoot, 'package.json'));
  const electronDir = path.dirname(projectRequire.resolve('electron/package.json'));
  let binary = locateElectronBinary(electronDir);
  if (!binary.found) {
    const attempt = await downloadElectronOnce(electronDir, { timeoutMs: DOWNLOAD_TIMEOUT_MS });
    if (attempt.attempted && attempt.ok) binary = locateElectronBinary(electronDir);
    if (!binary.found) {
      console.error(electronMissingMessage(binary, attempt));
      return 1;
    }
  }
  const { version: electronVersion } = JSON.parse(readFileSync(path.join(electronDir, 'package.json'), 'utf8')) as { version: string };
  try {
    const { built, binding } = await ensureElectronSqlite({ projectRoot, electronVersion });
    if (built) console.log(`Built the SQLite driver for Electron ${electronVersion}: ${binding}`);
  } catch (error) {
    console.error(errorMessage(error));
    return 1;
  }
  const viteCli = path.join(path.dirname(projectRequire.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  const buildCode = await run(process.execPath, [viteCli, 'build'], projectRoot);
  if (buildCode !== 0) {
    console.error(`electron-vite build failed (exit code ${buildCode}); the app was not opened.`);
    return buildCode;
  }
  return run(binary.executable, ['.'], projectRoot, { ELECTRON_RUN_AS_NODE: undefined });
}

function run(command: string, args: string[], cwd: string, envChanges: Record<string, undefined> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: 'inherit', env: { ...process.env, ...envChanges } });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    const done = (code: number) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code);
    };
    child.on('error', (error) => {
      console.error(`Could not run ${command}: ${error.message}`);
      done(1);
    });
    child.on('close', (code) => done(code ?? 1));
  });
}
