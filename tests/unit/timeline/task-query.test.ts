/// <reference types="svelte" />
import { describe, expect, it } from 'vitest';
import { TimelineData } from '../../../renderer/timeline/data/timeline-data';
import { TaskFilter } from '../../../renderer/timeline/state/task-filter.svelte';
import { matchMask, orderedSlots, type TaskFilterValues } from '../../../renderer/timeline/table/task-query';
import type { TaskRecord } from '../../../shared/protocol/task-record';
import { syntheticRun } from './fixtures/synthetic-run';

const labels = { groupLabels: ['fetch users', 'read files', 'queries', 'hashing', 'waits'], laneLabel: (lane: number) => `Slot ${lane + 1}` };
const none: TaskFilterValues = { kind: null, status: null, errorText: '', search: '' };

function record(index: number, patch: Partial<TaskRecord>): TaskRecord {
  const endMs = patch.endMs ?? index + 1;
  return { index, group: 0, kind: 'timer', lane: 0, queuedMs: 0, startMs: index, endMs, observedMs: endMs, status: 'ok', orphaned: false, error: null, attempts: 1, ...patch };
}

const small = () =>
  TimelineData.fromTasks([
    record(0, { kind: 'http', startMs: 5, endMs: 30, status: 'error', error: 'ECONNRESET' }),
    record(1, { kind: 'timer', startMs: 1, endMs: 3, lane: 1 }),
    record(2, { kind: 'http', startMs: 2, endMs: 9, lane: 2, status: 'timeout', error: null, group: 1 }),
    record(3, { kind: 'cpu', startMs: 0, endMs: 50, lane: 3, status: 'error', error: 'out of memory', orphaned: true }),
  ]);
const indexes = (data: TimelineData, slots: Uint32Array | null) => Array.from(slots ?? [], (slot) => data.taskIndex[slot]);

describe('matchMask', () => {
  it('lets every task through an empty filter without building anything', () => {
    expect(matchMask(small(), none, labels)).toBeNull();
  });

  it('filters by kind, status, "not ok", error text (a missing timeout message reads "timed out") and index or label', () => {
    const data = small();
    const matched = (filter: Partial<TaskFilterValues>) => indexes(data, orderedSlots(data, matchMask(data, { ...none, ...filter }, labels), null, labels));
    expect(matched({ kind: 'http' })).toEqual([0, 2]);
    expect(matched({ status: 'error' })).toEqual([0, 3]);
    expect(matched({ status: 'not-ok' })).toEqual([0, 2, 3]);
    expect(matched({ status: 'orphaned' })).toEqual([3]);
    expect(matched({ errorText: 'econn' })).toEqual([0]);
    expect(matched({ errorText: 'TIMED OUT' })).toEqual([2]);
    expect(matched({ search: '#3' })).toEqual([3]);
    expect(matched({ search: '1' })).toEqual([1]);
    expect(matched({ search: 'slot 3' })).toEqual([2]);
    expect(matched({ search: 'read' })).toEqual([2]);
    expect(matched({ kind: 'http', status: 'error' })).toEqual([0]);
  });
});

describe('orderedSlots', () => {
  it('sorts by every column either way, ties in slot order', () => {
    const data = small();
    const sorted = (column: Parameters<TaskFilter['sortBy']>[0], descending = false) =>
      indexes(data, orderedSlots(data, null, { column, descending }, labels));
    expect(sorted('task', true)).toEqual([3, 2, 1, 0]);
    expect(sorted('start')).toEqual([3, 1, 2, 0]);
    expect(sorted('end')).toEqual([1, 2, 0, 3]);
    expect(sorted('took', true)).toEqual([3, 0, 2, 1]);
    expect(sorted('kind')).toEqual([3, 0, 2, 1]);
    expect(sorted('status')).toEqual([0, 3, 1, 2]);
    expect(sorted('error')).toEqual([1, 2, 0, 3]);
    expect(sorted('lane', true)).toEqual([3, 2, 1, 0]);
    expect(sorted('group', true)).toEqual([2, 0, 1, 3]);
  });

  it('filters and sorts 100,000 tasks from the typed arrays', () => {
    const data = TimelineData.fromTasks(syntheticRun({ tasks: 100_000, lanes: 64, failureRate: 0.02 }).tasks);
    const mask = matchMask(data, { ...none, status: 'not-ok' }, labels)!;
    const slots = orderedSlots(data, mask, { column: 'took', descending: true }, labels)!;
    const expected = data.countByStatus('error') + data.countByStatus('timeout') + data.countByStatus('skipped') + data.countByStatus('cancelled');
    expect(slots.length).toBe(expected);
    const took = (slot: number) => data.endMs[slot]! - data.startMs[slot]!;
    expect(Array.from(slots).every((slot, i) => i === 0 || took(slots[i - 1]!) >= took(slot))).toBe(true);
  });
});

describe('TaskFilter', () => {
  it('toggles legend entries and error messages, and cycles a column through ascending, descending and none', () => {
    const filter = new TaskFilter();
    filter.toggleKind('http');
    expect(filter.active).toBe(true);
    filter.toggleKind('http');
    expect(filter.kind).toBeNull();
    filter.toggleMessage('ECONNRESET');
    expect(filter.values).toEqual({ kind: null, status: 'not-ok', errorText: 'ECONNRESET', search: '' });
    filter.toggleMessage('ECONNRESET');
    expect(filter.active).toBe(false);
    expect(filter.ariaSort('start')).toBe('none');
    filter.sortBy('start');
    expect(filter.ariaSort('start')).toBe('ascending');
    filter.sortBy('start');
    expect(filter.ariaSort('start')).toBe('descending');
    filter.sortBy('start');
    expect(filter.sort).toBeNull();
  });
});
