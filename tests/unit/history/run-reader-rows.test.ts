import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TaskRecordSchema } from '../../../shared/protocol/task-record';
import { makeMetrics, makeScenario, makeTasks, openTempStore } from './fixtures';

let temp: ReturnType<typeof openTempStore>;
beforeEach(() => {
  temp = openTempStore();
});
afterEach(() => temp.dispose());

describe("reading a run's tasks from array rows", () => {
  it('gives records with the fields in TaskRecord order, so exported JSON text is unchanged', () => {
    const id = temp.store.createRun({ scenario: makeScenario() });
    const tasks = makeTasks(16);
    temp.store.appendBatch(id, { finished: tasks, samples: [] });
    temp.store.finishRun(id, { status: 'completed', metrics: makeMetrics(tasks) });

    const read = temp.store.getRun(id)?.tasks ?? [];
    expect(read).toHaveLength(16);
    for (const task of read) expect(Object.keys(task)).toEqual(Object.keys(TaskRecordSchema.shape));
    expect(JSON.stringify(read)).toBe(JSON.stringify(tasks));
    expect(read.some((task) => task.error !== null)).toBe(true);
  });
});
