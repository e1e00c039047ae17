/// <reference types="svelte" />
import { describe, expect, it } from 'vitest';
import { RunsUnderWay } from '../../../../renderer/state/run/runs-under-way.svelte';
import { FakeExplorerApi } from './fake-explorer-api';

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup() {
  const api = new FakeExplorerApi();
  api.activeRuns = [{ key: 'run-1', runId: 7, scenarioName: 'Slow timers', started: true, done: 3, total: 60, inFlight: 1, elapsedMs: 1500 }];
  return { api, runs: new RunsUnderWay(api) };
}

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
    expect(runs.error).toBe('The runs going on could not be listed: the connection was lost');
    api.runs.active = async () => api.activeRuns;
    await runs.load();
    expect(runs.error).toBeNull();
    api.runs.cancel = () => Promise.reject(new Error('backend gone'));
    await runs.cancel('run-1');
    await settled();
    expect(runs.error).toBe('The run could not be cancelled: backend gone');
    expect(runs.runs[0]?.cancelling).toBe(false);
  });
});
