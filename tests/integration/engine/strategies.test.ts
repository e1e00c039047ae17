import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../electron/engine/run-scenario';
import type { EngineEvent } from '../../../shared/protocol/engine-protocol';
import type { TaskRecord } from '../../../shared/protocol/task-record';
import { ScenarioSchema } from '../../../shared/scenario';
import { countByStatus, runInProcess } from './run-in-process';
import { endsWithin } from '../../fixtures/process-state';

const statuses = (records: readonly TaskRecord[]) => records.map((r) => r.status);
/** Each task's own outcome, with `+orphaned` when it ended after its strategy settled. */
const outcomes = (records: readonly TaskRecord[]) => records.map((r) => (r.orphaned ? `${r.status}+orphaned` : r.status));

// Timers started in the same tick fire in order of their durations, whatever the machine's load: each
// scenario below orders its tasks' ends with durations alone.
describe('promise-combinator strategies', () => {
  it('all: fails fast at the first failure; tasks still running become orphans', async () => {
    const { records, finished } = await runInProcess({
      strategy: { type: 'all' },
      tasks: [{ kind: 'timer', count: 2, ms: 150 }, { kind: 'timer', count: 1, ms: 10, failRate: 1 }, { kind: 'timer', count: 1, ms: 300 }],
    });
    expect(outcomes(records)).toEqual(['ok+orphaned', 'ok+orphaned', 'error', 'ok+orphaned']);
    expect(records[2]?.error).toMatch(/injected failure/);
    expect(finished.metrics.wallMs).toBeLessThan(records[0]?.endMs ?? 0);
  });

  it('callbacks: the same work as all, the final callback at the first error', async () => {
    const { records } = await runInProcess({
      strategy: { type: 'callbacks' },
      tasks: [{ kind: 'timer', count: 2, ms: 150 }, { kind: 'timer', count: 1, ms: 10, failRate: 1 }],
    });
    expect(outcomes(records)).toEqual(['ok+orphaned', 'ok+orphaned', 'error']);
  });

  it('race: settles with the first task to settle', async () => {
    const { records } = await runInProcess({ strategy: { type: 'race' }, tasks: [{ kind: 'timer', count: 1, ms: 10 }, { kind: 'timer', count: 3, ms: 200 }] });
    expect(outcomes(records)).toEqual(['ok', 'ok+orphaned', 'ok+orphaned', 'ok+orphaned']);
  });

  it('any: settles with the first success, after earlier failures', async () => {
    const { records } = await runInProcess({
      strategy: { type: 'any' },
      tasks: [{ kind: 'timer', count: 1, ms: 10, failRate: 1 }, { kind: 'timer', count: 1, ms: 120 }, { kind: 'timer', count: 2, ms: 300 }],
    });
    expect(outcomes(records)).toEqual(['error', 'ok', 'ok+orphaned', 'ok+orphaned']);
  });

  it('all with a timeout: every task that timed out keeps its timeout, those after the settle also orphaned', async () => {
    const { records, finished } = await runInProcess({ strategy: { type: 'all' }, options: { timeoutMs: 80 }, tasks: [{ kind: 'timer', count: 5, ms: 600 }] });
    expect(statuses(records)).toEqual(Array(5).fill('timeout'));
    expect(records.filter((r) => r.orphaned)).toHaveLength(4);
    expect(finished.metrics).toMatchObject({ timedOut: 5, orphaned: 4 });
  });

  it('an error after the strategy settled still counts as failed', async () => {
    const { records, finished } = await runInProcess({
      strategy: { type: 'race' },
      tasks: [{ kind: 'timer', count: 1, ms: 10 }, { kind: 'timer', count: 2, ms: 120, failRate: 1 }],
    });
    expect(outcomes(records)).toEqual(['ok', 'error+orphaned', 'error+orphaned']);
    expect(finished.metrics).toMatchObject({ failed: 2, orphaned: 2 });
  });

  it('any: waits for every task when all fail', async () => {
    const { records } = await runInProcess({ strategy: { type: 'any' }, tasks: [{ kind: 'timer', count: 3, ms: 10, jitterMs: 30, failRate: 1 }] });
    expect(countByStatus(records)).toEqual({ error: 3 });
  });

  it('every task starts at once, each on its own lane', async () => {
    const { records, events } = await runInProcess({ strategy: { type: 'allSettled' }, tasks: [{ kind: 'timer', count: 5, ms: 20 }] });
    expect(records.map((r) => r.lane)).toEqual([0, 1, 2, 3, 4]);
    expect(events.find((e) => e.type === 'started')).toMatchObject({ totalTasks: 5, lanes: 5 });
  });
});

describe('sequential, batch and pool', () => {
  it('sequential: one at a time; the first failure ends the loop, the rest never start', async () => {
    const { records, finished } = await runInProcess({
      strategy: { type: 'sequential' },
      tasks: [{ kind: 'timer', count: 2, ms: 5 }, { kind: 'timer', count: 1, ms: 5, failRate: 1 }, { kind: 'timer', count: 2, ms: 5 }],
    });
    expect(statuses(records)).toEqual(['ok', 'ok', 'error', 'skipped', 'skipped']);
    expect(records[3]).toMatchObject({ attempts: 0, orphaned: false, error: 'never started: the strategy stopped at the first failure' });
    expect(finished.metrics).toMatchObject({ skipped: 2, cancelled: 0, failed: 1 });
    expect(records[1]?.startMs).toBeGreaterThanOrEqual(records[0]?.endMs ?? Infinity);
    expect(finished.status).toBe('completed');
  });

  it('batch: the next batch starts only when the whole batch is done; lanes are batch positions', async () => {
    const { records } = await runInProcess({ strategy: { type: 'batch', size: 2 }, tasks: [{ kind: 'timer', count: 5, ms: 10, jitterMs: 40 }] });
    expect(records.map((r) => r.lane)).toEqual([0, 1, 0, 1, 0]);
    const endOf = (a: number, b: number) => Math.max(records[a]?.endMs ?? Infinity, records[b]?.endMs ?? Infinity);
    expect(Math.min(records[2]?.startMs ?? 0, records[3]?.startMs ?? 0)).toBeGreaterThanOrEqual(endOf(0, 1));
    expect(records[4]?.startMs).toBeGreaterThanOrEqual(endOf(2, 3));
  });

  it('batch: a failure rejects its batch and ends the loop', async () => {
    const { records } = await runInProcess({
      strategy: { type: 'batch', size: 2 },
      tasks: [{ kind: 'timer', count: 1, ms: 10, failRate: 1 }, { kind: 'timer', count: 3, ms: 150 }],
    });
    expect(outcomes(records)).toEqual(['error', 'ok+orphaned', 'skipped', 'skipped']);
  });

  it('pool: a failure rejects the pool while the other slots carry on as orphans', async () => {
    const { records, finished } = await runInProcess({
      strategy: { type: 'pool', concurrency: 2 },
      tasks: [{ kind: 'timer', count: 1, ms: 10, failRate: 1 }, { kind: 'timer', count: 3, ms: 60 }],
    });
    expect(outcomes(records)).toEqual(['error', 'ok+orphaned', 'ok+orphaned', 'ok+orphaned']);
    expect(records.map((r) => r.lane)).toEqual([0, 1, 1, 1]);
    expect(finished.metrics.orphaned).toBe(3);
  });

  const failFirstOfFour = [{ kind: 'timer' as const, count: 1, ms: 10, failRate: 1 }, { kind: 'timer' as const, count: 3, ms: 60 }];

  it('pool reject (p-limit + Promise.all): queued tasks still run at full concurrency; the aggregate rejects at the first failure', async () => {
    const { records, finished } = await runInProcess({ strategy: { type: 'pool', concurrency: 2, onFailure: 'reject' }, tasks: failFirstOfFour });
    expect(outcomes(records)).toEqual(['error', 'ok+orphaned', 'ok+orphaned', 'ok+orphaned']);
    expect(records.map((r) => r.lane)).toEqual([0, 1, 0, 1]);
    expect(records[2]?.startMs).toBeLessThan(records[1]?.endMs ?? 0);
    expect(finished.metrics.orphaned).toBe(3);
  });

  it('pool continue (p-limit + Promise.allSettled): every task runs and the run waits for all', async () => {
    const { records, finished } = await runInProcess({ strategy: { type: 'pool', concurrency: 2, onFailure: 'continue' }, tasks: failFirstOfFour });
    expect(outcomes(records)).toEqual(['error', 'ok', 'ok', 'ok']);
    expect(records.map((r) => r.lane)).toEqual([0, 1, 0, 1]);
    expect(finished.metrics.orphaned).toBe(0);
    expect(finished.metrics.wallMs).toBeGreaterThanOrEqual(Math.max(...records.map((r) => r.endMs)) - 1);
  });
});

describe('seeded failures', () => {
  const scenario = (seed: number) => ({
    strategy: { type: 'allSettled' as const },
    options: { seed },
    tasks: [{ kind: 'timer' as const, count: 40, ms: 1, failRate: 0.5 }],
  });

  it('the same seed fails the same tasks; another seed others', async () => {
    const first = statuses((await runInProcess(scenario(7))).records);
    const again = statuses((await runInProcess(scenario(7))).records);
    const other = statuses((await runInProcess(scenario(8))).records);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    expect(first.filter((s) => s === 'error').length).toBeGreaterThan(5);
    expect(first.filter((s) => s === 'ok').length).toBeGreaterThan(5);
  });
});

describe('cancel and setup failures', () => {
  it('cancel ends the run: the running task is cancelled, the rest never start', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const { records, finished } = await runInProcess({ strategy: { type: 'sequential' }, tasks: [{ kind: 'timer', count: 4, ms: 5_000 }] }, controller.signal);
    expect(finished.status).toBe('cancelled');
    expect(records.map((r) => [r.status, r.attempts])).toEqual([['cancelled', 1], ['cancelled', 0], ['cancelled', 0], ['cancelled', 0]]);
    expect(finished.metrics.wallMs).toBeLessThan(5_000);
  });

  it('a query that does not fit the scratch database fails the run, naming the field', async () => {
    await expect(runInProcess({ strategy: { type: 'all' }, tasks: [{ kind: 'sqlite', count: 1, rows: 10, sql: 'SELECT * FROM nowhere' }] })).rejects.toThrow(
      'tasks[0].sql: no such table: nowhere',
    );
  });

  it('a scratch folder that cannot be made fails the run, naming the folder', async () => {
    const aFile = join(mkdtempSync(join(tmpdir(), 'engine-unit-')), 'a-file');
    writeFileSync(aFile, '');
    const events: EngineEvent[] = [];
    const scenario = ScenarioSchema.parse({ version: 1, name: 'unit', strategy: { type: 'all' }, tasks: [{ kind: 'timer', count: 1, ms: 1 }] });
    const last = await runScenario(scenario, { scratchDir: join(aFile, 'scratch'), emit: (event) => events.push(event) });
    expect(last).toEqual({ type: 'failed', message: expect.stringContaining(`the scratch folder ${join(aFile, 'scratch')} is not usable: ENOTDIR`) as string });
    expect(events).toEqual([last]);
  });
});

// Last in the file: the pbkdf2 this leaves running on a pool thread must not load the timing-sensitive tests above.
describe('structured', () => {
  it('structured: the first failure aborts the rest; they end cancelled at that moment, none orphaned; the child process is killed', async () => {
    const pidFile = join(mkdtempSync(join(tmpdir(), 'structured-')), 'child.pid');
    const { records, finished } = await runInProcess({
      strategy: { type: 'structured' },
      tasks: [
        { kind: 'timer', count: 2, ms: 2000 },
        { kind: 'timer', count: 1, ms: 300, failRate: 1 },
        { kind: 'http', count: 1, latencyMs: 2000 },
        { kind: 'spawn', count: 1, command: 'sh', args: ['-c', `echo $$ > '${pidFile}'; exec sleep 5`] },
        { kind: 'crypto', count: 1, iterations: 1_000_000 },
      ],
    });
    expect(outcomes(records)).toEqual(['cancelled', 'cancelled', 'error', 'cancelled', 'cancelled', 'cancelled']);
    expect(records[2]?.error).toMatch(/injected failure/);
    for (const i of [0, 1, 3, 4, 5]) {
      expect(records[i]?.error).toMatch(/task 2 failed first/);
      // Ended at the abort, right after the failure, not when the work would have finished.
      expect(records[i]!.endMs).toBeLessThanOrEqual(finished.metrics.wallMs);
      expect(records[i]!.endMs).toBeLessThan(1000);
    }
    expect(finished.status).toBe('completed');
    expect(finished.metrics.cancelled).toBe(5);
    const childPid = Number(readFileSync(pidFile, 'utf8'));
    expect(await endsWithin(childPid, 5_000)).toBe(true);
  });

  it('structured with nothing failing: the same as all', async () => {
    const { records } = await runInProcess({ strategy: { type: 'structured' }, tasks: [{ kind: 'timer', count: 3, ms: 20 }] });
    expect(outcomes(records)).toEqual(['ok', 'ok', 'ok']);
  });
});
