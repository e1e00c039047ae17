/// <reference types="svelte" />
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExperimentForm } from '../../../renderer/state/experiments/experiment-form.svelte';
import { ExperimentSession, type ExperimentPhase } from '../../../renderer/state/experiments/experiment-session.svelte';
import type { ReopenedExperiment } from '../../../shared/experiments/experiment-summary';
import { forkLauncher } from '../../../electron/backend/runs/fork-launcher';
import { builtEngineEntry } from '../../fixtures/built-app';
import { scenarioOf } from '../runs/run-fixture';
import { HistoryBackend } from '../../unit/renderer/history/history-backend';
import { preparingRunner } from '../../fixtures/preparing-runner';

/** Experiments run real engine processes: the tests keep the scenarios tiny. */
const timers = (count: number, ms: number) =>
  scenarioOf({ version: 1, name: `${count} timers of ${ms} ms`, strategy: { type: 'all' }, tasks: [{ kind: 'timer', count, ms }] });

let backend: HistoryBackend;
let completed: ReopenedExperiment[];
let session: ExperimentSession;

beforeEach(() => {
  backend = new HistoryBackend(forkLauncher(builtEngineEntry()));
  completed = [];
  session = new ExperimentSession(backend.api, (result) => completed.push(result));
});
afterEach(() => {
  session.dispose();
  backend.dispose();
});

async function until(phase: (p: ExperimentPhase) => boolean, timeoutMs = 45_000): Promise<void> {
  await vi.waitFor(() => {
    if (!phase(session.phase)) throw new Error(`still ${session.phase}`);
  }, { timeout: timeoutMs, interval: 20 });
}

describe('ExperimentSession on the real backend and engine', () => {
  it('runs a strategy matrix in the background, follows its runs and reopens it as a whole', async () => {
    const labels: string[] = [];
    const stop = backend.api.onExperimentProgress((p) => labels.push(`${p.phase} ${p.index + 1}/${p.total} ${p.label}`));
    await session.start({ kind: 'matrix', scenario: timers(4, 5), strategies: [{ type: 'sequential' }, { type: 'pool', concurrency: 2 }] });
    expect(session.experimentId).not.toBeNull();
    await until((p) => p === 'completed');
    stop();

    expect(labels).toEqual(['started 1/2 sequential', 'finished 1/2 sequential', 'started 2/2 pool:2', 'finished 2/2 pool:2']);
    expect(session.fraction).toBe(1);
    expect(session.result?.kind).toBe('matrix');
    expect(session.result?.runs.map((r) => r.strategy)).toEqual([{ type: 'sequential' }, { type: 'pool', concurrency: 2 }]);
    expect(session.result?.runs.every((r) => r.experimentId === session.experimentId && r.metrics !== null)).toBe(true);
    expect(completed.map((r) => r.id)).toEqual([session.experimentId]);
  });

  it('repeats after an uncounted warm-up and reports mean and 95% CI of wall time and throughput', async () => {
    await session.start({ kind: 'repeat', scenario: timers(3, 5), repeat: 3, warmup: 1 });
    await until((p) => p === 'completed');
    expect(session.step).toMatchObject({ index: 3, total: 4, label: 'repeat 3/3', warmup: false });
    expect(session.result?.runs).toHaveLength(3);
    expect(session.result?.stats?.wallMs.n).toBe(3);
    expect(session.result?.stats?.throughputPerSec.ci95).not.toBeNull();
    expect(backend.store.countRuns()).toBe(3);
  });

  it('refuses a second experiment while one is under way, then cancels the first between its runs', async () => {
    await session.start({ kind: 'repeat', scenario: timers(2, 400), repeat: 20 });
    await until(() => session.step !== null);
    const other = new ExperimentSession(backend.api);
    await other.start({ kind: 'repeat', scenario: timers(1, 1), repeat: 1 });
    expect(other.phase).toBe('failed');
    expect(other.error).toContain(`Experiment ${session.experimentId} is still running`);
    other.dispose();

    await session.cancel();
    expect(session.cancelRequested).toBe(true);
    await until((p) => p !== 'running');
    expect(session.phase).toBe('cancelled');
    expect(session.result?.runs.length).toBeLessThan(20);
    expect(completed).toEqual([]);
  });

  it('tells a page that was not listening which experiment is under way and where it is', async () => {
    expect(await backend.api.experiments.active()).toBeNull();
    await session.start({ kind: 'repeat', scenario: timers(3, 150), repeat: 2 });
    let active: Awaited<ReturnType<typeof backend.api.experiments.active>> = null;
    await expect.poll(async () => (active = await backend.api.experiments.active())?.step?.label, { timeout: 30_000 }).toBe('repeat 1/2');
    expect(active).toMatchObject({ experimentId: session.experimentId, name: 'Repeat x2: 3 timers of 150 ms', step: { index: 0, total: 2, warmup: false } });
    await until((phase) => phase === 'completed');
    expect(await backend.api.experiments.active()).toBeNull();
  });

  it('ends an experiment whose end it missed when the connection comes back', async () => {
    // A client that never hears experimentFinished, as if the connection was down when it was sent.
    const deaf = { ...backend.api, onExperimentFinished: () => () => {} };
    const missing = new ExperimentSession(deaf, (result) => completed.push(result));
    try {
      await missing.start({ kind: 'repeat', scenario: timers(2, 5), repeat: 2 });
      await expect.poll(async () => backend.api.experiments.active(), { timeout: 30_000 }).toBeNull();
      expect(missing.phase).toBe('running');
      await missing.resync();
      expect(missing.phase).toBe('completed');
      expect(completed.map((result) => result.runs.length)).toEqual([2]);
    } finally {
      missing.dispose();
    }
  });

  it('fails with every problem of an invalid spec and stores nothing', async () => {
    await session.start({ kind: 'sweep', scenario: timers(1, 1), maxConcurrency: 0 });
    expect(session.phase).toBe('failed');
    expect(session.error).toContain('maxConcurrency: must be a whole number >= 1, got 0');
    expect(backend.store.listExperiments()).toEqual([]);
  });
});

const BUILDING = 'compiling runner.go with go1.22 (once; later runs reuse the build)';

describe('ExperimentSession while a run\'s runtime prepares', () => {
  it('shows what the run under way is preparing (a runner\'s first build) until it starts', async () => {
    // Go's runner as it is on a cold cache: it builds until the test releases it, then fails its run (the
    // experiment goes on after a failed run).
    const go = preparingRunner({ building: BUILDING, built: 'runner built', totalTasks: 3, heldUntilReleased: true });
    const building = new HistoryBackend(undefined, { go });
    const experiment = new ExperimentSession(building.api);
    const startedWhilePreparing: (string | null)[] = [];
    const stop = building.api.onRunStarted(() => startedWhilePreparing.push(experiment.step?.preparing ?? null));
    try {
      const scenario = scenarioOf({ version: 1, name: 'On Go', runtime: 'go', strategy: { type: 'all' }, tasks: [{ kind: 'timer', count: 3, ms: 1 }] });
      await experiment.start({ kind: 'repeat', scenario, repeat: 1 });
      await vi.waitFor(() => expect(experiment.step).toMatchObject({ index: 0, preparing: BUILDING, tasks: 0 }), { timeout: 10_000 });
      go.release();
      await vi.waitFor(() => expect(experiment.phase).toBe('completed'), { timeout: 10_000 });
      // The session heard runStarted first: by then the build's last word was already gone.
      expect(startedWhilePreparing).toEqual([null]);
      expect(experiment.step).toMatchObject({ preparing: null, tasks: 3 });
    } finally {
      stop();
      experiment.dispose();
      building.dispose();
    }
  });
});

describe('ExperimentForm', () => {
  const idOf = (form: ExperimentForm, type: string, copy = 0) => form.matrix.find((c) => c.type === type && c.copy === copy)?.id ?? -1;

  it('makes a spec per kind and says how many runs it will make', () => {
    const form = new ExperimentForm();
    const scenario = timers(2, 1);
    expect(form.runCount(scenario)).toBe(6);
    form.kind = 'sweep';
    form.maxConcurrency = 12;
    expect(form.runCount(timers(20, 1))).toBe(5);
    form.kind = 'matrix';
    form.toggle(idOf(form, 'workers'), true);
    form.setSize(idOf(form, 'workers'), 3);
    const check = form.check(scenario);
    expect(check.ok && check.spec.kind === 'matrix' ? check.spec.strategies : null).toEqual([
      { type: 'sequential' },
      { type: 'all' },
      { type: 'pool', concurrency: 8 },
      { type: 'workers', threads: 3 },
    ]);
  });

  it('takes the same strategy twice with different sizes, a pool defaulting to the scenario\'s own', () => {
    const form = new ExperimentForm();
    form.kind = 'matrix';
    const pooled = scenarioOf({ version: 1, name: 'Pooled', strategy: { type: 'pool', concurrency: 6, onFailure: 'continue' }, tasks: [{ kind: 'timer', count: 40, ms: 1 }] });
    expect(form.defaultSize('pool', pooled)).toBe(6);
    form.toggle(idOf(form, 'sequential'), false);
    form.addCopy('pool');
    form.setSize(idOf(form, 'pool', 1), 20);
    const firstPool = form.matrix.findIndex((c) => c.type === 'pool');
    expect(form.matrix.map((c) => c.type).slice(firstPool, firstPool + 3)).toEqual(['pool', 'pool', 'batch']);
    expect(form.strategies(pooled)).toEqual([
      { type: 'all' },
      { type: 'pool', concurrency: 6, onFailure: 'continue' },
      { type: 'pool', concurrency: 20, onFailure: 'continue' },
    ]);
    form.removeCopy(idOf(form, 'pool', 1));
    form.removeCopy(idOf(form, 'pool'));
    expect(form.matrix.filter((c) => c.type === 'pool')).toHaveLength(1);
  });

  it('sweeps a typed list, never past the task count, and names a bad item by its place', () => {
    const form = new ExperimentForm();
    form.kind = 'sweep';
    form.sweepMode = 'list';
    form.sweepList = '40, 5 10,20';
    expect(form.sweepLevels(timers(30, 1))).toEqual([5, 10, 20, 30]);
    form.sweepList = '5, ten';
    const check = form.check(timers(30, 1));
    expect(check.ok ? [] : check.problems.map((p) => p.path)).toEqual(['concurrencies[1]']);
  });

  it('lists every problem of the settings instead of a spec', () => {
    const form = new ExperimentForm();
    form.repeat = null;
    form.warmup = 99;
    const check = form.check(timers(1, 1));
    expect(check.ok ? [] : check.problems.map((p) => p.path)).toEqual(['repeat', 'warmup']);
    form.kind = 'matrix';
    for (const choice of form.matrix) form.toggle(choice.id, false);
    expect(form.runCount(timers(1, 1))).toBeNull();
    form.toggle(idOf(form, 'pool'), true);
    form.setSize(idOf(form, 'pool'), 0);
    const matrix = form.check(timers(1, 1));
    expect(matrix.ok ? [] : matrix.problems.map((p) => p.path)).toEqual(['strategies[0].concurrency']);
  });
});
