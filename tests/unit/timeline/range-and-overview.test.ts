import { describe, expect, it } from 'vitest';
import { overviewDensity } from '../../../renderer/timeline/data/overview-density';
import { rangeTotals } from '../../../renderer/timeline/data/range-totals';
import { TimelineData } from '../../../renderer/timeline/data/timeline-data';
import { MAX_UNGROUPED_LANES, groupedRowLabel, lanesPerRow } from '../../../renderer/timeline/layout/lane-groups';
import type { TaskRecord } from '../../../shared/protocol/task-record';

function record(index: number, startMs: number, endMs: number, status: TaskRecord['status'] = 'ok'): TaskRecord {
  return { index, group: 0, kind: 'timer', lane: index, queuedMs: 0, startMs, endMs, observedMs: endMs, status, orphaned: false, error: null, attempts: 1 };
}

// Four tasks over 0..100 ms: two overlap in 10..40, one fails at 60, one times out at 95.
const data = () =>
  TimelineData.fromTasks([record(0, 0, 40), record(1, 10, 50), record(2, 30, 60, 'error'), record(3, 70, 95, 'timeout')]);

describe('rangeTotals', () => {
  it('counts starts, ends and failures in the range, and its busy time and mean in flight', () => {
    const totals = rangeTotals(data(), 20, 60);
    expect(totals).toMatchObject({ startMs: 20, endMs: 60, started: 1, ended: 3, failed: 1 });
    expect(totals.busyMs).toBeCloseTo(20 + 30 + 30);
    expect(totals.meanInFlight).toBeCloseTo(2);
  });

  it('takes the range either way round and counts a running task up to the latest time', () => {
    const live = data();
    live.appendStarted([{ index: 4, group: 0, kind: 'timer', lane: 4, queuedMs: 0, startMs: 90 }]);
    live.setElapsed(100);
    const totals = rangeTotals(live, 100, 80);
    expect(totals).toMatchObject({ startMs: 80, endMs: 100, started: 1, ended: 1, failed: 1 });
    expect(totals.busyMs).toBeCloseTo(15 + 10);
  });
});

describe('overviewDensity', () => {
  it('buckets tasks in flight per column and marks the columns where failures ended', () => {
    const density = overviewDensity(data(), { startMs: 0, endMs: 100 }, 10);
    expect(Array.from(density.inFlight)).toEqual([1, 2, 2, 3, 3, 2, 1, 1, 1, 1]);
    expect(density.peak).toBe(3);
    expect(Array.from(density.failures)).toEqual([0, 0, 0, 0, 0, 0, 1, 0, 0, 1]);
  });
});

describe('grouped lanes', () => {
  it('keeps every task in its slot, moves lane l to row floor(l / n), and names rows by their lanes and task count', () => {
    const source = TimelineData.fromTasks(Array.from({ length: 300 }, (_, i) => ({ ...record(i, i, i + 5, i % 50 === 0 ? 'error' : 'ok'), error: i % 50 === 0 ? 'boom' : null })));
    const perRow = lanesPerRow(source.laneCount);
    expect(perRow).toBe(5);
    const grouped = TimelineData.grouped(source, perRow);
    expect(grouped.count).toBe(300);
    expect(grouped.laneCount).toBe(60);
    expect(grouped.lane[123]).toBe(24);
    expect(grouped.taskIndex[123]).toBe(source.taskIndex[123]);
    expect(grouped.error(100)).toBe('boom');
    expect(grouped.countByStatus('error')).toBe(6);
    expect(groupedRowLabel(grouped, perRow, source.laneCount)(59)).toBe('296–300 (5)');
    expect(lanesPerRow(MAX_UNGROUPED_LANES)).toBe(1);
  });
});
