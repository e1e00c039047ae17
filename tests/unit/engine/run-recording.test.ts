import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../../shared/metrics/compute-metrics';
import type { BatchEvent } from '../../../shared/protocol/engine-protocol';
import type { TaskRecord } from '../../../shared/protocol/task-record';
import { ScenarioSchema } from '../../../shared/scenario';
import { TaskPlan } from '../../../electron/engine/plan/plan-tasks';
import { startBatchSender } from '../../../electron/engine/recording/batch-sender';
import type { RunClock } from '../../../electron/engine/recording/run-clock';
import { MAX_BATCH_TASKS, RunRecorder } from '../../../electron/engine/recording/run-recorder';

const scenario = ScenarioSchema.parse({
  version: 1,
  name: 'recording',
  strategy: { type: 'pool', concurrency: 4 },
  tasks: [
    { kind: 'timer', count: 3, ms: 0 },
    { kind: 'cpu', count: 2, ms: 1 },
    { kind: 'timer', count: 1, ms: 0 },
  ],
});

/** A clock that moves only when told to. */
function manualClock(): RunClock & { at: number } {
  const clock = { at: 0, now: () => clock.at, fromEpochMs: (epochMs: number) => epochMs, startedAtEpochMs: 0 };
  return clock;
}

function finishedOf(batches: readonly BatchEvent[]): TaskRecord[] {
  return batches.flatMap((batch) => batch.finished);
}

describe('TaskPlan', () => {
  it('expands the groups in scenario order without keeping a task object each', () => {
    const plan = new TaskPlan(scenario);
    expect(plan.count).toBe(6);
    expect([0, 1, 2, 3, 4, 5].map((index) => plan.groupOf(index))).toEqual([0, 0, 0, 1, 1, 2]);
    expect(plan.task(4)).toMatchObject({ index: 4, group: 1, spec: { kind: 'cpu' } });
    expect(() => plan.task(6)).toThrow(RangeError);
  });
});

describe('RunRecorder', () => {
  it('gives the same records in its batches as the tasks ran, and the same metrics from its columns as from those records', () => {
    const clock = manualClock();
    const recorder = new RunRecorder(new TaskPlan(scenario), clock);
    const batches: BatchEvent[] = [];
    const take = () => {
      const batch = recorder.takeBatch();
      if (batch !== null) batches.push(batch);
    };
    recorder.taskStarted(0, 0);
    recorder.taskStarted(1, 1);
    clock.at = 2;
    recorder.taskEnded(0, { status: 'ok', error: null, attempts: 1, startMs: 0, endMs: 1.5 });
    take();
    recorder.taskStarted(3, 0);
    clock.at = 5;
    recorder.taskEnded(1, { status: 'error', error: 'boom', attempts: 2, startMs: 0, endMs: 4 });
    recorder.markSettled(5);
    clock.at = 9;
    recorder.taskEnded(3, { status: 'timeout', error: 'timed out after 3 ms', attempts: 1, startMs: 2, endMs: 8 });
    recorder.recordUnstarted('skipped', 'never started');
    take();

    const records = finishedOf(batches).sort((a, b) => a.index - b.index);
    expect(records.map((r) => [r.index, r.group, r.kind, r.status, r.attempts])).toEqual([
      [0, 0, 'timer', 'ok', 1],
      [1, 0, 'timer', 'error', 2],
      [2, 0, 'timer', 'skipped', 0],
      [3, 1, 'cpu', 'timeout', 1],
      [4, 1, 'cpu', 'skipped', 0],
      [5, 2, 'timer', 'skipped', 0],
    ]);
    expect(records[1]).toMatchObject({ startMs: 0, endMs: 4, observedMs: 5, error: 'boom', orphaned: false });
    expect(records[3]).toMatchObject({ startMs: 2, endMs: 8, observedMs: 9, orphaned: true });
    expect(records[2]).toMatchObject({ startMs: 9, endMs: 9, error: 'never started', lane: 0 });
    expect(batches.flatMap((b) => b.started).map((s) => s.index)).toEqual([0, 1, 3]);
    expect(batches.at(-1)).toMatchObject({ done: 6, inFlight: 0 });

    const input = { samples: [], wallMs: 5, cpu: { userMs: 1, systemMs: 0 } };
    expect(computeMetrics({ ...input, tasks: recorder.metricColumns() })).toEqual(computeMetrics({ ...input, tasks: records }));
  });

  it('sends no batch while the previous one is leaving, keeps a slow parent\'s backlog in columns, and drains it all on stop', async () => {
    const many = ScenarioSchema.parse({ version: 1, name: 'many', strategy: { type: 'sequential' }, tasks: [{ kind: 'timer', count: MAX_BATCH_TASKS * 2 + 5, ms: 0 }] });
    const clock = manualClock();
    const plan = new TaskPlan(many);
    const recorder = new RunRecorder(plan, clock);
    const sent: BatchEvent[] = [];
    const leave: (() => void)[] = [];
    const sender = startBatchSender(recorder, (batch) => {
      sent.push(batch);
      return new Promise<void>((resolve) => leave.push(resolve));
    });
    recorder.taskStarted(0, 0);
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent).toHaveLength(1);
    for (let index = 0; index < plan.count; index += 1) {
      if (index > 0) recorder.taskStarted(index, 0);
      recorder.taskEnded(index, { status: 'ok', error: null, attempts: 1, startMs: 0, endMs: 0 });
    }
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(sent).toHaveLength(1);
    const stopped = sender.stop();
    while (leave.length > 0) {
      leave.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await stopped;
    expect(sent.every((batch) => batch.finished.length <= MAX_BATCH_TASKS && batch.started.length <= MAX_BATCH_TASKS)).toBe(true);
    expect(finishedOf(sent).map((r) => r.index)).toEqual(Array.from({ length: plan.count }, (_, i) => i));
    expect(sent.at(-1)?.done).toBe(plan.count);
  });
});
