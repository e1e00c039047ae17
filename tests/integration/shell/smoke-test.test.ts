import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSmokeOutput } from '../../../electron/main/smoke-test/smoke-summary';
import { buildProjectCopy, ELECTRON_STUB_REGISTER, ELECTRON_VERSION, installStandInSqliteDriver } from './built-project';

let project: string;
let home: string;
const homes: string[] = [];

beforeAll(() => {
  project = buildProjectCopy('smoke-test-');
}, 240_000);
afterAll(() => {
  for (const folder of [project, ...homes]) rmSync(folder, { recursive: true, force: true });
});

/** `<app> --smoke-test`: the built main process on the Electron stand-in, with a temp folder of its own as TMPDIR. */
function smokeTest(): Promise<{ code: number | null; stdout: string; stderr: string; forks: number }> {
  home = mkdtempSync(path.join(tmpdir(), 'smoke-test-home-'));
  homes.push(home);
  const child = spawn(process.execPath, ['--import', pathToFileURL(ELECTRON_STUB_REGISTER).href, path.join(project, 'out', 'main', 'index.js'), '--smoke-test'], {
    env: {
      PATH: process.env.PATH,
      TMPDIR: home,
      TEMP: home,
      TMP: home,
      STUB_ELECTRON_VERSION: ELECTRON_VERSION,
      STUB_APP_DATA: path.join(home, 'app-data'),
      // The user's own history: the smoke test must never open it.
      CONCURRENCY_EXPLORER_DB: path.join(home, 'users-history.sqlite'),
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
  const output = { stdout: '', stderr: '', forks: 0 };
  child.stdout!.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  child.on('message', (report: { type: string }) => {
    if (report.type === 'fork') output.forks += 1;
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, ...output })));
}

describe('--smoke-test without the SQLite driver for Electron', () => {
  it('exits 1 with one line saying what failed and where its data folder was kept', async () => {
    const run = await smokeTest();
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Smoke test failed: The SQLite driver built for Electron .* is missing: .*\(data folder kept: .*concurrency-explorer-smoke-test-.*\)\n$/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('--smoke-test with the SQLite driver', () => {
  beforeAll(() => installStandInSqliteDriver(project));

  it('runs the built-in scenario in an engine process, prints a summary the release job accepts, and exits 0', async () => {
    const run = await smokeTest();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.forks).toBe(1);
    expect(run.stdout).toMatch(/^Smoke test passed: preset sqlite-blocks-loop ran 8 tasks \(8 ok\) in [\d.]+ ms in an engine process/);
    const verdict = checkSmokeOutput(run.stdout, ELECTRON_VERSION);
    expect(verdict).toMatchObject({ ok: true, summary: { status: 'completed', tasks: 8, ok: 8, storedTasks: 8, electronVersion: ELECTRON_VERSION } });
    expect(verdict.ok && verdict.summary.sqliteDriver).toMatch(/^better_sqlite3-[\d.]+-\w+-\w+\.node$/);
  });

  it('works in a fresh data folder that it removes afterwards, and never opens the user’s history', async () => {
    const run = await smokeTest();
    expect(run.code).toBe(0);
    expect(existsSync(path.join(home, 'users-history.sqlite'))).toBe(false);
    expect(readdirSync(home).filter((name) => name.startsWith('concurrency-explorer-smoke-test-'))).toEqual([]);
  });
});
