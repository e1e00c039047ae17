import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSmokeOutput, formatSmokeSummary, SMOKE_SUMMARY_PREFIX, type SmokeSummary } from '../../../electron/main/smoke-test/smoke-summary';

const PASSED: SmokeSummary = {
  preset: 'sqlite-blocks-loop',
  status: 'completed',
  tasks: 8,
  ok: 8,
  storedTasks: 8,
  wallMs: 123.4,
  throughputPerSec: 64.8,
  electronVersion: '45.4.1',
  sqliteDriver: 'better_sqlite3-12.11.1-linux-x64.node',
};
const withSummary = (summary: Partial<SmokeSummary>) => formatSmokeSummary({ ...PASSED, ...summary });

describe('checkSmokeOutput', () => {
  it('accepts the output of a run that completed with every task ok and stored, among other lines', () => {
    const output = `[engine] warming up\r\n${formatSmokeSummary(PASSED)}`;
    expect(checkSmokeOutput(output, '45.4.1')).toEqual({ ok: true, summary: PASSED });
  });

  it.each([
    ['no summary line', 'Smoke test failed: the engine died\n', 'the output has no line starting with "SMOKE-TEST-SUMMARY"'],
    ['a summary that is not JSON', `${SMOKE_SUMMARY_PREFIX}{"preset":\n`, 'the summary line is not JSON'],
    ['a summary with a field missing', `${SMOKE_SUMMARY_PREFIX}{"preset":"x"}\n`, 'the summary line does not have the expected fields (status:'],
    ['a failed run', withSummary({ status: 'failed' }), 'the run ended failed, not completed'],
    ['a run of no tasks', withSummary({ tasks: 0, ok: 0, storedTasks: 0 }), 'the run had no tasks'],
    ['failed tasks', withSummary({ ok: 6 }), '2 of 8 tasks did not end ok'],
    ['tasks missing from the history', withSummary({ storedTasks: 5 }), '5 task records were read back from the history, expected 8'],
  ])('rejects %s, saying why', (_name, output, problem) => {
    const verdict = checkSmokeOutput(output);
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.problem).toContain(problem);
  });

  it('rejects an app that ran on another Electron than the one expected', () => {
    expect(checkSmokeOutput(formatSmokeSummary(PASSED), '46.0.0')).toEqual({ ok: false, problem: 'the app ran on Electron 45.4.1, expected 46.0.0' });
  });
});

describe('scripts/release/check-smoke-test.ts (the release job’s check)', () => {
  const projectRoot = path.resolve(import.meta.dirname, '../../..');
  const check = (output: string) => {
    const folder = mkdtempSync(path.join(tmpdir(), 'smoke-output-'));
    try {
      writeFileSync(path.join(folder, 'smoke.txt'), output);
      const tsx = path.join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
      return spawnSync(process.execPath, [tsx, 'scripts/release/check-smoke-test.ts', path.join(folder, 'smoke.txt')], { cwd: projectRoot, encoding: 'utf8' });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  };

  it('exits 0 on a passing summary from the Electron this checkout builds with', () => {
    const { version } = JSON.parse(readFileSync(path.join(projectRoot, 'node_modules/electron/package.json'), 'utf8')) as { version: string };
    const result = check(withSummary({ electronVersion: version }));
    expect(result.stdout).toContain(`Smoke test output accepted: 8/8 tasks ok on Electron ${version}.`);
    expect(result.status).toBe(0);
  });

  it('exits 1 and says why on output without a passing summary', () => {
    const result = check(withSummary({ ok: 7 }));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Smoke test output rejected');
    expect(result.stderr).toContain('1 of 8 tasks did not end ok');
  });
});
