import { describe, expect, it } from 'vitest';
import { memoryGrowth, retriesInflateTail, timeoutsCluster } from '../../../shared/findings/rules/outcome-rules';
import { craftedRun, quietSamples, tasksOf } from './crafted-run';

const MB = 1024 * 1024;

describe('retries-inflate-tail', () => {
  const withRetries = (slowestRetried: boolean) =>
    craftedRun({
      strategy: { type: 'pool', concurrency: 4 },
      options: { retries: 2 },
      groups: [{ kind: 'http', count: 100, failRate: 0.02 }],
      tasks: tasksOf(
        100,
        (i) => i * 10,
        (i) => (i === 0 ? 300 : i === 1 ? 200 : 10),
        (i) => ({ attempts: (i === 0) === slowestRetried && i < 2 ? 2 : 1 }),
      ),
    });

  it('fires when the slowest tasks are the retried ones', () => {
    expect(retriesInflateTail(withRetries(true))).toMatchObject([{ id: 'retries-inflate-tail', tasks: [0], evidence: { retriedInTail: 1, tailTasks: 1 } }]);
  });

  it('stays silent when the tail is made of single attempts', () => {
    expect(retriesInflateTail(withRetries(false))).toEqual([]);
  });
});

describe('timeouts-cluster', () => {
  // 15 successful tasks spread over a second, and 5 timeouts that end either together or spread out.
  const run = (timeoutEnd: (i: number) => number) =>
    craftedRun({
      strategy: { type: 'allSettled' },
      options: { timeoutMs: 100 },
      groups: [{ kind: 'http', count: 20 }],
      tasks: [
        ...tasksOf(15, (i) => i * 60, () => 50),
        ...tasksOf(5, (i) => timeoutEnd(i) - 100, () => 100, () => ({ status: 'timeout' as const })),
      ],
    });

  it('fires when the timeouts end within a short stretch while other tasks succeeded', () => {
    expect(timeoutsCluster(run((i) => 500 + i * 5))).toMatchObject([
      { id: 'timeouts-cluster', severity: 'problem', tasks: [15, 16, 17, 18, 19], fromMs: 500, toMs: 520, evidence: { timeouts: 5, inCluster: 5 } },
    ]);
  });

  it('stays silent when the timeouts are spread over the run', () => {
    expect(timeoutsCluster(run((i) => 100 + i * 200))).toEqual([]);
  });
});

describe('memory-growth', () => {
  const withHeap = (heap: (i: number) => number) =>
    craftedRun({
      strategy: { type: 'all' },
      groups: [{ kind: 'timer', count: 1, ms: 2000 }],
      tasks: tasksOf(1, () => 0, () => 2000),
      samples: quietSamples(2000).map((s, i) => ({ ...s, heapUsedBytes: heap(i) })),
    });

  it('fires when the heap climbs steadily through the run', () => {
    const [finding] = memoryGrowth(withHeap((i) => (20 + i * 10) * MB));
    expect(finding).toMatchObject({ id: 'memory-growth', fromMs: 0, toMs: 2000 });
    expect(finding?.evidence.growthBytes).toBeGreaterThan(150 * MB);
  });

  it("stays silent on the garbage collector's sawtooth", () => {
    expect(memoryGrowth(withHeap((i) => (i % 2 === 0 ? 20 : 90) * MB))).toEqual([]);
  });
});
