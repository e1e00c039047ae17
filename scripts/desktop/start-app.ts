import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureFreshBuild } from '../build/build-app.mjs';
import { downloadElectronOnce, locateElectronBinary, type ElectronBinary } from './electron-binary';
import { electronMissingLine } from './electron-missing-message';
import { ensureElectronSqlite } from './electron-sqlite-build';
import { errorMessage } from '../../shared/errors/error-message';

/** Long enough for a real download to start answering, short enough that offline means a quick no. */
const DOWNLOAD_TIMEOUT_MS = 20_000;

/** `npm start -- --browser`: the browser host on purpose, even where the desktop window could open. */
const BROWSER_FLAG = '--browser';

/** The part of the built CLI bundle (`out/main/cli.js`) that `npm start` runs. */
interface BuiltCli {
  runCli(argv: readonly string[]): Promise<number>;
}

/**
 * `npm start`: opens the app. Builds out/ when it is missing or stale, then opens the desktop window; where
 * the Electron executable is missing and one download attempt fails (or with `--browser`), says so in one
 * line and serves the same app to the default browser instead (`serve --open`, the URL printed either way)
 * until Ctrl+C. Ends with the app's exit code; a failure is one clear message and a non-zero code.
 */
export async function startApp(projectRoot: string, args: readonly string[]): Promise<number> {
  const unknown = args.find((arg) => arg !== BROWSER_FLAG);
  if (unknown !== undefined) {
    console.error(`npm start: unknown option ${unknown} (the only one is ${BROWSER_FLAG}, which opens the app in a browser)`);
    return 2;
  }
  const binary = args.includes(BROWSER_FLAG) ? null : await findElectron(projectRoot);
  try {
    ensureFreshBuild(projectRoot, { log: (line) => console.log(line) });
  } catch (error) {
    console.error(errorMessage(error));
    return 1;
  }
  if (binary === null) return serveInBrowser(projectRoot);
  const projectRequire = createRequire(path.join(projectRoot, 'package.json'));
  const electronDir = path.dirname(projectRequire.resolve('electron/package.json'));
  const { version: electronVersion } = JSON.parse(readFileSync(path.join(electronDir, 'package.json'), 'utf8')) as { version: string };
  try {
    const { built, binding } = await ensureElectronSqlite({ projectRoot, electronVersion });
    if (built) console.log(`Built the SQLite driver for Electron ${electronVersion}: ${binding}`);
  } catch (error) {
    console.error(`${errorMessage(error)}\nOpening the app in your browser instead.`);
    return serveInBrowser(projectRoot);
  }
  return run(binary.executable, ['.'], projectRoot, { ELECTRON_RUN_AS_NODE: undefined });
}

/** The Electron executable, after one download attempt when it is missing; null (and one line said) when there is none. */
async function findElectron(projectRoot: string): Promise<Extract<ElectronBinary, { found: true }> | null> {
  const projectRequire = createRequire(path.join(projectRoot, 'package.json'));
  const electronDir = path.dirname(projectRequire.resolve('electron/package.json'));
  const binary = locateElectronBinary(electronDir);
  if (binary.found) return binary;
  const attempt = await downloadElectronOnce(electronDir, { timeoutMs: DOWNLOAD_TIMEOUT_MS });
  const after = attempt.attempted && attempt.ok ? locateElectronBinary(electronDir) : binary;
  if (after.found) return after;
  console.error(electronMissingLine(after, attempt));
  return null;
}

/** The browser host of the built CLI, in this process, until Ctrl+C: `concurrency-explorer serve --open`. */
async function serveInBrowser(projectRoot: string): Promise<number> {
  const cli = (await import(pathToFileURL(path.join(projectRoot, 'out', 'main', 'cli.js')).href)) as BuiltCli;
  return cli.runCli([process.execPath, path.join(projectRoot, 'bin', 'concurrency-explorer.js'), 'serve', '--open']);
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
