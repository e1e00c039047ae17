import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unpackRuntime } from '../../../shared/runtime/runtime-packing';
import type { RuntimeSlices } from '../../../shared/runtime/runtime-slices';
import { makeScenario, makeTasks, openTempStore } from './fixtures';

let temp: ReturnType<typeof openTempStore>;
beforeEach(() => {
  temp = openTempStore();
});
afterEach(() => temp.dispose());

/** `n` slices: loop, pool and worker in turn, task `i % 3` or the engine's own (-1) every fourth. */
function makeSlices(n: number, fromMs: number, types = ['Timeout', 'FSREQCALLBACK', 'sync']): RuntimeSlices {
  const index = Array.from({ length: n }, (_, i) => i);
  return {
    types,
    track: index.map((i) => i % 3),
    lane: index.map((i) => (i % 3 === 0 ? 0 : i % 2)),
    submitMs: index.map((i) => fromMs + i),
    startMs: index.map((i) => fromMs + i + 0.25),
    endMs: index.map((i) => fromMs + i + 0.75),
    type: index.map((i) => i % types.length),
    task: index.map((i) => (i % 4 === 3 ? -1 : i % 3)),
    merged: 2,
  };
}

describe('runtime slices in the history', () => {
  it('are stored with their batch and read back as tracks and as one packed blob', () => {
    const id = temp.store.createRun({ scenario: makeScenario({ options: { trace: 'runtime' } }) });
    temp.store.appendBatch(id, { finished: makeTasks(3), samples: [], runtime: makeSlices(6, 0, ['Timeout', 'FSREQCALLBACK']) });
    temp.store.appendBatch(id, { finished: [], samples: [], runtime: makeSlices(6, 100) });

    const trace = temp.store.getRuntimeTrace(id);
    expect(trace?.mergedSlices).toBe(4);
    expect(trace?.loop.map((s) => s.startMs)).toEqual([0.25, 3.25, 100.25, 103.25]);
    expect(trace?.loop[1]).toEqual({ startMs: 3.25, endMs: 3.75, type: 'FSREQCALLBACK', task: null });
    expect(trace?.threadpool[0]).toEqual({ submitMs: 1, startMs: 1.25, endMs: 1.75, lane: 1, type: 'FSREQCALLBACK', task: 1 });
    expect(trace?.workers.map((s) => [s.thread, s.type, s.task])).toContainEqual([0, 'sync', 2]);

    const packed = temp.store.getPackedRuntime(id);
    const arrays = unpackRuntime(packed!);
    expect(arrays.count).toBe(12);
    expect(arrays.types).toEqual(['Timeout', 'FSREQCALLBACK', 'sync']);
    expect(Array.from(arrays.startMs.subarray(6, 8))).toEqual([100.25, 101.25]);
    expect(Array.from(arrays.task.subarray(0, 4))).toEqual([0, 1, 2, -1]);
  });

  it('a tasks-mode run has an empty trace and no packed slices; an unknown run has neither', () => {
    const id = temp.store.createRun({ scenario: makeScenario() });
    temp.store.appendBatch(id, { finished: makeTasks(2), samples: [] });
    expect(temp.store.getRuntimeTrace(id)).toEqual({ loop: [], threadpool: [], workers: [], mergedSlices: 0 });
    expect(temp.store.getPackedRuntime(id)).toBeNull();
    expect(temp.store.getRuntimeTrace(999)).toBeNull();
  });

  it('go with their run when it is deleted for good', () => {
    const id = temp.store.createRun({ scenario: makeScenario({ options: { trace: 'runtime' } }) });
    temp.store.appendBatch(id, { finished: [], samples: [], runtime: makeSlices(3, 0) });
    temp.store.deleteRuns([id]);
    temp.store.purgeDeleted();
    temp.store.close();
    const db = new Database(temp.file, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM runtime_chunks').pluck().get()).toBe(0);
    db.close();
  });
});

describe('packed runtime slices', () => {
  it('refuse a blob of the wrong length, naming both lengths', () => {
    expect(() => unpackRuntime({ count: 2, types: ['Timeout'], merged: 0, base64: 'AAAA' })).toThrow('runtime slices: 2 slices need 80 bytes, got 3');
  });
});
