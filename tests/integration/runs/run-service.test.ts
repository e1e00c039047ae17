import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BatchEvent, StartedEvent } from '../../../shared/protocol/engine-protocol';
import type { RunOutcome } from '../../../electron/backend/runs/run-service';
import { RunFixture, scenarioOf } from './run-fixture';

let fixture: RunFixture;

beforeEach(async () => {
  fixture = await RunFixture.create();
});

afterEach(async () => {
  await fixture.dispose();
});

const timers = (count: number, ms: number, strategy: unknown = { type: 'all' }) =>
  scenarioOf({ version: 1, name: `${count} timers`, strategy, tasks: [{ kind: 'timer', count, ms }] });

describe('RunService', () => {
  it('runs a scenario in an engine process and records it while it runs', async () => {
    const service = fixture.service();
    const run = service.start(timers(12, 30, { type: 'pool', concurrency: 3 }), { tags: ['ci'] });
    const events: string[] = [];
    const batches: BatchEvent[] = [];
    let started: StartedEvent | null = null;
    run.onStarted((event) => {
      started = event;
      events.push('started');
    });
    run.onBatch((batch) => {
      batches.push(batch);
      if (events.at(-1) !== 'batch') events.push('batch');
    });
    run.onFinished(() => events.push('finished'));
    expect(run.key).toBe(String(run.runId));
    expect(service.find(run.key)).toBe(run);
    expect(service.active()).toEqual([run]);

    const outcome = await run.done;
    expect(outcome).toMatchObject({ key: run.key, runId: run.runId, status: 'completed', error: null });
    expect(outcome.metrics?.tasks).toBe(12);
    expect(outcome.metrics?.maxInFlight).toBeLessThanOrEqual(3);
    expect(events).toEqual(['started', 'batch', 'finished']);
    expect(started).toMatchObject({ totalTasks: 12, lanes: 3 });
    expect(batches.flatMap((b) => b.finished)).toHaveLength(12);
    expect(service.active()).toEqual([]);
    expect(service.find(run.key)).toBeUndefined();

    const stored = fixture.store.getRun(run.runId!);
    expect(stored).toMatchObject({ status: 'completed', tags: ['ci'], metrics: outcome.metrics });
    expect(stored?.tasks.map((t) => t.index)).toEqual([...Array(12).keys()]);
    expect(stored?.samples.length).toBeGreaterThan(0);
    expect(await fixture.scratchLeft()).toEqual([]);
  });

  it('runs without recording when save is false', async () => {
    const run = fixture.service().start(timers(3, 5), { save: false });
    expect(run.runId).toBeNull();
    expect(run.key).not.toMatch(/^\d+$/);
    const outcome = await run.done;
    expect(outcome).toMatchObject({ runId: null, status: 'completed' });
    expect(fixture.store.listRuns()).toEqual([]);
  });

  it('stop() cancels the runs under way and refuses new ones with the reason, for a host that is closing', async () => {
    const service = fixture.service();
    const run = service.start(timers(60, 40, { type: 'pool', concurrency: 2 }));
    await new Promise<void>((resolve) => run.onBatch(() => resolve()));
    expect(service.stop()).toEqual([run]);
    expect((await run.done).status).toBe('cancelled');
    expect(() => service.start(timers(1, 1))).toThrow('Concurrency Explorer is closing: no new run can start.');
    expect(fixture.store.listRuns().map((r) => r.status)).toEqual(['cancelled']);
  });

  it('cancels a run cleanly: tasks not done end cancelled, every task is recorded', async () => {
    const run = fixture.service().start(timers(60, 40, { type: 'pool', concurrency: 2 }));
    run.onBatch(() => run.cancel());
    const outcome = await run.done;
    expect(outcome.status).toBe('cancelled');
    expect(outcome.metrics?.cancelled).toBeGreaterThan(0);
    const stored = fixture.store.getRun(run.runId!);
    expect(stored?.status).toBe('cancelled');
    expect(stored?.tasks).toHaveLength(60);
    expect(stored?.tasks.filter((t) => t.status === 'ok').length).toBeLessThan(60);
  });

  it('kills an engine whose loop is blocked and still closes the run as cancelled', async () => {
    const service = fixture.service({ cancelGraceMs: 300 });
    const cpuMs = 30_000;
    // Lane 1 waits on a long timer; lane 2 blocks the loop with cpu work after a short timer.
    const scenario = scenarioOf({
      version: 1,
      name: 'blocked loop',
      strategy: { type: 'pool', concurrency: 2 },
      tasks: [
        { kind: 'timer', count: 1, ms: 5_000 },
        { kind: 'timer', count: 1, ms: 100 },
        { kind: 'cpu', count: 2, ms: cpuMs },
      ],
    });
    const run = service.start(scenario);
    let cancelledAt = 0;
    run.onStarted(() => {
      setTimeout(() => {
        cancelledAt = performance.now();
        run.cancel();
      }, 500);
    });
    const outcome = await run.done;
    const cancelToEndMs = performance.now() - cancelledAt;
    expect(outcome.status).toBe('cancelled');
    expect(cancelToEndMs).toBeLessThan(cpuMs / 4);
    expect(outcome.metrics).toMatchObject({ tasks: 4, cancelled: 4, ok: 0 });

    const stored = fixture.store.getRun(run.runId!);
    expect(stored?.status).toBe('cancelled');
    const [longTimer, , cpu1, cpu2] = stored?.tasks ?? [];
    expect(longTimer).toMatchObject({ status: 'cancelled', attempts: 1 });
    expect(longTimer!.endMs).toBeGreaterThan(longTimer!.startMs);
    for (const never of [cpu1, cpu2]) {
      expect(never).toMatchObject({ kind: 'cpu', status: 'cancelled', attempts: 0 });
      expect(never!.startMs).toBe(never!.endMs);
    }
    expect(await fixture.scratchLeft()).toEqual([]);
  });

  it('ends a run failed when the engine reports it cannot run the scenario', async () => {
    const scenario = scenarioOf({
      version: 1,
      name: 'bad sql',
      strategy: { type: 'all' },
      tasks: [{ kind: 'sqlite', count: 2, rows: 10, sql: 'SELEKT nothing' }],
    });
    const run = fixture.service().start(scenario);
    const outcome = await run.done;
    expect(outcome).toMatchObject({ status: 'failed', metrics: null });
    expect(outcome.error).toMatch(/tasks\[0\]\.sql/);
    expect(fixture.store.getRun(run.runId!)).toMatchObject({ status: 'failed', error: outcome.error });
  });

  it('ends a run failed when the engine process dies: the reported tasks kept, every other one cancelled with the reason', async () => {
    const scenario = scenarioOf({
      version: 1,
      name: 'engine dies',
      strategy: { type: 'sequential' },
      tasks: [
        { kind: 'timer', count: 10, ms: 25 },
        { kind: 'spawn', count: 1, command: 'sh', args: ['-c', 'kill -9 $PPID'] },
        { kind: 'timer', count: 5, ms: 1 },
      ],
    });
    const run = fixture.service().start(scenario);
    let reported = 0;
    run.onBatch((batch) => (reported += batch.finished.length));
    const outcome: RunOutcome = await run.done;
    expect(outcome.status).toBe('failed');
    expect(outcome.error).toBe('The engine process died during the run (SIGKILL).');
    expect(reported).toBeGreaterThan(0);
    const stored = fixture.store.getRun(run.runId!);
    expect(stored?.status).toBe('failed');
    expect(stored?.tasks).toHaveLength(16);
    const unreported = stored?.tasks.filter((t) => t.error === 'the engine process died: SIGKILL') ?? [];
    expect(unreported.length).toBeGreaterThanOrEqual(6);
    expect(unreported.every((t) => t.status === 'cancelled')).toBe(true);
    expect(stored!.tasks.length - unreported.length).toBeLessThanOrEqual(reported);
    expect(await fixture.scratchLeft()).toEqual([]);
  });

  it('fails clearly, without starting an engine, when the scratch folder cannot be made', async () => {
    const service = fixture.service({ scratchRoot: `${fixture.store.path}/scratch` });
    const run = service.start(timers(2, 1));
    const outcome = await run.done;
    expect(outcome.status).toBe('failed');
    expect(outcome.error).toMatch(/Could not create a scratch folder in .*history\.sqlite\/scratch/);
    expect(fixture.store.getRun(run.runId!)?.status).toBe('failed');
  });

  it('tells a listener added after the end how the run ended', async () => {
    const run = fixture.service().start(timers(2, 1), { save: false });
    const outcome = await run.done;
    const late = await new Promise<RunOutcome>((resolve) => run.onFinished(resolve));
    expect(late).toEqual(outcome);
  });
});
