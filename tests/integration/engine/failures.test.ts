import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { endsWithin } from '../../fixtures/process-state';
import { finishedOf, runEngine, scenario } from './run-engine';

describe('failures, timeouts, retries and cancel through a real engine process', () => {
  const flakyTimers = [{ kind: 'timer' as const, count: 16, ms: 50, jitterMs: 200, failRate: 0.3 }];

  it('all fails fast and leaves orphans; allSettled records every result, with the same seeded failures', async () => {
    const all = await runEngine(scenario({ strategy: { type: 'all' }, options: { seed: 3 }, tasks: flakyTimers }));
    const allSettled = await runEngine(scenario({ strategy: { type: 'allSettled' }, options: { seed: 3 }, tasks: flakyTimers }));
    const allMetrics = finishedOf(all).metrics;
    const settledMetrics = finishedOf(allSettled).metrics;

    // Every task keeps its own outcome: the failures that came after all had settled count too.
    expect(all.records.filter((r) => r.status === 'error' && !r.orphaned)).toHaveLength(1);
    expect(allMetrics.orphaned).toBeGreaterThan(0);
    expect(allMetrics.wallMs).toBeLessThan(Math.max(...all.records.map((r) => r.endMs)));
    expect(settledMetrics).toMatchObject({ tasks: 16, orphaned: 0 });
    expect(settledMetrics.ok + settledMetrics.failed).toBe(16);
    expect(settledMetrics.failed).toBeGreaterThan(1);
    const failedInAll = all.records.find((r) => r.status === 'error');
    expect(allSettled.records[failedInAll?.index ?? -1]?.status).toBe('error');
    expect(allMetrics.failed).toBe(settledMetrics.failed);
    expect(settledMetrics.wallMs).toBeGreaterThanOrEqual(Math.max(...allSettled.records.map((r) => r.endMs)));
  });

  it('an attempt over timeoutMs ends as timeout, long before the work would have', async () => {
    const run = await runEngine(scenario({ strategy: { type: 'allSettled' }, options: { timeoutMs: 100 }, tasks: [{ kind: 'timer', count: 4, ms: 5_000 }] }));
    expect(run.records.map((r) => [r.status, r.error])).toEqual(Array(4).fill(['timeout', 'timed out after 100 ms']));
    expect(finishedOf(run).metrics.timedOut).toBe(4);
    expect(finishedOf(run).metrics.wallMs).toBeLessThan(5_000);
  });

  it('retries transient failures (failRate is per attempt) until they succeed', async () => {
    const run = await runEngine(
      scenario({
        strategy: { type: 'pool', concurrency: 8 },
        options: { retries: 6, retryDelayMs: 5, seed: 11 },
        tasks: [{ kind: 'timer', count: 20, ms: 5, failRate: 0.4 }],
      }),
    );
    expect(run.records.every((r) => r.status === 'ok')).toBe(true);
    const retried = run.records.filter((r) => r.attempts > 1);
    expect(retried.length).toBeGreaterThan(3);
    // A task with n attempts waited 5 + 10 + ... ms of backoff between them.
    for (const record of retried) expect(record.endMs - record.startMs).toBeGreaterThanOrEqual(5 * (2 ** (record.attempts - 1) - 1));
  });

  it('retries stop at the limit, keeping the last error', async () => {
    const run = await runEngine(scenario({ strategy: { type: 'allSettled' }, options: { retries: 2, retryDelayMs: 1 }, tasks: [{ kind: 'timer', count: 3, ms: 1, failRate: 1 }] }));
    expect(run.records.map((r) => [r.status, r.attempts])).toEqual(Array(3).fill(['error', 3]));
  });

  it('cancel ends the run promptly: running and waiting tasks end cancelled', async () => {
    const run = await runEngine(scenario({ strategy: { type: 'pool', concurrency: 2 }, tasks: [{ kind: 'timer', count: 10, ms: 10_000 }] }), { cancelAfterMs: 300 });
    const finished = finishedOf(run);
    expect(finished.status).toBe('cancelled');
    expect(run.cancelToExitMs).toBeLessThan(3_000);
    expect(run.records).toHaveLength(10);
    expect(run.records.every((r) => r.status === 'cancelled')).toBe(true);
    expect(run.records.filter((r) => r.attempts === 1)).toHaveLength(2);
    expect(finished.metrics.cancelled).toBe(10);
    expect(run.exitCode).toBe(0);
  });

  it('cancel also stops work on worker threads, and kills the child processes they started', async () => {
    const pidFile = join(mkdtempSync(join(tmpdir(), 'engine-child-')), 'pid');
    const childScript = `require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setTimeout(() => {}, 20000)`;
    const run = await runEngine(
      scenario({
        strategy: { type: 'workers', threads: 3 },
        tasks: [{ kind: 'cpu', count: 2, ms: 20_000 }, { kind: 'spawn', count: 1, command: 'node', args: ['-e', childScript] }],
      }),
      { cancelAfterMs: 100, cancelWhen: () => existsSync(pidFile) },
    );
    expect(finishedOf(run).status).toBe('cancelled');
    expect(run.cancelToExitMs).toBeLessThan(3_000);
    expect(run.records.map((r) => [r.status, r.attempts])).toEqual(Array(3).fill(['cancelled', 1]));
    expect(await endsWithin(Number(readFileSync(pidFile, 'utf8')), 5_000)).toBe(true);
  });
});
