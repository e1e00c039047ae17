import { createRequire } from 'node:module';
import { requireElectronSqliteBinding, sqliteCacheRootFor } from './electron-sqlite-binding';

/**
 * The Electron-ABI better-sqlite3 build for the running app (its Electron, better-sqlite3, platform and
 * arch). Throws `ElectronSqliteMissingError` with what to do when it has not been built.
 */
export function appSqliteBinding(where: { packaged: boolean; resourcesPath: string; projectRoot: string }): string {
  const { version } = createRequire(import.meta.url)('better-sqlite3/package.json') as { version: string };
  return requireElectronSqliteBinding(sqliteCacheRootFor(where), {
    electronVersion: process.versions.electron ?? 'unknown',
    betterSqliteVersion: version,
    platform: process.platform,
    arch: process.arch,
  });
}
