import { describe, expect, it } from 'vitest';
import type { TaskRecord, TaskStart } from '../../../shared/protocol/task-record';
import { TimelineData } from '../../../renderer/timeline/data/timeline-data';
import { RUNNING_CODE, statusCode, kindCode } from '../../../renderer/timeline/data/task-codes';
import { describeTask } from '../../../renderer/timeline/data/task-info';
import { seededRandom, syntheticRun } from './fixtures/synthetic-run';

function start(index: number, lane: number, startMs: number, kind = 'timer'): TaskStart {
  return { index, group: 0, kind, lane, queuedMs: 0, startMs };
}

function finish(task: TaskStart, endMs: number, status: TaskRecord['status'] = 'ok', error: string | null = null): TaskRecord {
  return { ...task, endMs, observedMs: endMs, status, orphaned: false, error, attempts: 1 };
}

function laneStarts(data: TimelineData, lane: number): number[] {
  return (data.laneSpans(lane)?.slots ?? []).map((slot) => data.startMs[slot]!);
}

describe('TimelineData live appends', () => {
  it('grows past its initial capacity and keeps every started task as running', () => {
    const data = new TimelineData(16);
    const starts = Array.from({ length: 1000 }, (_, i) => start(i, i % 4, i * 0.5));
    data.appendStarted(starts.slice(0, 10));
    data.appendStarted(starts.slice(10));
    expect(data.count).toBe(1000);
    expect(data.startMs.length).toBeGreaterThanOrEqual(1000);
    expect(data.startMs[999]).toBe(499.5);
    expect(data.lane[999]).toBe(3);
    expect(data.status[500]).toBe(RUNNING_CODE);
    expect(data.endMs[500]).toBe(Infinity);
    expect(data.runningCount).toBe(1000);
    expect(data.laneCount).toBe(4);
    expect(data.nowMs).toBe(499.5);
    expect(laneStarts(data, 1)).toHaveLength(250);
  });

  it('completes spans when records arrive, and bumps the version on every change', () => {
    const data = new TimelineData();
    const a = start(0, 0, 1);
    const b = start(1, 1, 2, 'http');
    data.appendStarted([a, b]);
    const before = data.version;
    data.appendFinished([finish(a, 5), finish(b, 9, 'error', 'ECONNRESET')]);
    expect(data.version).toBeGreaterThan(before);
    expect(data.runningCount).toBe(0);
    expect(data.countByStatus('error')).toBe(1);
    expect(data.countByStatus('ok')).toBe(1);
    expect(data.countByKind('http')).toBe(1);
    expect(data.countByKind('timer')).toBe(1);
    expect(data.endMs[1]).toBe(9);
    expect(data.status[1]).toBe(statusCode('error'));
    expect(data.kind[1]).toBe(kindCode('http'));
    expect(data.error(1)).toBe('ECONNRESET');
    expect(data.error(0)).toBeNull();
    expect(data.nowMs).toBe(9);
    expect(describeTask(data, 1, ['first group'], (lane) => `Slot ${lane + 1}`)).toMatchObject({
      index: 1,
      lane: 1,
      laneLabel: 'Slot 2',
      kind: 'http',
      groupLabel: 'first group',
      endMs: 9,
      durationMs: 7,
      waitMs: 2,
      status: 'error',
    });
  });

  it('adds a task it never saw start (cancelled before it started) and ignores a repeated start', () => {
    const data = new TimelineData();
    data.appendStarted([start(3, 0, 1)]);
    data.appendStarted([start(3, 0, 1)]);
    data.appendFinished([{ ...finish(start(7, 2, 4), 4, 'cancelled'), attempts: 0 }]);
    expect(data.count).toBe(2);
    expect(data.slotOfTask(3)).toBe(0);
    expect(data.slotOfTask(7)).toBe(1);
    expect(data.slotOfTask(5)).toBe(-1);
    expect(data.laneCount).toBe(3);
    expect(describeTask(data, 1)).toMatchObject({ status: 'cancelled', attempts: 0, durationMs: 0, groupLabel: 'group 0', laneLabel: 'Lane 2' });
  });

  it('shows a running task up to the latest time the run reached', () => {
    const data = new TimelineData();
    data.appendStarted([start(0, 0, 10)]);
    data.setElapsed(25);
    expect(describeTask(data, 0)).toMatchObject({ status: 'running', endMs: null, durationMs: 15 });
  });

  it('keeps each lane in start order when starts arrive out of order, and moves a task whose record names another lane', () => {
    const data = new TimelineData();
    data.appendStarted([start(0, 0, 5), start(1, 0, 1), start(2, 0, 3)]);
    data.appendStarted([start(3, 0, 2)]);
    expect(laneStarts(data, 0)).toEqual([1, 2, 3, 5]);
    data.appendFinished([finish(start(2, 1, 3), 4)]);
    expect(laneStarts(data, 0)).toEqual([1, 2, 5]);
    expect(laneStarts(data, 1)).toEqual([3]);
    expect(data.lane[data.slotOfTask(2)]).toBe(1);
  });

  it('keeps the sample series in time order', () => {
    const data = new TimelineData();
    const sample = { inFlight: 1, elu: 0.1, cpuPercent: 5, rssBytes: 1, heapUsedBytes: 1 };
    data.appendSamples([{ ...sample, tMs: 40, loopDelayMs: 4 }, { ...sample, tMs: 20, loopDelayMs: 2 }]);
    data.appendSamples([{ ...sample, tMs: 60, loopDelayMs: 6 }]);
    const { samples } = data;
    expect(Array.from(samples.timeMs.subarray(0, samples.count))).toEqual([20, 40, 60]);
    expect(Array.from(samples.loopDelayMs.subarray(0, samples.count))).toEqual([2, 4, 6]);
    expect(samples.firstAtOrAfter(30)).toBe(1);
    expect(data.nowMs).toBe(60);
  });
});

describe('TimelineData.fromTasks', () => {
  it('holds a stored run of 100,000 records given in any order, every lane sorted by start', () => {
    const { tasks, samples } = syntheticRun({ tasks: 100_000, lanes: 16 });
    const random = seededRandom(7);
    const shuffled = [...tasks].sort(() => random() - 0.5);
    const data = TimelineData.fromTasks(shuffled, samples);
    expect(data.count).toBe(100_000);
    expect(data.runningCount).toBe(0);
    expect(data.laneCount).toBe(16);
    expect(data.samples.count).toBe(samples.length);
    let total = 0;
    for (let lane = 0; lane < 16; lane++) {
      const starts = laneStarts(data, lane);
      total += starts.length;
      expect(starts.every((s, i) => i === 0 || s >= starts[i - 1]!)).toBe(true);
    }
    expect(total).toBe(100_000);
    const slot = data.slotOfTask(12_345);
    expect(describeTask(data, slot)).toMatchObject({ index: 12_345, lane: tasks[12_345]!.lane, startMs: tasks[12_345]!.startMs });
  });
});

describe('TimelineData refuses what it cannot hold', () => {
  it('names the task and field, and appends nothing of a bad batch', () => {
    const data = new TimelineData();
    data.appendStarted([start(0, 0, 1)]);
    const version = data.version;
    expect(() => data.appendStarted([start(1, 0, 2), start(2, 0, Number.NaN)])).toThrow(
      'started[1].startMs: must be a finite number >= 0, got NaN',
    );
    expect(() => data.appendStarted([start(1, 0.5, 2)])).toThrow('started[0].lane: must be a whole number >= 0, got 0.5');
    expect(() => data.appendStarted([start(1, 0, 2, 'teleport')])).toThrow('started[0].kind: must be a task kind, got "teleport"');
    expect(() => data.appendFinished([{ ...finish(start(0, 0, 1), 2), status: 'running' as never }])).toThrow(
      'finished[0].status: must be ok, error, timeout, cancelled or skipped, got "running"',
    );
    expect(() => data.appendSamples([{ tMs: -1, loopDelayMs: 1, inFlight: 0, elu: 0, cpuPercent: 0, rssBytes: 0, heapUsedBytes: 0 }])).toThrow(
      'samples[0].tMs: must be a finite number >= 0, got -1',
    );
    expect(() => data.setElapsed(Infinity)).toThrow('elapsedMs: must be a finite number >= 0');
    expect(() => describeTask(data, 4)).toThrow('slot: must be a whole number from 0 to 0, got 4');
    expect(data.count).toBe(1);
    expect(data.samples.count).toBe(0);
    expect(data.version).toBe(version);
    expect(data.status[0]).toBe(RUNNING_CODE);
  });
});
