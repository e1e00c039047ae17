import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { electronUnavailableReason } from '../../e2e/fixtures/electron-app';

const projectRoot = path.resolve(import.meta.dirname, '../../..');
const outputDir = mkdtempSync(path.join(tmpdir(), 'require-electron-'));
afterAll(() => rmSync(outputDir, { recursive: true, force: true }));

/** One spec file of the real Playwright config in the electron project, as `npm test` runs it, with `env` added. */
function electronProject(env: Record<string, string>) {
  const cli = path.join(projectRoot, 'node_modules', '@playwright', 'test', 'cli.js');
  const args = [cli, 'test', 'tests/e2e/home.spec.ts', '--project=electron', '--reporter=line', '--output', outputDir];
  const { CI: _ci, ...inherited } = process.env;
  const result = spawnSync(process.execPath, args, { cwd: projectRoot, encoding: 'utf8', env: { ...inherited, ...env }, timeout: 300_000 });
  return { status: result.status, output: result.stdout + result.stderr };
}

describe.runIf(electronUnavailableReason() !== null)('the electron project where the Electron binary is missing', () => {
  it('reports its tests as skipped, and passes, by default', () => {
    const run = electronProject({ CONCURRENCY_EXPLORER_REQUIRE_ELECTRON: '' });
    expect(run.output).toMatch(/\d+ skipped/);
    expect(run.output).not.toMatch(/\d+ (passed|failed)/);
    expect(run.status).toBe(0);
  }, 300_000);

  it('fails them, saying why, under CONCURRENCY_EXPLORER_REQUIRE_ELECTRON=1 (as CI sets it)', () => {
    const run = electronProject({ CONCURRENCY_EXPLORER_REQUIRE_ELECTRON: '1' });
    expect(run.output).toContain('CONCURRENCY_EXPLORER_REQUIRE_ELECTRON is set, but the Electron binary');
    expect(run.output).toMatch(/\d+ failed/);
    expect(run.output).not.toMatch(/\d+ (passed|skipped)/);
    expect(run.status).toBe(1);
  }, 300_000);
});
