import type { Scenario } from '../../../shared/scenario';
import type { FindingTask } from '../../../shared/findings';
import type { BatchEvent } from '../../../shared/protocol/engine-protocol';
import type { Sample, TaskRecord, TaskStart } from '../../../shared/protocol/task-record';
import { recordsFromArrays } from '../../../shared/run/task-columns';
import { taskRowValues } from '../history/record-rows';
import { TaskColumnsBuilder } from '../history/task-columns-builder';

/** Where a run is, as the batches so far tell it. */
export interface RunProgress {
  /** False until the engine has started the clock. */
  started: boolean;
  done: number;
  total: number;
  inFlight: number;
  elapsedMs: number;
}

/**
 * Everything the engine has reported about a run's tasks, kept so that a run whose engine had to be
 * killed can still be closed with a record for every task. The records are kept as typed-array columns
 * (about 50 bytes a task instead of a few hundred as objects: a run of a million tasks is recorded in a
 * process of a few hundred MB), and which tasks finished as one byte each.
 */
export class TaskLedger {
  readonly samples: Sample[] = [];
  #columns = new TaskColumnsBuilder();
  readonly #running = new Map<number, TaskStart>();
  #finished: Uint8Array;
  readonly #scenario: Scenario;
  #progress: RunProgress;

  constructor(scenario: Scenario) {
    this.#scenario = scenario;
    const total = scenario.tasks.reduce((sum, group) => sum + group.count, 0);
    this.#progress = { started: false, done: 0, total, inFlight: 0, elapsedMs: 0 };
    this.#finished = new Uint8Array(total);
  }

  /** Every record reported (or closed by `cancelUnreported`) so far, in the order they came. */
  get records(): TaskRecord[] {
    return recordsFromArrays(this.#columns.build());
  }

  /**
   * What the findings read of every task (`FindingTask`, by task index), made from the columns, which the ledger
   * then lets go of: for a run that is over, whose records are stored, so that the findings of a million tasks
   * are not computed beside a second copy of them.
   */
  takeFindingTasks(): FindingTask[] {
    const tasks = this.#columns.findingTasks();
    this.#columns = new TaskColumnsBuilder();
    return tasks;
  }

  get progress(): RunProgress {
    return { ...this.#progress };
  }

  start(totalTasks: number): void {
    this.#progress = { ...this.#progress, started: true, total: totalTasks };
    if (totalTasks > this.#finished.length) {
      const finished = new Uint8Array(totalTasks);
      finished.set(this.#finished);
      this.#finished = finished;
    }
  }

  apply(batch: BatchEvent): void {
    for (const task of batch.started) this.#running.set(task.index, task);
    for (const record of batch.finished) {
      this.#running.delete(record.index);
      this.#finished[record.index] = 1;
      this.#columns.add(taskRowValues(record));
    }
    this.samples.push(...batch.samples);
    this.#progress = { ...this.#progress, done: batch.done, inFlight: batch.inFlight, elapsedMs: batch.elapsedMs };
  }

  /**
   * CPU time of the engine process estimated from the samples (percent of a core over each interval), for a
   * run whose engine was killed before it could report its own; it cannot be split into user and system.
   */
  estimatedCpuMs(): number {
    let total = 0;
    let previousMs = 0;
    for (const sample of this.samples) {
      total += (sample.cpuPercent / 100) * Math.max(0, sample.tMs - previousMs);
      previousMs = sample.tMs;
    }
    return total;
  }

  /**
   * Records every task not reported finished as `cancelled` at `atMs`, with `error` as their reason: a
   * started task keeps its start time, a task that never started has `attempts: 0`. They join `records`.
   */
  cancelUnreported(atMs: number, error: string | null = null): TaskRecord[] {
    const cancelled: TaskRecord[] = [];
    let index = 0;
    this.#scenario.tasks.forEach((group, groupIndex) => {
      for (let i = 0; i < group.count; i += 1, index += 1) {
        if (this.#finished[index] === 1) continue;
        const running = this.#running.get(index);
        const endMs = Math.max(atMs, running?.startMs ?? 0);
        cancelled.push(
          running === undefined
            ? { index, group: groupIndex, kind: group.kind, lane: 0, queuedMs: 0, startMs: endMs, endMs, observedMs: endMs, status: 'cancelled', orphaned: false, error, attempts: 0 }
            : { ...running, endMs, observedMs: endMs, status: 'cancelled', orphaned: false, error, attempts: 1 },
        );
      }
    });
    this.#running.clear();
    for (const record of cancelled) {
      this.#finished[record.index] = 1;
      this.#columns.add(taskRowValues(record));
    }
    this.#progress = { ...this.#progress, done: this.#progress.total, inFlight: 0, elapsedMs: Math.max(atMs, this.#progress.elapsedMs) };
    return cancelled;
  }
}
