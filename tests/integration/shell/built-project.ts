import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The checkout these tests run in. */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../../..');
/** `node --import <this>` makes `electron` the stand-in beside this file for the process it starts. */
export const ELECTRON_STUB_REGISTER = path.join(import.meta.dirname, 'electron-stub', 'register.mjs');

const versionOf = (pkg: string) =>
  (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
/** The Electron the app is built for: the stand-in reports it as `process.versions.electron`. */
export const ELECTRON_VERSION = versionOf('electron');
const SQLITE_VERSION = versionOf('better-sqlite3');

/** Where the app looks for its Electron-ABI SQLite driver in a checkout at `project`. */
export function electronSqliteDriverPath(project: string): string {
  return path.join(project, '.cache', 'electron-sqlite', ELECTRON_VERSION, `better_sqlite3-${SQLITE_VERSION}-${process.platform}-${process.arch}.node`);
}

/**
 * A fresh build of the app (`electron-vite build`) in a temporary project folder of its own, so that builds other
 * tests make in the checkout do not race it; its node_modules is the checkout's. Throws when the build fails.
 */
export function buildProjectCopy(prefix: string): string {
  const project = mkdtempSync(path.join(tmpdir(), prefix));
  const cli = path.join(PROJECT_ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const build = spawnSync(process.execPath, [cli, 'build', '--outDir', path.join(project, 'out')], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`electron-vite build failed:\n${build.stdout}\n${build.stderr}`);
  symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(project, 'node_modules'), 'dir');
  return project;
}

/** Electron's build of the SQLite driver cannot be made here: the plain-Node build stands in, since Node runs the main process. */
export function installStandInSqliteDriver(project: string): void {
  const driver = electronSqliteDriverPath(project);
  mkdirSync(path.dirname(driver), { recursive: true });
  copyFileSync(path.join(PROJECT_ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), driver);
}
