/// <reference types="svelte" />
import { describe, expect, it, vi } from 'vitest';
import type { ScenarioInput } from '../../../../shared/scenario';
import type { TaskRecord } from '../../../../shared/protocol/task-record';
import type { TaskArrays } from '../../../../shared/run/task-columns';
import { MAX_PREDICTED_TASKS, WhatIf, type RecordedRun } from '../../../../renderer/state/whatif/what-if.svelte';
import { craftedRun, tasksOf } from '../../findings/crafted-run';
import { FakeExplorerApi } from '../run/fake-explorer-api';

/** A crafted run as the what-if takes it: `craftedRun` builds whole task records, its type names what the rules read. */
/** The records as the unpacked columns a run opened from History holds. */
function arraysOf(tasks: readonly TaskRecord[]): TaskArrays {
  const kinds = [...new Set(tasks.map((t) => t.kind))];
  const statuses = [...new Set(tasks.map((t) => t.status))];
  const failed = tasks.filter((t) => t.error !== null);
  const u32 = (of: (t: TaskRecord) => number) => Uint32Array.from(tasks, of);
  const f64 = (of: (t: TaskRecord) => number) => Float64Array.from(tasks, of);
  return {
    count: tasks.length,
    kinds,
    statuses,
    errors: { at: failed.map((t) => tasks.indexOf(t)), message: failed.map((_, i) => i), messages: failed.map((t) => t.error!) },
    index: u32((t) => t.index),
    group: u32((t) => t.group),
    kind: u32((t) => kinds.indexOf(t.kind)),
    lane: u32((t) => t.lane),
    queuedMs: f64((t) => t.queuedMs),
    startMs: f64((t) => t.startMs),
    endMs: f64((t) => t.endMs),
    observedMs: f64((t) => t.observedMs),
    status: u32((t) => statuses.indexOf(t.status)),
    orphaned: u32((t) => (t.orphaned ? 1 : 0)),
    attempts: u32((t) => t.attempts),
  };
}

function recordedOf(run: ReturnType<typeof craftedRun>): RecordedRun {
  return { scenario: run.scenario, tasks: run.records, metrics: run.metrics };
}

/** Eight 100 ms timers recorded all at once. */
function recorded(): RecordedRun {
  return recordedOf(craftedRun({ strategy: { type: 'all' }, groups: [{ kind: 'timer', count: 8, ms: 100 }], tasks: tasksOf(8, () => 0, () => 100) }));
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('WhatIf', () => {
  it('predicts the picked strategy, keeping sizes within what the schema allows', () => {
    const whatIf = new WhatIf(recorded(), 4, null);
    expect(whatIf.strategy).toEqual({ type: 'pool', concurrency: 4 });
    expect(whatIf.prediction?.metrics.wallMs).toBeCloseTo(200);
    whatIf.setSize(2);
    expect(whatIf.prediction?.metrics.wallMs).toBeCloseTo(400);
    whatIf.setSize(0);
    expect(whatIf.strategy).toEqual({ type: 'pool', concurrency: 1 });
    whatIf.setType('sequential');
    expect(whatIf.prediction?.metrics.wallMs).toBeCloseTo(800);
    expect(whatIf.predictedTimeline?.count).toBe(8);
    expect(whatIf.figures.map((f) => [f.label, f.measured])).toEqual([
      ['Wall time', null],
      ['Throughput', null],
      ['Latency p50', null],
      ['Latency p99', null],
    ]);
  });

  it('runs the variant for real and sets the measurement beside the prediction, with its error', async () => {
    const api = new FakeExplorerApi();
    const start = vi.spyOn(api.runs, 'start');
    const base = recorded();
    const whatIf = new WhatIf(base, 4, api);
    whatIf.setThreadpoolSize(8);
    await whatIf.runForReal();
    expect(start).toHaveBeenCalledTimes(1);
    const [{ scenario }] = start.mock.calls[0] as unknown as [{ scenario: ScenarioInput }];
    expect(scenario).toMatchObject({ strategy: { type: 'pool', concurrency: 4 }, options: { threadpoolSize: 8 }, tasks: base.scenario.tasks });
    expect(whatIf.canRunForReal).toBe(false);

    api.emitStarted();
    api.emitFinished('completed', 'run-1', { ...base.metrics, wallMs: 250 });
    await settle();
    const wall = whatIf.figures.find((f) => f.label === 'Wall time');
    expect(wall).toMatchObject({ predicted: expect.closeTo(200, 1), measured: 250 });
    expect(wall?.errorPercent).toBeCloseTo(-20, 0);
    expect(whatIf.canRunForReal).toBe(true);
  });

  it('does not run for real a scenario that executes commands (the workbench asks first)', () => {
    const run = craftedRun({ strategy: { type: 'all' }, groups: [{ kind: 'spawn', count: 2, command: 'node', args: ['-e', '0'] }], tasks: tasksOf(2, () => 0, () => 50) });
    const whatIf = new WhatIf(recordedOf(run), 4, new FakeExplorerApi());
    expect(whatIf.executes).toBe(true);
    expect(whatIf.canRunForReal).toBe(false);
  });

  it('predicts a run opened from History, its tasks as columns, as it does from the same records', () => {
    const fromRecords = recorded();
    const fromColumns = new WhatIf({ ...fromRecords, tasks: arraysOf(fromRecords.tasks as readonly TaskRecord[]) }, 4, null);
    expect(fromColumns.tooBig).toBe(false);
    expect(fromColumns.prediction).toEqual(new WhatIf(fromRecords, 4, null).prediction);
  });

  it('leaves a run past the size it predicts on the page to the CLI', () => {
    const big = recorded();
    const whatIf = new WhatIf({ ...big, tasks: Array.from({ length: MAX_PREDICTED_TASKS + 1 }, (_, i) => ({ ...(big.tasks as readonly TaskRecord[])[0]!, index: i })) }, 4, null);
    expect(whatIf.tooBig).toBe(true);
    expect(whatIf.prediction).toBeNull();
    expect(whatIf.figures).toEqual([]);
  });
});
