import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadExperiment } from '../../../electron/backend/experiments/load-experiment';
import { HistoryError, HistoryStore } from '../../../electron/backend/history';
import type { RunMetrics } from '../../../shared/metrics/metrics-schema';
import { ScenarioSchema, type Strategy } from '../../../shared/scenario';
import { metricsWith } from '../../unit/stats/metrics-fixture';

let dir: string;
let store: HistoryStore;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'load-experiment-'));
  store = HistoryStore.open(path.join(dir, 'history.sqlite'));
});

afterEach(async () => {
  store.close();
  await rm(dir, { recursive: true, force: true });
});

function storeRun(experimentId: number, strategy: Strategy, end: { status: 'completed' | 'failed'; metrics: RunMetrics | null }): number {
  const scenario = ScenarioSchema.parse({ version: 1, name: 'Timers', strategy, tasks: [{ kind: 'timer', count: 4, ms: 5 }] });
  const id = store.createRun({ scenario, experimentId });
  store.finishRun(id, end.status === 'failed' ? { ...end, error: 'The engine process was killed during the run.' } : end);
  return id;
}

const pool = (concurrency: number): Strategy => ({ type: 'pool', concurrency });
const point = (throughputPerSec: number, p99: number): RunMetrics =>
  metricsWith({ throughputPerSec, latencyMs: { p50: 1, p90: 2, p99, max: p99, mean: 1 } });

describe('loadExperiment', () => {
  it('reopens a repeat as a whole: its runs in order and statistics of the completed ones', () => {
    const id = store.createExperiment({ kind: 'repeat', name: 'Repeat x4: Timers', params: { repeat: 4, warmup: 0 } });
    const runIds = [100, 110, 120].map((wallMs) => storeRun(id, pool(2), { status: 'completed', metrics: metricsWith({ wallMs }) }));
    runIds.push(storeRun(id, pool(2), { status: 'failed', metrics: null }));

    const reopened = loadExperiment(store, id);
    expect(reopened).toMatchObject({ id, kind: 'repeat', name: 'Repeat x4: Timers', params: { repeat: 4, warmup: 0 } });
    expect(reopened.runs.map((r) => [r.id, r.status, r.experimentId])).toEqual(runIds.map((runId, i) => [runId, i < 3 ? 'completed' : 'failed', id]));
    expect(reopened.runs[0]?.metrics?.wallMs).toBe(100);
    expect(reopened.stats?.wallMs).toMatchObject({ mean: 110, sd: 10, n: 3 });
    expect(reopened.sweep).toBeUndefined();
  });

  it('recomputes the sweep chart and its knee, leaving out runs in the trash', () => {
    const id = store.createExperiment({ kind: 'sweep', name: 'Sweep', params: { maxConcurrency: 8 } });
    storeRun(id, pool(1), { status: 'completed', metrics: point(100, 10) });
    storeRun(id, pool(2), { status: 'completed', metrics: point(200, 10) });
    const trashed = storeRun(id, pool(4), { status: 'completed', metrics: point(9999, 1) });
    storeRun(id, pool(8), { status: 'completed', metrics: point(205, 40) });
    store.deleteRuns([trashed]);

    const reopened = loadExperiment(store, id);
    expect(reopened.runs).toHaveLength(3);
    expect(reopened.sweep?.points.map((p) => p.concurrency)).toEqual([1, 2, 8]);
    expect(reopened.sweep?.knee?.concurrency).toBe(2);
    expect(reopened.stats).toBeUndefined();
  });

  it('says so when there is no experiment with that id', () => {
    expect(() => loadExperiment(store, 42)).toThrow(HistoryError);
    expect(() => loadExperiment(store, 42)).toThrow('There is no experiment with id 42.');
  });
});
