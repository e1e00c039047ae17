import type { BatchEvent } from '../../../shared/protocol/engine-protocol';
import type { Sample } from '../../../shared/protocol/task-record';
import type { TaskMetricColumns } from '../../../shared/metrics/task-metric-columns';
import type { TaskOutcome } from '../attempts/run-attempts';
import type { TaskPlan } from '../plan/plan-tasks';
import type { RunClock } from './run-clock';
import { TaskTable } from './task-table';

/**
 * The most task starts, and the most finished tasks, one batch carries. Batches are far smaller while the parent
 * keeps up; when it does not, what waits stays in the table's columns rather than as records in a message.
 */
export const MAX_BATCH_TASKS = 20_000;

/**
 * Everything a run records: task starts and ends, samples, how many tasks are in flight. It keeps every task in
 * a `TaskTable` for the metrics and hands out what is new since the last batch, as records made only then.
 */
export class RunRecorder {
  readonly #table: TaskTable;
  readonly #samples: Sample[] = [];
  /** Indexes of the tasks started, and of those finished, since the last batch, in order. */
  #pendingStarts: number[] = [];
  #pendingFinished: number[] = [];
  #pendingSamples: Sample[] = [];
  #inFlightCount = 0;
  #doneCount = 0;
  /** When the strategy settled (ms from run start), or null while it has not. */
  #settledAtMs: number | null = null;
  readonly #plan: TaskPlan;
  readonly #clock: RunClock;

  constructor(plan: TaskPlan, clock: RunClock) {
    this.#plan = plan;
    this.#clock = clock;
    this.#table = new TaskTable(plan);
  }

  get inFlight(): number {
    return this.#inFlightCount;
  }

  /** More than one batch is waiting to be sent. */
  get backlogged(): boolean {
    return this.#pendingStarts.length > MAX_BATCH_TASKS || this.#pendingFinished.length > MAX_BATCH_TASKS;
  }

  /** Task `index`'s first attempt starts now on `lane`. Every task is queued when the run starts. */
  taskStarted(index: number, lane: number): void {
    this.#table.start(index, lane, this.#clock.now());
    this.#pendingStarts.push(index);
    this.#inFlightCount += 1;
  }

  /**
   * The strategy's continuation has task `index`'s outcome now (`observedMs`); the work itself began at
   * `outcome.startMs` (on a worker thread, later than the engine handed it over) and ended at
   * `outcome.endMs`. A task whose work ended after its strategy settled is `orphaned`.
   */
  taskEnded(index: number, outcome: TaskOutcome): void {
    const observedMs = this.#clock.now();
    const handedOverMs = this.#table.startMsOf(index);
    const endMs = Math.min(Math.max(outcome.endMs, handedOverMs), observedMs);
    const startMs = Math.min(Math.max(outcome.startMs, handedOverMs), endMs);
    const orphaned = this.#settledAtMs !== null && endMs > this.#settledAtMs;
    this.#table.end(index, { startMs, endMs, observedMs, status: outcome.status, orphaned, error: outcome.error, attempts: outcome.attempts });
    this.#finish(index);
    this.#inFlightCount -= 1;
  }

  /** Records, with no attempt, a task that will never start: `cancelled` by Cancel, `skipped` when the strategy gave up. */
  taskNeverStarted(index: number, status: 'cancelled' | 'skipped', reason: string): void {
    if (this.#table.hasRecord(index)) return;
    const now = this.#clock.now();
    this.#table.end(index, { startMs: now, endMs: now, observedMs: now, status, orphaned: false, error: reason, attempts: 0 });
    this.#finish(index);
  }

  /** Every task without a record yet will never start. */
  recordUnstarted(status: 'cancelled' | 'skipped', reason: string): void {
    for (let index = 0; index < this.#plan.count; index += 1) this.taskNeverStarted(index, status, reason);
  }

  /** The strategy had its result at `atMs`; tasks whose work ends later are orphans. */
  markSettled(atMs: number): void {
    this.#settledAtMs = atMs;
  }

  addSample(sample: Sample): void {
    this.#samples.push(sample);
    this.#pendingSamples.push(sample);
  }

  /**
   * What happened since the previous batch (at most `MAX_BATCH_TASKS` starts and finished tasks, the oldest
   * first), or null when nothing did (unless `evenIfEmpty`).
   */
  takeBatch(evenIfEmpty = false): BatchEvent | null {
    if (!evenIfEmpty && this.#pendingStarts.length === 0 && this.#pendingFinished.length === 0 && this.#pendingSamples.length === 0) return null;
    const starts = this.#pendingStarts.length > MAX_BATCH_TASKS ? this.#pendingStarts.splice(0, MAX_BATCH_TASKS) : this.#pendingStarts;
    const finished = this.#pendingFinished.length > MAX_BATCH_TASKS ? this.#pendingFinished.splice(0, MAX_BATCH_TASKS) : this.#pendingFinished;
    if (starts === this.#pendingStarts) this.#pendingStarts = [];
    if (finished === this.#pendingFinished) this.#pendingFinished = [];
    const batch: BatchEvent = {
      type: 'batch',
      started: starts.map((index) => this.#table.startOf(index)),
      finished: finished.map((index) => this.#table.recordOf(index)),
      samples: this.#pendingSamples,
      done: this.#doneCount - this.#pendingFinished.length,
      inFlight: this.#inFlightCount,
      elapsedMs: this.#clock.now(),
    };
    this.#pendingSamples = [];
    return batch;
  }

  /** Every task as columns, in task order (complete once the run is over). */
  metricColumns(): TaskMetricColumns {
    return this.#table.metricColumns();
  }

  allSamples(): readonly Sample[] {
    return this.#samples;
  }

  #finish(index: number): void {
    this.#pendingFinished.push(index);
    this.#doneCount += 1;
  }
}
