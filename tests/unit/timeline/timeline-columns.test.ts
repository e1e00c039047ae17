import { describe, expect, it } from 'vitest';
import { TimelineData } from '../../../renderer/timeline/data/timeline-data';
import type { TaskArrays } from '../../../shared/run/task-columns';
import { columnsOf } from '../run/task-columns-fixtures';
import { syntheticRun } from './fixtures/synthetic-run';

const ARRAYS = ['queuedMs', 'startMs', 'endMs', 'lane', 'group', 'taskIndex', 'kind', 'status', 'attempts'] as const;

function snapshot(data: TimelineData) {
  const slots = [...Array(data.count).keys()];
  return {
    count: data.count,
    laneCount: data.laneCount,
    nowMs: data.nowMs,
    arrays: Object.fromEntries(ARRAYS.map((name) => [name, Array.from(data[name].subarray(0, data.count))])),
    errors: slots.map((slot) => data.error(slot)),
    lanes: Array.from({ length: data.laneCount }, (_, lane) => data.laneSpans(lane)?.slots),
    samples: data.samples.count,
  };
}

describe('TimelineData.fromColumns', () => {
  it('holds a stored run exactly as fromTasks holds its records', () => {
    const { tasks, samples } = syntheticRun({ tasks: 5_000, lanes: 6, seed: 7, failureRate: 0.05 });
    const byIndex = [...tasks].sort((a, b) => a.index - b.index);
    const fromColumns = TimelineData.fromColumns(columnsOf(byIndex), samples);
    const fromTasks = TimelineData.fromTasks(byIndex, samples);
    expect(snapshot(fromColumns)).toEqual(snapshot(fromTasks));
    expect(fromColumns.countByStatus('error')).toBeGreaterThan(0);
    expect(fromColumns.slotOfTask(4_999)).toBe(4_999);
  });

  const good = () => columnsOf(syntheticRun({ tasks: 20, lanes: 2, seed: 1, failureRate: 0.2 }).tasks);
  const refusals: [string, (c: TaskArrays) => void, RegExp][] = [
    ['a time that is not a number', (c) => (c.startMs[4] = Number.NaN), /^tasks\.startMs\[4\]: must be a finite number >= 0, got NaN$/],
    ['a negative time', (c) => (c.endMs[2] = -1), /^tasks\.endMs\[2\]: must be a finite number >= 0, got -1$/],
    ['a kind code past its table', (c) => (c.kind[3] = c.kinds.length), /^tasks\.kind\[3\]: must be a position in kinds/],
    ['a kind the timeline does not know', (c) => (c.kinds[0] = 'telepathy'), /^tasks\.kinds\[0\]: must be a task kind, got "telepathy"$/],
    ['a status a finished task cannot have', (c) => (c.statuses[0] = 'running' as never), /^tasks\.statuses\[0\]: must be ok, error/],
    ['an error of no task', (c) => c.errors.at.push(20), /^tasks\.errors\.message: must have/],
    ['an error message past its table', (c) => (c.errors.message[0] = 99), /^tasks\.errors\.message\[0\]: must be a position in errors\.messages/],
    ['a task index twice', (c) => (c.index[5] = c.index[4]!), /^tasks\.index\[5\]: task 4 is there twice$/],
  ];
  it.each(refusals)('refuses %s, naming the column and the entry', (_, spoil, message) => {
    const columns = good();
    spoil(columns);
    expect(() => TimelineData.fromColumns(columns)).toThrow(RangeError);
    expect(() => TimelineData.fromColumns(columns)).toThrow(message);
  });
});
