import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeMetrics, makeSamples, makeScenario, makeTasks, openTempStore } from './fixtures';
import { recordsFromColumns, unpackTaskColumns } from '../../../shared/run/task-columns';

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
    expect(recordsFromColumns(columnar.tasks)).toEqual(tasks);
    expect(Array.from(unpackTaskColumns(columnar.tasks).index)).toEqual([...Array(24).keys()]);
  });

  it('has nothing for an unknown run or one in the trash', () => {
    const id = recordRun(8);
    expect(temp.store.getColumnarRun(id + 1)).toBeNull();
    temp.store.deleteRuns([id]);
    expect(temp.store.getColumnarRun(id)).toBeNull();
  });
});
