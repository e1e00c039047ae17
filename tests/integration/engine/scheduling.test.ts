import { describe, expect, it } from 'vitest';
import { peakOverlap } from '../../../shared/metrics/peak-overlap';
import type { TaskRecord } from '../../../shared/protocol/task-record';
import { finishedOf, runEngine, scenario } from './run-engine';

const sixteenTimers = [{ kind: 'timer' as const, count: 16, ms: 100 }];

function overlapsWithinLane(records: readonly TaskRecord[]): boolean {
  const lanes = new Set(records.map((r) => r.lane));
  return [...lanes].some((lane) => peakOverlap(records.filter((r) => r.lane === lane)) > 1);
}

describe('scheduling through a real engine process', () => {
  it('sequential, pool:4 and all: fewer tasks at once take proportionally longer', async () => {
    const sequential = await runEngine(scenario({ strategy: { type: 'sequential' }, tasks: sixteenTimers }));
    const pool = await runEngine(scenario({ strategy: { type: 'pool', concurrency: 4 }, tasks: sixteenTimers }));
    const all = await runEngine(scenario({ strategy: { type: 'all' }, tasks: sixteenTimers }));
    const [sequentialMs, poolMs, allMs] = [sequential, pool, all].map((run) => finishedOf(run).metrics.wallMs) as [number, number, number];

    // 16 rounds of 100 ms against 4: the ideal ratio is exactly 4, so allow for timer lateness on a busy machine.
    expect(sequentialMs / poolMs).toBeGreaterThanOrEqual(3.5);
    expect(sequentialMs / allMs).toBeGreaterThanOrEqual(6);
    expect(finishedOf(sequential).metrics.maxInFlight).toBe(1);
    expect(finishedOf(all).metrics.maxInFlight).toBe(16);
  });

  it('pool:4 never has more than 4 tasks in flight, and uses lanes 0..3 without overlap', async () => {
    const run = await runEngine(scenario({ strategy: { type: 'pool', concurrency: 4 }, tasks: [{ kind: 'timer', count: 40, ms: 10, jitterMs: 30 }] }));
    expect(run.records).toHaveLength(40);
    expect(peakOverlap(run.records)).toBeLessThanOrEqual(4);
    expect(new Set(run.records.map((r) => r.lane))).toEqual(new Set([0, 1, 2, 3]));
    expect(overlapsWithinLane(run.records)).toBe(false);
    expect(finishedOf(run).metrics.maxInFlight).toBe(4);
    expect(run.events.find((e) => e.type === 'started')).toMatchObject({ totalTasks: 40, lanes: 4 });
  });

  it('workers:2 runs tasks on two threads, one task per thread at a time', async () => {
    const run = await runEngine(scenario({ strategy: { type: 'workers', threads: 2 }, tasks: [{ kind: 'timer', count: 10, ms: 20, jitterMs: 20 }] }));
    expect(run.records.every((r) => r.status === 'ok')).toBe(true);
    expect(new Set(run.records.map((r) => r.lane))).toEqual(new Set([0, 1]));
    expect(overlapsWithinLane(run.records)).toBe(false);
  });
});
