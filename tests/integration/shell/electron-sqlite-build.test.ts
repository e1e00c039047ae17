import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkoutSqliteCacheRoot, electronSqlitePath } from '../../../electron/main/sqlite/electron-sqlite-binding';
import { ElectronSqliteBuildError, ensureElectronSqlite, sqliteTargetFor } from '../../../scripts/desktop/electron-sqlite-build';

const projectRoot = path.resolve(import.meta.dirname, '../../..');
const nodeBuild = path.join(projectRoot, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

// A project folder of its own (sharing node_modules) so that the build cache lands in a temp folder.
let sandbox: string;
let headers: Server;
let headersUrl: string;

beforeAll(async () => {
  sandbox = mkdtempSync(path.join(tmpdir(), 'electron-sqlite-'));
  writeFileSync(path.join(sandbox, 'package.json'), '{"name":"sandbox","private":true}');
  symlinkSync(path.join(projectRoot, 'node_modules'), path.join(sandbox, 'node_modules'), 'dir');
  headers = createServer((_request, response) => response.writeHead(404).end());
  await new Promise<void>((resolve) => headers.listen(0, '127.0.0.1', resolve));
  headersUrl = `http://127.0.0.1:${(headers.address() as AddressInfo).port}/headers`;
});

afterAll(async () => {
  await new Promise((resolve) => headers.close(resolve));
  rmSync(sandbox, { recursive: true, force: true });
});

describe('ensureElectronSqlite', () => {
  it('fails with a clear message and a log when Electron headers cannot be had, and leaves the Node build alone', async () => {
    const before = digest(nodeBuild);
    const attempt = ensureElectronSqlite({ projectRoot: sandbox, electronVersion: '45.4.1', distUrl: headersUrl, fromSource: true });
    const error = await attempt.then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(ElectronSqliteBuildError);
    const message = (error as Error).message;
    expect(message).toMatch(/^Could not build the SQLite driver for Electron 45\.4\.1 \(better-sqlite3 [\d.]+, \w+-\w+\): electron-rebuild failed \(/);
    expect(message).not.toMatch(/\n\s+at /);
    const logFile = message.match(/Full log: (.+)$/)?.[1];
    expect(logFile && existsSync(logFile)).toBe(true);
    expect(readFileSync(logFile!, 'utf8')).toContain('better-sqlite3');

    const versionDir = path.join(checkoutSqliteCacheRoot(sandbox), '45.4.1');
    expect(readdirSync(versionDir)).toEqual(['build.log']);
    expect(digest(nodeBuild)).toBe(before);
  });

  it('gives up after its time limit when the headers never arrive', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const distUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/headers`;
      const attempt = ensureElectronSqlite({ projectRoot: sandbox, electronVersion: '45.4.2', distUrl, fromSource: true, timeoutMs: 4000 });
      await expect(attempt).rejects.toThrow(/Electron 45\.4\.2 .*: electron-rebuild did not finish within 4 s\./);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('returns an existing build without rebuilding it', async () => {
    const target = await sqliteTargetFor(sandbox, '99.0.0');
    const binding = electronSqlitePath(checkoutSqliteCacheRoot(sandbox), target);
    mkdirSync(path.dirname(binding), { recursive: true });
    writeFileSync(binding, 'built earlier');
    const result = await ensureElectronSqlite({ projectRoot: sandbox, electronVersion: '99.0.0', distUrl: headersUrl });
    expect(result).toEqual({ binding, built: false });
    expect(readFileSync(binding, 'utf8')).toBe('built earlier');
  });
});
