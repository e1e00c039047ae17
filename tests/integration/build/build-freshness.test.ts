import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_OUTPUTS, buildState, fingerprintSources, writeStamp } from '../../../scripts/build/build-stamp.mjs';
import { PROJECT_ROOT } from '../../fixtures/built-app';

function runBin(projectDir: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectDir, 'bin', 'concurrency-explorer.js'), ...args], {
      cwd: projectDir,
      env: { ...process.env, CONCURRENCY_EXPLORER_DB: path.join(projectDir, 'history.sqlite') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Sets a file's modification time `secondsLater` after now, as an editor's save would. */
function touch(file: string, secondsLater = 2): void {
  const later = new Date(Date.now() + secondsLater * 1000);
  utimesSync(file, later, later);
}

describe('buildState', () => {
  let project: string;

  beforeAll(() => {
    project = mkdtempSync(path.join(tmpdir(), 'build-state-'));
    mkdirSync(path.join(project, 'electron', 'cli'), { recursive: true });
    writeFileSync(path.join(project, 'electron', 'cli', 'main.ts'), 'export {};\n');
    writeFileSync(path.join(project, 'package.json'), '{}\n');
    for (const output of BUILD_OUTPUTS) {
      mkdirSync(path.dirname(path.join(project, output)), { recursive: true });
      writeFileSync(path.join(project, output), '');
    }
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('is fresh right after a stamped build, and names what makes it stale', () => {
    expect(buildState(project)).toEqual({ fresh: false, reason: expect.stringContaining('build-stamp.json is missing') });
    writeStamp(project, fingerprintSources(project));
    expect(buildState(project)).toEqual({ fresh: true });

    touch(path.join(project, 'electron', 'cli', 'main.ts'));
    expect(buildState(project)).toEqual({ fresh: false, reason: 'electron/cli/main.ts changed after the build' });
    writeStamp(project, fingerprintSources(project));

    writeFileSync(path.join(project, 'electron', 'cli', 'extra.ts'), 'export {};\n');
    utimesSync(path.join(project, 'electron', 'cli', 'extra.ts'), new Date(0), new Date(0));
    expect(buildState(project)).toEqual({ fresh: false, reason: 'source files were added after the build' });
    rmSync(path.join(project, 'electron', 'cli', 'extra.ts'));
    expect(buildState(project)).toEqual({ fresh: true });

    rmSync(path.join(project, 'out', 'main', 'engine.js'));
    expect(buildState(project)).toEqual({ fresh: false, reason: 'there is no build (out/main/engine.js is missing)' });
  });

  it('does not take a stamp of another format for a fresh one', () => {
    for (const output of BUILD_OUTPUTS) writeFileSync(path.join(project, output), '');
    writeFileSync(path.join(project, 'out', 'build-stamp.json'), JSON.stringify({ format: 0, ...fingerprintSources(project) }));
    expect(buildState(project)).toEqual({ fresh: false, reason: expect.stringContaining('of another format') });
  });
});

describe('bin/concurrency-explorer.js in a fresh checkout', () => {
  let project: string;

  beforeAll(() => {
    project = mkdtempSync(path.join(tmpdir(), 'fresh-checkout-'));
    for (const entry of ['bin', 'scripts', 'electron', 'shared', 'renderer', 'package.json', 'package-lock.json', 'electron.vite.config.ts']) {
      cpSync(path.join(PROJECT_ROOT, entry), path.join(project, entry), { recursive: true });
    }
    symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(project, 'node_modules'), 'dir');
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('builds out/ when there is none, says so on stderr, then runs the command; the next start uses that build', async () => {
    const first = await runBin(project, ['presets']);
    expect(first.stderr).toMatch(/^Building Concurrency Explorer into out\/ \(there is no build \(out\/main\/cli\.js is missing\)\)\.\.\.\nBuilt in [\d.]+ s\.\n$/);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('sequential-vs-all');
    const second = await runBin(project, ['presets']);
    expect(second).toMatchObject({ code: 0, stderr: '' });
  }, 300_000);

  it('refuses a stale build, naming the changed file, where it cannot rebuild (no devDependencies)', async () => {
    touch(path.join(project, 'shared', 'scenario', 'scenario-schema.ts'));
    rmSync(path.join(project, 'node_modules'));
    mkdirSync(path.join(project, 'node_modules'));
    for (const name of readdirSync(path.join(PROJECT_ROOT, 'node_modules'))) {
      if (name !== 'electron-vite') symlinkSync(path.join(PROJECT_ROOT, 'node_modules', name), path.join(project, 'node_modules', name), 'dir');
    }
    const stale = await runBin(project, ['list']);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toBe('');
    expect(stale.stderr.trim()).toBe(
      'The build in out/ cannot be used (shared/scenario/scenario-schema.ts changed after the build) and could not be remade: ' +
        'electron-vite is not installed (it is a devDependency): run `npm install` in the project folder, which builds the app',
    );
  }, 60_000);
});
