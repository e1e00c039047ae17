import { describe, expect, it } from 'vitest';
import { syntheticRun } from '../timeline/fixtures/synthetic-run';
import { makeTasks } from '../history/fixtures';
import { columnsOf, recordsOf, toMicroseconds } from './task-columns-fixtures';

describe('TaskColumnsBuilder', () => {
  it('keeps every field of every record, times to the microsecond', () => {
    const tasks = makeTasks(40);
    const columns = columnsOf(tasks);
    expect(recordsOf(columns)).toEqual(toMicroseconds(tasks));
    expect(columns.startMs[3]).toBe(2.375);
    expect(columns.endMs[0]).toBe(10.188);
  });

  it('names each kind, status and error message once, and lists errors only for the tasks that have one', () => {
    const tasks = makeTasks(40);
    const columns = columnsOf(tasks);
    expect(columns.kinds).toEqual(['timer']);
    expect(new Set(columns.statuses)).toEqual(new Set(tasks.map((t) => t.status)));
    expect(columns.statuses).toHaveLength(new Set(columns.statuses).size);
    expect(columns.errors.at).toEqual(tasks.flatMap((t, i) => (t.error === null ? [] : [i])));
    expect(columns.errors.messages).toHaveLength(new Set(tasks.map((t) => t.error).filter((e) => e !== null)).size);
  });

  it('makes the JSON of a large run far smaller than its records', () => {
    const { tasks } = syntheticRun({ tasks: 20_000, lanes: 8, seed: 3, failureRate: 0.02 });
    const columns = JSON.stringify(columnsOf(tasks)).length;
    const records = JSON.stringify(tasks).length;
    expect(columns / records).toBeLessThan(0.4);
  });
});
