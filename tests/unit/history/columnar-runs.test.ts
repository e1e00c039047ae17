import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeMetrics, makeSamples, makeScenario, makeTasks, openTempStore } from './fixtures';
import { recordsFromArrays } from '../../../shared/run/task-columns';
import { findFindings, findingColumnsOf } from '../../../shared/findings';

let temp: ReturnType<typeof openTempStore>;
beforeEach(() => {
  temp = openTempStore();
});
afterEach(() => temp.dispose());

function recordRun(taskCount: number): number {
  const id = temp.store.createRun({ scenario: makeScenario(), name: 'Columns' });
  const tasks = makeTasks(taskCount);
  // Stored out of order: the columns come by task index all the same.
  temp.store.appendBatch(id, { finished: tasks.slice(taskCount / 2), samples: makeSamples(2) });
  temp.store.appendBatch(id, { finished: tasks.slice(0, taskCount / 2), samples: makeSamples(2, 2) });
  temp.store.finishRun(id, { status: 'completed', metrics: makeMetrics(tasks) });
  return id;
}

describe('HistoryStore.getColumnarRun', () => {
  it('is getRun with the tasks as columns by index', () => {
    const id = recordRun(24);
    const { tasks, ...run } = temp.store.getRun(id)!;
    const columnar = temp.store.getColumnarRun(id)!;
    expect({ ...columnar, tasks: undefined }).toEqual({ ...run, tasks: undefined });
    expect(recordsFromArrays(columnar.tasks)).toEqual(tasks);
    expect(Array.from(columnar.tasks.index)).toEqual([...Array(24).keys()]);
  });

  it('reads the packed chunks exactly as the rows, and the rows when the chunks are gone', () => {
    const id = recordRun(40);
    const fromChunks = recordsFromArrays(temp.store.getColumnarRun(id)!.tasks);
    const db = new Database(temp.file);
    expect(db.prepare('SELECT count(*) FROM task_chunks WHERE run_id = ?').pluck().get(id)).toBe(2);
    // A run recorded before chunks were stored has none: its rows are read instead, to the same records.
    db.prepare('DELETE FROM task_chunks WHERE run_id = ?').run(id);
    db.close();
    expect(fromChunks).toEqual(temp.store.getRun(id)!.tasks);
    expect(recordsFromArrays(temp.store.getColumnarRun(id)!.tasks)).toEqual(fromChunks);
  });

  it('reads the rows when the task indexes have gaps, and an imported run from its chunks', () => {
    const gaps = temp.store.createRun({ scenario: makeScenario(), name: 'Gaps' });
    const tasks = [...makeTasks(3), ...makeTasks(2, 10)];
    temp.store.appendBatch(gaps, { finished: tasks, samples: [] });
    expect(recordsFromArrays(temp.store.getColumnarRun(gaps)!.tasks)).toEqual(tasks);
    const exported = temp.store.getRun(recordRun(16))!;
    const imported = temp.store.importRun({ format: 'concurrency-explorer/run', version: 2, run: exported });
    expect(recordsFromArrays(temp.store.getColumnarRun(imported)!.tasks)).toEqual(exported.tasks);
  });

  it('has nothing for an unknown run or one in the trash', () => {
    const id = recordRun(8);
    expect(temp.store.getColumnarRun(id + 1)).toBeNull();
    temp.store.deleteRuns([id]);
    expect(temp.store.getColumnarRun(id)).toBeNull();
  });
});

describe('HistoryStore.getFindings', () => {
  it('finds from the chunks (stored out of order) what the rules find over the records by index, and the same from the rows', () => {
    const id = recordRun(40);
    const run = temp.store.getRun(id)!;
    const expected = findFindings({ scenario: run.scenario, tasks: findingColumnsOf(run.tasks), samples: run.samples, metrics: run.metrics! });
    expect(expected.map((f) => f.id)).toContain('orphaned-work');
    expect(temp.store.getFindings(id)).toEqual(expected);
    const db = new Database(temp.file);
    db.prepare('DELETE FROM task_chunks WHERE run_id = ?').run(id);
    db.close();
    expect(temp.store.getFindings(id)).toEqual(expected);
  });
});
