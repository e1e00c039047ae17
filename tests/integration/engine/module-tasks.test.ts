import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../../electron/engine/run-scenario';
import { resolveUserPaths } from '../../../electron/backend/runs/user-paths';
import { ScenarioSchema, type Strategy } from '../../../shared/scenario';
import { runInProcess } from './run-in-process';

/** The folder of the user modules below, as the folder of a scenario file that names them. */
const MODULES_DIR = fileURLToPath(new URL('../../fixtures/user-modules/', import.meta.url));
const logDir = mkdtempSync(join(tmpdir(), 'module-tasks-'));
afterAll(() => rmSync(logDir, { recursive: true, force: true }));

const STRATEGIES: readonly Strategy[] = [
  { type: 'pool', concurrency: 2 },
  { type: 'workers', threads: 2 },
];

const run = (strategy: Strategy, tasks: unknown[], options: object = {}, signal?: AbortSignal) =>
  runInProcess({ strategy, options, tasks: tasks as never }, signal, { scenarioDir: MODULES_DIR });

for (const strategy of STRATEGIES) {
  describe(`module tasks under ${strategy.type}`, () => {
    it('calls the export once per attempt with index, attempt, signal and args; an awaiting module ends ok', async () => {
      const log = join(logDir, `waits-${strategy.type}.log`);
      const { records } = await run(strategy, [{ kind: 'module', count: 3, path: './waits.mjs', args: { ms: 30, log, tag: 'hello' } }]);
      expect(records.map((r) => r.status)).toEqual(['ok', 'ok', 'ok']);
      expect(records.every((r) => r.endMs - r.startMs >= 29)).toBe(true);
      expect(readFileSync(log, 'utf8').trim().split('\n').sort()).toEqual(['0:1:hello', '1:1:hello', '2:1:hello']);
    });

    it('a thrown error is the task error: its message and first stack frame', async () => {
      const { records } = await run(strategy, [{ kind: 'module', count: 1, path: './throws.mjs', export: 'lookUpUser' }]);
      expect(records[0]?.status).toBe('error');
      expect(records[0]?.error).toMatch(/^no such user \(at lookUpUser \((file:\/\/)?.*throws\.mjs:4:9\)\)$/);
    });

    it('a module that ignores its signal still ends as timeout on time; its late result is discarded', async () => {
      const log = join(logDir, `ignores-${strategy.type}.log`);
      const { records, finished } = await run(
        strategy,
        [{ kind: 'module', count: 2, path: './ignores-signal.mjs', args: { ms: 1500, log } }],
        { timeoutMs: 100 },
      );
      expect(records.map((r) => r.status)).toEqual(['timeout', 'timeout']);
      for (const record of records) expect(record.endMs - record.startMs).toBeLessThan(1000);
      // The run did not wait for the module: it ended long before the module's own 1.5 s.
      expect(finished.metrics.wallMs).toBeLessThan(1000);
    });

    it('a TypeScript module (with a TypeScript import of its own) runs, bundled before the clock starts', async () => {
      const { records } = await run(strategy, [{ kind: 'module', count: 2, path: './typed.ts', args: { n: 3 } }]);
      expect(records.map((r) => [r.status, r.error])).toEqual([['ok', null], ['ok', null]]);
    });
  });
}

describe('module tasks: cancel, paths and setup', () => {
  it('Cancel aborts the signal of a module that honours it, and ends one that ignores it as cancelled', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const { records, finished } = await run(
      { type: 'all' },
      [
        { kind: 'module', count: 1, path: './waits.mjs', args: { ms: 5000 } },
        { kind: 'module', count: 1, path: './ignores-signal.mjs', args: { ms: 1500, log: join(logDir, 'cancel.log') } },
      ],
      {},
      controller.signal,
    );
    expect(records.map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
    expect(finished.status).toBe('cancelled');
    expect(finished.metrics.wallMs).toBeLessThan(1000);
  });

  it('an absolute path needs no scenario folder', async () => {
    const { records } = await runInProcess({ strategy: { type: 'all' }, tasks: [{ kind: 'module', count: 1, path: join(MODULES_DIR, 'waits.mjs'), args: { ms: 1 } }] });
    expect(records[0]?.status).toBe('ok');
  });

  it('a missing file or a missing export fail the run, naming the field', async () => {
    const failure = async (task: object) => {
      const scenario = resolveUserPaths(ScenarioSchema.parse({ version: 1, name: 'paths', strategy: { type: 'all' }, tasks: [task] }), MODULES_DIR);
      const last = await runScenario(scenario, { scratchDir: join(logDir, 'scratch'), emit: () => {} });
      return last.type === 'failed' ? last.message : 'finished';
    };
    expect(await failure({ kind: 'module', count: 1, path: './nowhere.mjs' })).toMatch(/^tasks\[0\]\.path: cannot read .*nowhere\.mjs/);
    expect(await failure({ kind: 'module', count: 1, path: './throws.mjs' })).toMatch(/has no function export "default": its functions are lookUpUser/);
  });
});
