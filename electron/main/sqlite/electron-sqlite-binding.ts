import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * better-sqlite3 is a native module: node_modules holds the build for plain Node (tests, CLI), and the
 * desktop app loads a second build, made for Electron's ABI, from its own folder through better-sqlite3's
 * `nativeBinding` option. Neither build ever replaces the other, so both work in one checkout in any order.
 */

/** What an Electron-ABI build of better-sqlite3 is made for; any change needs another build. */
export interface ElectronSqliteTarget {
  electronVersion: string;
  betterSqliteVersion: string;
  platform: NodeJS.Platform;
  arch: string;
}

/** The environment variable that gives the engine (a utilityProcess) the binding to load. */
export const SQLITE_BINDING_ENV_VAR = 'CONCURRENCY_EXPLORER_SQLITE_BINDING';

/** Where builds live in a checkout (`npm start` makes them there). */
export function checkoutSqliteCacheRoot(projectRoot: string): string {
  return path.join(projectRoot, '.cache', 'electron-sqlite');
}

/** Where a packaged app keeps its build (electron-builder copies the cache there as an extra resource). */
export function packagedSqliteCacheRoot(resourcesPath: string): string {
  return path.join(resourcesPath, 'electron-sqlite');
}

/** Where the running app finds its build: among its resources when packaged, in the checkout's cache otherwise. */
export function sqliteCacheRootFor(where: { packaged: boolean; resourcesPath: string; projectRoot: string }): string {
  return where.packaged ? packagedSqliteCacheRoot(where.resourcesPath) : checkoutSqliteCacheRoot(where.projectRoot);
}

/** `<cacheRoot>/<electron version>/better_sqlite3-<better-sqlite3 version>-<platform>-<arch>.node` */
export function electronSqlitePath(cacheRoot: string, target: ElectronSqliteTarget): string {
  const fileName = `better_sqlite3-${target.betterSqliteVersion}-${target.platform}-${target.arch}.node`;
  return path.join(cacheRoot, target.electronVersion, fileName);
}

/** Describes a target the way the messages name it: `Electron 45.4.1 (better-sqlite3 12.11.1, linux-x64)`. */
export function describeTarget(target: ElectronSqliteTarget): string {
  return `Electron ${target.electronVersion} (better-sqlite3 ${target.betterSqliteVersion}, ${target.platform}-${target.arch})`;
}

/** The Electron-ABI build the app needs is not there. */
export class ElectronSqliteMissingError extends Error {
  override readonly name = 'ElectronSqliteMissingError';
}

/** Returns the build for `target` under `cacheRoot`, or throws `ElectronSqliteMissingError` saying what to do. */
export function requireElectronSqliteBinding(
  cacheRoot: string,
  target: ElectronSqliteTarget,
  exists: (file: string) => boolean = existsSync,
): string {
  const binding = electronSqlitePath(cacheRoot, target);
  if (exists(binding)) return binding;
  throw new ElectronSqliteMissingError(
    `The SQLite driver built for ${describeTarget(target)} is missing: expected ${binding}. ` +
      '`npm start` builds it before opening the app (it needs Electron headers or a prebuilt binary from the internet, ' +
      'and a C++ toolchain for a build from source); `npm run serve` opens the same app in a browser without it.',
  );
}
