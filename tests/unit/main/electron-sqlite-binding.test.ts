import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkoutSqliteCacheRoot,
  ElectronSqliteMissingError,
  electronSqlitePath,
  packagedSqliteCacheRoot,
  requireElectronSqliteBinding,
} from '../../../electron/main/sqlite/electron-sqlite-binding';

const target = { electronVersion: '45.4.1', betterSqliteVersion: '12.11.1', platform: 'linux' as const, arch: 'x64' };

describe('Electron-ABI better-sqlite3 binding', () => {
  it('has one file per Electron version, better-sqlite3 version, platform and arch', () => {
    const root = checkoutSqliteCacheRoot('/repo');
    expect(root).toBe(path.join('/repo', '.cache', 'electron-sqlite'));
    expect(electronSqlitePath(root, target)).toBe(path.join(root, '45.4.1', 'better_sqlite3-12.11.1-linux-x64.node'));
    const others = [
      { ...target, electronVersion: '46.0.0' },
      { ...target, betterSqliteVersion: '12.12.0' },
      { ...target, platform: 'darwin' as const },
      { ...target, arch: 'arm64' },
    ].map((other) => electronSqlitePath(root, other));
    expect(new Set([electronSqlitePath(root, target), ...others]).size).toBe(5);
  });

  it('is looked up in the resources folder of a packaged app', () => {
    expect(packagedSqliteCacheRoot('/opt/app/resources')).toBe(path.join('/opt/app/resources', 'electron-sqlite'));
  });

  it('returns the build when it exists', () => {
    const root = checkoutSqliteCacheRoot('/repo');
    const expected = electronSqlitePath(root, target);
    expect(requireElectronSqliteBinding(root, target, (file) => file === expected)).toBe(expected);
  });

  it('fails with a message naming the versions, the expected file and what to do', () => {
    const root = checkoutSqliteCacheRoot('/repo');
    const attempt = () => requireElectronSqliteBinding(root, target, () => false);
    expect(attempt).toThrow(ElectronSqliteMissingError);
    expect(attempt).toThrow(/Electron 45\.4\.1 \(better-sqlite3 12\.11\.1, linux-x64\) is missing: expected .*better_sqlite3-12\.11\.1-linux-x64\.node/);
    expect(attempt).toThrow(/`npm start` builds it/);
    expect(attempt).toThrow(/`npm run serve`/);
  });
});
