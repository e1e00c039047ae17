/// <reference types="svelte" />
import { describe, expect, it } from 'vitest';
import { RunsUnderWay } from '../../../../renderer/state/run/runs-under-way.svelte';
import type { HistoryApi } from '../../../../renderer/state/history/history-api';
import type { ActiveExperiment, ExperimentFinishedPayload, ExperimentProgressPayload } from '../../../../shared/api/experiment-methods';
import { FakeExplorerApi } from './fake-explorer-api';

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The explorer fake with an experiment side: what `experiments.active` answers, and its events. */
class FakeApi extends FakeExplorerApi {
  activeExperiment: ActiveExperiment | null = null;
  readonly experimentProgress: ((payload: ExperimentProgressPayload) => void)[] = [];
  readonly experimentFinished: ((payload: ExperimentFinishedPayload) => void)[] = [];
  experiments = {
    active: async () => this.activeExperiment,
    cancel: async ({ experimentId }: { experimentId: number }) => (this.calls.push(`experiments.cancel ${experimentId}`), { cancelled: true }),
  } as unknown as HistoryApi['experiments'];
  onExperimentProgress(listener: (payload: ExperimentProgressPayload) => void) { this.experimentProgress.push(listener); return () => {}; }
  onExperimentFinished(listener: (payload: ExperimentFinishedPayload) => void) { this.experimentFinished.push(listener); return () => {}; }
}

function setup() {
  const api = new FakeApi();
  api.activeRuns = [{ key: 'run-1', runId: 7, scenarioName: 'Slow timers', started: true, done: 3, total: 60, inFlight: 1, elapsedMs: 1500 }];
  return { api, runs: new RunsUnderWay(api) };
}

const step = (index: number, phase: 'started' | 'finished', key: string) =>
  ({ phase, index, total: 4, label: `pool:${2 ** index}`, warmup: false, key, runId: 20 + index, status: phase === 'finished' ? ('completed' as const) : null });

describe('RunsUnderWay', () => {
  it('lists the runs going on when the page loads and follows their progress to the end', async () => {
    const { api, runs } = setup();
    await runs.load();
    expect(runs.runs).toEqual([{ key: 'run-1', runId: 7, scenarioName: 'Slow timers', done: 3, total: 60, status: 'running', cancelling: false }]);
    api.emitBatch([], 4);
    expect(runs.runs[0]).toMatchObject({ done: 4, total: 4 });
    api.emitFinished('completed');
    expect(runs.runs[0]?.status).toBe('completed');
    runs.dismiss('run-1');
    expect(runs.runs).toEqual([]);
  });

  it('ignores runs it did not list (the page follows its own in the workbench)', async () => {
    const { api, runs } = setup();
    await runs.load();
    api.emitFinished('failed', 'run-2');
    api.emitBatch([], 2, 'run-2');
    expect(runs.runs.map((run) => [run.key, run.status, run.done])).toEqual([['run-1', 'running', 3]]);
  });

  it('cancels a run, which ends as its finish event says; a run still going cannot be dismissed', async () => {
    const { api, runs } = setup();
    await runs.load();
    runs.dismiss('run-1');
    const cancelling = runs.cancel('run-1');
    expect(runs.runs[0]?.cancelling).toBe(true);
    await cancelling;
    expect(api.calls).toContain('runs.cancel run-1');
    api.emitFinished('cancelled');
    expect(runs.runs[0]).toMatchObject({ status: 'cancelled', cancelling: false });
  });

  it('says so when the runs cannot be listed or a cancel fails', async () => {
    const { api, runs } = setup();
    api.runs.active = () => Promise.reject(new Error('the connection was lost'));
    await runs.load();
    expect(runs.error).toBe('What is going on could not be listed: the connection was lost');
    api.runs.active = async () => api.activeRuns;
    await runs.load();
    expect(runs.error).toBeNull();
    api.runs.cancel = () => Promise.reject(new Error('backend gone'));
    await runs.cancel('run-1');
    await settled();
    expect(runs.error).toBe('The run could not be cancelled: backend gone');
    expect(runs.runs[0]?.cancelling).toBe(false);
  });

  it('shows an experiment under way as a whole: its run is part of it, it follows its steps and cancels as a whole', async () => {
    const { api, runs } = setup();
    api.activeRuns.push({ key: 'exp-run-2', runId: 21, scenarioName: 'Sweep (pool:2)', started: true, done: 1, total: 16, inFlight: 2, elapsedMs: 10 });
    api.activeExperiment = { experimentId: 5, name: 'Sweep pool 1..8', step: step(1, 'started', 'exp-run-2') };
    await runs.load();
    expect(runs.runs.map((run) => run.key)).toEqual(['run-1']);
    expect(runs.experiment).toMatchObject({ experimentId: 5, name: 'Sweep pool 1..8', step: 'run 2 of 4 · pool:2', status: 'running' });

    for (const listener of api.experimentProgress) listener({ experimentId: 5, ...step(1, 'finished', 'exp-run-2') });
    expect(runs.experiment?.step).toBe('run 3 of 4');
    for (const listener of api.experimentProgress) listener({ experimentId: 9, ...step(3, 'started', 'other') });
    expect(runs.experiment?.step).toBe('run 3 of 4');

    await runs.cancelExperiment();
    expect(runs.experiment?.cancelling).toBe(true);
    expect(api.calls).toContain('experiments.cancel 5');
    runs.dismissExperiment();
    expect(runs.experiment).not.toBeNull();
    for (const listener of api.experimentFinished) listener({ experimentId: 5, cancelled: true, error: null });
    expect(runs.experiment).toMatchObject({ status: 'cancelled', cancelling: false });
    runs.dismissExperiment();
    expect(runs.experiment).toBeNull();
  });
});
