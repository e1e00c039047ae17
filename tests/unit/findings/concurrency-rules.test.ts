import { describe, expect, it } from 'vitest';
import {
  batchHeadOfLine,
  orphanedWork,
  poolTooSmall,
  sequentialIndependent,
  unboundedConcurrency,
} from '../../../shared/findings/rules/concurrency-rules';
import { craftedRun, quietSamples, tasksOf } from './crafted-run';

const timers = (count: number) => [{ kind: 'timer' as const, count, ms: 100 }];

describe('orphaned-work', () => {
  const failFast = (strategy: 'all' | 'allSettled') =>
    craftedRun({
      strategy: { type: strategy },
      groups: timers(4),
      tasks: tasksOf(4, () => 0, (i) => (i === 0 ? 10 : 100), (i) => (i === 0 ? { status: 'error' } : { orphaned: strategy === 'all' })),
      wallMs: strategy === 'all' ? 10 : 100,
    });

  it('fires on tasks that ran on after Promise.all failed fast, with when they ended', () => {
    expect(orphanedWork(failFast('all'))).toMatchObject([
      { id: 'orphaned-work', severity: 'warning', tasks: [1, 2, 3], fromMs: 10, toMs: 100, evidence: { orphaned: 3, lastEndMs: 100 } },
    ]);
    expect(orphanedWork(failFast('all'))[0]?.suggestion?.scenarioPatch).toEqual({ strategy: { type: 'allSettled' } });
  });

  it('stays silent when every task ended before the strategy settled', () => {
    expect(orphanedWork(failFast('allSettled'))).toEqual([]);
  });
});

describe('unbounded-concurrency', () => {
  const http = (strategy: { type: 'all' } | { type: 'pool'; concurrency: number }, count: number) =>
    craftedRun({ strategy, groups: [{ kind: 'http', count }], tasks: tasksOf(count, (i) => (strategy.type === 'all' ? 0 : Math.floor(i / 16) * 50), () => 50) });

  it('fires when 60 HTTP requests were in flight at once, suggesting a pool', () => {
    expect(unboundedConcurrency(http({ type: 'all' }, 60))).toMatchObject([
      { id: 'unbounded-concurrency', evidence: { peakInFlight: 60 }, suggestion: { scenarioPatch: { strategy: { type: 'pool', concurrency: 16 } } } },
    ]);
  });

  it('stays silent under a pool and for a small fan-out', () => {
    expect(unboundedConcurrency(http({ type: 'pool', concurrency: 16 }, 60))).toEqual([]);
    expect(unboundedConcurrency(http({ type: 'all' }, 10))).toEqual([]);
  });
});

describe('pool-too-small', () => {
  // pool:2 over 20 timers of 100 ms: two at a time, all queued at 0.
  const pinned = (elu: number) =>
    craftedRun({
      strategy: { type: 'pool', concurrency: 2 },
      groups: timers(20),
      tasks: tasksOf(20, (i) => Math.floor(i / 2) * 100, () => 100, () => ({ queuedMs: 0 })),
      samples: quietSamples(1000, { elu }),
    });

  it('fires when the pool ran full, tasks queued longer than they ran, and the loop sat idle', () => {
    const [finding] = poolTooSmall(pinned(0.1));
    expect(finding).toMatchObject({ id: 'pool-too-small', evidence: { concurrency: 2, pinnedFraction: 1 } });
    expect(finding?.suggestion?.scenarioPatch).toEqual({ strategy: { type: 'pool', concurrency: 4 } });
  });

  it('stays silent when the loop was busy, or when nothing queued', () => {
    expect(poolTooSmall(pinned(0.9))).toEqual([]);
    const wide = craftedRun({ strategy: { type: 'pool', concurrency: 20 }, groups: timers(20), tasks: tasksOf(20, () => 0, () => 100) });
    expect(poolTooSmall(wide)).toEqual([]);
  });
});

describe('batch-head-of-line', () => {
  const batches = (slowMs: number) =>
    craftedRun({
      strategy: { type: 'batch', size: 4 },
      groups: timers(8),
      tasks: tasksOf(8, (i) => (i < 4 ? 0 : slowMs), (i) => (i % 4 === 0 ? slowMs : 20)),
    });

  it('fires when each batch waited for one slow task while three lanes idled', () => {
    const [finding] = batchHeadOfLine(batches(200));
    expect(finding).toMatchObject({ id: 'batch-head-of-line', evidence: { batches: 2, size: 4 } });
    expect(finding?.evidence.idleFraction).toBeGreaterThan(0.6);
    expect(finding?.suggestion?.scenarioPatch).toEqual({ strategy: { type: 'pool', concurrency: 4 } });
  });

  it('stays silent when the tasks of a batch take the same time', () => {
    expect(batchHeadOfLine(batches(20))).toEqual([]);
  });
});

describe('sequential-independent', () => {
  it('fires on waiting tasks awaited one by one with an idle loop', () => {
    const run = craftedRun({ strategy: { type: 'sequential' }, groups: timers(5), tasks: tasksOf(5, (i) => i * 100, () => 100) });
    expect(sequentialIndependent(run)).toMatchObject([
      { id: 'sequential-independent', evidence: { tasks: 5, waitingMs: 500 }, suggestion: { scenarioPatch: { strategy: { type: 'pool', concurrency: 5 } } } },
    ]);
  });

  it('stays silent on sequential CPU work (nothing to overlap) and on a concurrent run', () => {
    const cpu = craftedRun({ strategy: { type: 'sequential' }, groups: [{ kind: 'cpu', count: 5, ms: 100 }], tasks: tasksOf(5, (i) => i * 100, () => 100) });
    expect(sequentialIndependent(cpu)).toEqual([]);
    const all = craftedRun({ strategy: { type: 'all' }, groups: timers(5), tasks: tasksOf(5, () => 0, () => 100) });
    expect(sequentialIndependent(all)).toEqual([]);
  });
});
