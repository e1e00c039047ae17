/// <reference types="svelte" />
import { describe, expect, it } from 'vitest';
import { RunSession, type TaskSink } from '../../../../renderer/state/run/run-session.svelte';
import { FakeExplorerApi, task } from './fake-explorer-api';

const SCENARIO = { version: 1 as const, name: 's', strategy: { type: 'all' as const }, tasks: [{ kind: 'timer' as const, count: 4, ms: 10 }] };

function harness() {
  const api = new FakeExplorerApi();
  const frames: (() => void)[] = [];
  let clock = 0;
  const appended: number[] = [];
  const sink: TaskSink = {
    setLaneCount: () => {},
    setElapsed: () => {},
    appendStarted: () => {},
    appendFinished: (tasks) => appended.push(tasks.length),
    appendSamples: () => {},
  };
  const session = new RunSession(api, sink, { schedule: (cb) => frames.push(cb), now: () => clock });
  const frame = () => frames.splice(0).forEach((cb) => cb());
  return { api, session, frame, appended, setClock: (ms: number) => (clock = ms) };
}

describe('RunSession', () => {
  it('applies every batch that arrives within a frame in one update', async () => {
    const { api, session, frame, appended } = harness();
    await session.start(SCENARIO);
    api.emitStarted();
    api.emitBatch([task(0, 10)], 1);
    api.emitBatch([task(1, 20)], 2);
    api.emitBatch([task(2, 30)], 3);
    expect(session.finished).toHaveLength(0);
    const before = session.revision;
    frame();
    expect(session.revision).toBe(before + 1);
    expect(session.finished.map((t) => t.index)).toEqual([0, 1, 2]);
    expect(appended).toEqual([3]);
    expect(session.progress().done).toBe(3);
  });

  it('estimates the time left from the pace so far, on its own clock', async () => {
    const { api, session, frame, setClock } = harness();
    await session.start(SCENARIO);
    setClock(1000);
    api.emitStarted();
    expect(session.progress(1000).etaMs).toBeNull();
    api.emitBatch([task(0, 10)], 1);
    frame();
    const figures = session.progress(1400);
    expect(figures.elapsedMs).toBe(400);
    expect(figures.fraction).toBe(0.25);
    expect(figures.etaMs).toBe(1200);
  });

  it('keeps events that arrive before runs.start answers, and ignores other runs', async () => {
    const { api, session, frame } = harness();
    api.beforeStartResolves = () => {
      api.emitStarted('run-1', 4);
      api.emitBatch([task(0, 5)], 1, 'other-run');
      api.emitBatch([task(1, 5)], 1);
    };
    await session.start(SCENARIO);
    frame();
    expect(session.phase).toBe('running');
    expect(session.finished.map((t) => t.index)).toEqual([1]);
    expect(session.progress().total).toBe(4);
  });

  it('flushes pending batches when the run finishes, and marks a cancelled run', async () => {
    const { api, session } = harness();
    await session.start(SCENARIO);
    api.emitStarted();
    api.emitBatch([task(0, 10), task(1, 12, 'cancelled')], 2);
    await session.cancel();
    expect(api.calls).toContain('runs.cancel run-1');
    expect(session.cancelRequested).toBe(true);
    api.emitFinished('cancelled');
    expect(session.phase).toBe('cancelled');
    expect(session.finished).toHaveLength(2);
    expect(session.active).toBe(false);
    expect(session.throughput().reduce((n, b) => n + b.perSec, 0)).toBe(4);
  });

  it('counts a cancelled run as done only as far as its work went, whatever the last progress said', async () => {
    const { api, session } = harness();
    await session.start(SCENARIO);
    api.emitStarted();
    const metrics = { tasks: 200, cancelled: 176, wallMs: 90, throughputPerSec: 20 } as never;
    api.emitFinished('cancelled', 'run-1', metrics);
    const figures = session.progress();
    expect(figures).toMatchObject({ done: 24, total: 200, cancelled: 176, wallMs: 90, etaMs: null });
  });

  it('ends as cancelled when the backend no longer knows the run', async () => {
    const { api, session } = harness();
    api.cancelAnswer = false;
    await session.start(SCENARIO);
    await session.cancel();
    expect(session.phase).toBe('cancelled');
  });

  it('after the connection comes back, goes on with a run still under way, saying events were missed', async () => {
    const { api, session } = harness();
    await session.start(SCENARIO);
    api.activeRuns = [{ key: 'run-1', runId: 7, scenarioName: 's', started: true, done: 1, total: 4, inFlight: 3, elapsedMs: 100 }];
    await session.resync();
    expect(session.phase).toBe('running');
    expect(session.missedEvents).toBe(true);
    api.emitFinished('completed');
    expect(session.phase).toBe('completed');
  });

  it('after the connection comes back, ends a run that ended meanwhile as the history recorded it', async () => {
    const { api, session } = harness();
    await session.start(SCENARIO);
    const metrics = { tasks: 4, cancelled: 0 } as never;
    api.history.getColumnar = async ({ id }) => ({ id, status: 'completed', metrics, error: null }) as never;
    await session.resync();
    expect(session.phase).toBe('completed');
    expect(session.metrics).toBe(metrics);
    expect(session.progress().done).toBe(4);
  });

  it('after the connection comes back, ends an unrecorded run that is gone as failed, saying why', async () => {
    const { api, session } = harness();
    api.runs.start = async () => ({ key: 'unsaved', runId: null });
    await session.start(SCENARIO);
    await session.resync();
    expect(session.phase).toBe('failed');
    expect(session.error).toBe('The run ended while the connection to the backend was lost.');
    const idle = new RunSession(api);
    await idle.resync();
    expect(idle.missedEvents).toBe(false);
  });

  it('reports a refused start as failed, with the reason', async () => {
    const { api, session } = harness();
    api.startError = Object.assign(new Error('The arguments are not valid'), {
      problems: [{ path: 'scenario.tasks[0].count', message: 'must be a whole number >= 1, got 0' }],
    });
    await session.start(SCENARIO);
    expect(session.phase).toBe('failed');
    expect(session.error).toContain('scenario.tasks[0].count: must be a whole number >= 1, got 0');
  });

  it('stops listening when disposed', async () => {
    const { api, session } = harness();
    session.dispose();
    expect(api.listeners.events).toHaveLength(0);
    expect(api.listeners.finished).toHaveLength(0);
  });
});

describe('RunSession before its run starts', () => {
  it('shows what the runtime is preparing until the run starts, and ignores word of another run', async () => {
    const { api, session } = harness();
    api.beforeStartResolves = () => api.emitPreparing('building the go runner (first run only)');
    await session.start(SCENARIO);
    expect(session.preparing).toBe('building the go runner (first run only)');
    api.emitPreparing('compiling Runner.java', 'another-run');
    expect(session.preparing).toBe('building the go runner (first run only)');
    api.emitPreparing('built in 2.0 s');
    expect(session.preparing).toBe('built in 2.0 s');
    api.emitStarted();
    expect(session.preparing).toBeNull();
    api.emitPreparing('too late');
    expect(session.preparing).toBeNull();
  });

  it('clears the message when the run ends before it starts (a failed build)', async () => {
    const { api, session } = harness();
    await session.start(SCENARIO);
    api.emitPreparing('building the go runner (first run only)');
    api.emitFinished('failed');
    expect(session.preparing).toBeNull();
    expect(session.phase).toBe('failed');
  });
});
