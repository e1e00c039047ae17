import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import Database from 'better-sqlite3';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { metricsOf, runScenario, scenarioOn, toolchainOf } from './runtime-harness';
import { endsWithin } from '../../fixtures/process-state';

const { status, title } = await toolchainOf('python');

describe.skipIf(!status.available)(title, () => {
  const timers = (count: number, ms: number, extra: Record<string, unknown> = {}) => ({ kind: 'timer', count, ms, ...extra });

  it('a pool of 3 never has more than 3 tasks in flight, each on one of 3 lanes', async () => {
    const run = await runScenario(scenarioOn('python', { strategy: { type: 'pool', concurrency: 3 }, tasks: [timers(12, 40)] }));
    const metrics = metricsOf(run);
    expect(metrics.ok).toBe(12);
    expect(metrics.maxInFlight).toBe(3);
    expect(Math.max(...run.samples.map((s) => s.inFlight))).toBeLessThanOrEqual(3);
    expect(new Set(run.records.map((r) => r.lane))).toEqual(new Set([0, 1, 2]));
    expect(run.lanes).toBe(3);
  });

  it('sequential takes about four times as long as a pool of 4 for the same timers', async () => {
    const tasks = [timers(8, 60)];
    const sequential = metricsOf(await runScenario(scenarioOn('python', { strategy: { type: 'sequential' }, tasks })));
    const pool = metricsOf(await runScenario(scenarioOn('python', { strategy: { type: 'pool', concurrency: 4 }, tasks })));
    expect(sequential.wallMs).toBeGreaterThanOrEqual(8 * 60);
    expect(sequential.wallMs / pool.wallMs).toBeGreaterThan(2.5);
  });

  it('gather fails fast at the first failure; the tasks still running end later as orphans', async () => {
    const run = await runScenario(
      scenarioOn('python', { strategy: { type: 'all' }, tasks: [timers(1, 20, { failRate: 1 }), timers(3, 300)] }),
    );
    const metrics = metricsOf(run);
    expect(metrics.failed).toBe(1);
    expect(metrics.wallMs).toBeLessThan(300);
    expect(run.records.filter((r) => r.kind === 'timer' && r.status === 'ok').every((r) => r.orphaned)).toBe(true);
    expect(metrics.orphaned).toBe(3);
    expect(run.records[0]?.error).toMatch(/injected failure/);
  });

  it('gather(return_exceptions=True) waits for every task and keeps every failure', async () => {
    const run = await runScenario(
      scenarioOn('python', { strategy: { type: 'allSettled' }, tasks: [timers(2, 20, { failRate: 1 }), timers(3, 200)] }),
    );
    const metrics = metricsOf(run);
    expect(metrics.failed).toBe(2);
    expect(metrics.ok).toBe(3);
    expect(metrics.orphaned).toBe(0);
    expect(metrics.wallMs).toBeGreaterThanOrEqual(200);
  });

  it('a task over its timeout ends as timeout at about the limit', async () => {
    const run = await runScenario(scenarioOn('python', { strategy: { type: 'all' }, options: { timeoutMs: 100 }, tasks: [timers(2, 2000)] }));
    const metrics = metricsOf(run);
    expect(metrics.timedOut).toBe(2);
    for (const record of run.records) {
      expect(record.error).toMatch(/timed out after 100 ms/);
      expect(record.endMs - record.startMs).toBeGreaterThanOrEqual(99);
      expect(record.endMs - record.startMs).toBeLessThan(1000);
    }
  });

  it('retries with exponential backoff: 1 + 2 attempts, waiting 50 then 100 ms', async () => {
    const run = await runScenario(
      scenarioOn('python', { strategy: { type: 'sequential' }, options: { retries: 2, retryDelayMs: 50 }, tasks: [timers(1, 10, { failRate: 1 })] }),
    );
    const [record] = run.records;
    expect(record?.status).toBe('error');
    expect(record?.attempts).toBe(3);
    expect((record?.endMs ?? 0) - (record?.startMs ?? 0)).toBeGreaterThanOrEqual(3 * 10 + 50 + 100);
  });

  it('seeded failures are the same tasks as on Node', async () => {
    const tasks = [timers(40, 1, { failRate: 0.3 })];
    const python = await runScenario(scenarioOn('python', { strategy: { type: 'allSettled' }, options: { seed: 7 }, tasks }));
    const node = await runScenario(scenarioOn('node', { strategy: { type: 'allSettled' }, options: { seed: 7 }, tasks }));
    const failedOf = (records: typeof python.records) => records.filter((r) => r.status === 'error').map((r) => r.index);
    expect(failedOf(python.records).length).toBeGreaterThan(0);
    expect(failedOf(python.records)).toEqual(failedOf(node.records));
  });

  it('Cancel ends a run of long timers within a second, every task cancelled', async () => {
    const run = await runScenario(scenarioOn('python', { strategy: { type: 'pool', concurrency: 5 }, tasks: [timers(20, 10_000)] }), { cancelAfterMs: 200 });
    expect(run.outcome.status).toBe('cancelled');
    expect(run.cancelToEndMs).toBeLessThan(1000);
    expect(run.records).toHaveLength(20);
    expect(run.records.every((r) => r.status === 'cancelled')).toBe(true);
  });

  it('a runner whose loop a CPU task blocks is killed after the grace period; its tasks end cancelled', async () => {
    const run = await runScenario(scenarioOn('python', { strategy: { type: 'all' }, tasks: [{ kind: 'cpu', count: 2, ms: 10_000 }] }), { cancelAfterMs: 300 });
    expect(run.outcome.status).toBe('cancelled');
    // The default grace is one second; the kill takes the whole process group.
    expect(run.cancelToEndMs).toBeLessThan(3000);
    expect(run.records.map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
  });

  it('every kind runs: timer, cpu, files, http to the built-in target, crypto, spawn, sqlite', async () => {
    const run = await runScenario(
      scenarioOn('python', {
        strategy: { type: 'pool', concurrency: 4 },
        tasks: [
          timers(2, 10),
          { kind: 'cpu', count: 2, ms: 10 },
          { kind: 'file-write', count: 2, bytes: 1000 },
          { kind: 'file-read', count: 2, bytes: 1000, sync: true },
          { kind: 'http', count: 3, latencyMs: 20 },
          { kind: 'http', count: 1, latencyMs: 5, failRate: 1 },
          { kind: 'crypto', count: 2, iterations: 1000 },
          { kind: 'spawn', count: 1, command: 'true' },
          { kind: 'spawn', count: 1, command: 'false' },
          { kind: 'sqlite', count: 2, rows: 100 },
        ],
      }),
    );
    const metrics = metricsOf(run);
    expect(metrics.tasks).toBe(18);
    expect(run.records.filter((r) => r.status !== 'ok').map((r) => [r.kind, r.error])).toEqual([
      ['http', expect.stringMatching(/HTTP 500/)],
      ['spawn', expect.stringMatching(/false exited with code 1/)],
    ]);
  });

  it('a spawned child of a task on a worker thread is killed, process group and all, when the task times out: the run does not wait for it', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'python-child-'));
    const pidFile = path.join(folder, 'pid');
    try {
      const began = performance.now();
      const run = await runScenario(
        scenarioOn('python', {
          strategy: { type: 'workers', threads: 1 },
          options: { timeoutMs: 300 },
          tasks: [{ kind: 'spawn', count: 1, command: 'sh', args: ['-c', `echo $$ > '${pidFile}'; sleep 30`] }],
        }),
      );
      expect(run.records[0]?.status).toBe('timeout');
      // Left to itself the child would hold its thread, and so the run, for 30 s.
      expect(performance.now() - began).toBeLessThan(10_000);
      const pid = Number((await readFile(pidFile, 'utf8')).trim());
      expect(pid).toBeGreaterThan(0);
      expect(await endsWithin(pid, 5000)).toBe(true);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("runs a relative module path and database from the scenario's folder: the backend hands the runner both absolute", async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'python-own-folder-'));
    try {
      await writeFile(path.join(folder, 'answer.py'), 'async def default(index, attempt, args):\n    return index\n');
      const db = new Database(path.join(folder, 'app.db'));
      db.exec("CREATE TABLE users (name TEXT); INSERT INTO users VALUES ('ada');");
      db.close();
      const scenario = scenarioOn('python', {
        strategy: { type: 'all' },
        tasks: [
          { kind: 'module', count: 2, path: 'answer.py' },
          { kind: 'sqlite', count: 1, database: './app.db', sql: 'SELECT name FROM users' },
        ],
      });
      const run = await runScenario(scenario, { scenarioDir: folder });
      expect(run.records.map((r) => [r.kind, r.status, r.error])).toEqual([
        ['module', 'ok', null],
        ['module', 'ok', null],
        ['sqlite', 'ok', null],
      ]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

