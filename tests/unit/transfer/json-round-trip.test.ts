import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportRunJson, parseRunImport } from '../../../electron/backend/transfer';
import type { TaskRecord } from '../../../shared/protocol/task-record';
import type { RunDetail } from '../../../shared/run/run-schema';
import { makeMetrics, makeSamples, makeScenario, makeTasks, openTempStore } from '../history/fixtures';

let temp: ReturnType<typeof openTempStore>;
beforeEach(() => {
  temp = openTempStore();
});
afterEach(() => temp.dispose());

function recordRun(tasks: TaskRecord[], experimentId: number | null = null): RunDetail {
  const { store } = temp;
  const id = store.createRun({ scenario: makeScenario(), tags: ['x', 'y'], experimentId });
  store.recordStarted(id, { startedAtEpochMs: 1_700_000_000_000, totalTasks: tasks.length, lanes: 4 });
  store.appendBatch(id, { finished: tasks, samples: makeSamples(5) });
  store.finishRun(id, { status: 'completed', metrics: makeMetrics(tasks) });
  store.updateRun(id, { notes: 'notes with "quotes" and\nnew lines' });
  return store.getRun(id) as RunDetail;
}

function withoutId(run: RunDetail | null): Omit<RunDetail, 'id'> | null {
  if (run === null) return null;
  const { id: _id, ...rest } = run;
  return rest;
}

describe('JSON export and import', () => {
  it('gives back the same run under a new id', () => {
    const original = recordRun(makeTasks(500));
    const newId = temp.store.importRun(parseRunImport(exportRunJson(original)));
    expect(newId).not.toBe(original.id);
    expect(withoutId(temp.store.getRun(newId))).toEqual(withoutId(original));
  });

  it('leaves the experiment behind and never overwrites: importing twice makes two runs', () => {
    const experimentId = temp.store.createExperiment({ kind: 'repeat', name: 'r', params: { times: 2 } });
    const original = recordRun(makeTasks(20), experimentId);
    const text = exportRunJson(original);
    const first = temp.store.importRun(parseRunImport(text));
    const second = temp.store.importRun(parseRunImport(text));
    expect(new Set([original.id, first, second]).size).toBe(3);
    expect(temp.store.getRunSummary(first)?.experimentId).toBeNull();
    expect(temp.store.getExperiment(experimentId)?.runIds).toEqual([original.id]);
    expect(temp.store.countRuns()).toBe(3);
  });

  it('brings a run exported while running in as interrupted', () => {
    const id = temp.store.createRun({ scenario: makeScenario() });
    temp.store.appendBatch(id, { finished: makeTasks(3), samples: [] });
    const imported = temp.store.importRun(parseRunImport(exportRunJson(temp.store.getRun(id) as RunDetail)));
    expect(temp.store.getRunSummary(imported)?.status).toBe('interrupted');
    expect(temp.store.markInterruptedRuns()).toBe(0);
  });

  it('keeps any times, lanes and error texts exactly', () => {
    const time = fc.double({ min: 0, max: 1e7, noNaN: true }).map((x) => x + 0);
    const task = fc.record({ queuedMs: time, startMs: time, duration: time, lane: fc.nat(1000), error: fc.option(fc.string(), { nil: null }) });
    fc.assert(
      fc.property(fc.array(task, { minLength: 1, maxLength: 30 }), (generated) => {
        const tasks = makeTasks(generated.length).map((base, i) => {
          const g = generated[i]!;
          return { ...base, lane: g.lane, queuedMs: Math.min(g.queuedMs, g.startMs), startMs: g.startMs, endMs: g.startMs + g.duration, error: g.error };
        });
        const original = recordRun(tasks);
        const copy = temp.store.getRun(temp.store.importRun(parseRunImport(exportRunJson(original))));
        expect(withoutId(copy)).toEqual(withoutId(original));
      }),
      { numRuns: 40 },
    );
  });
});
