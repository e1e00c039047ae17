import type { BatchEvent } from '../../../shared/protocol/engine-protocol';
import type { Sample, TaskRecord, TaskStart } from '../../../shared/protocol/task-record';
import type { TaskOutcome } from '../attempts/run-attempts';
import type { PlannedTask } from '../plan/plan-tasks';
import type { RunClock } from './run-clock';

/**
 * Everything a run records: task starts and ends, samples, how many tasks are in flight. It keeps the
 * full record for the metrics and hands out what is new since the last batch.
 */
export class RunRecorder {
  readonly #records: (TaskRecord | undefined)[];
  readonly #samples: Sample[] = [];
  #pendingStarts: TaskStart[] = [];
  #pendingFinished: TaskRecord[] = [];
  #pendingSamples: Sample[] = [];
  #inFlightCount = 0;
  #doneCount = 0;
  /** When the strategy settled (ms from run start), or null while it has not. */
  #settledAtMs: number | null = null;
  readonly #tasks: readonly PlannedTask[];
  readonly #clock: RunClock;

  constructor(tasks: readonly PlannedTask[], clock: RunClock) {
    this.#tasks = tasks;
    this.#clock = clock;
    this.#records = new Array<TaskRecord | undefined>(tasks.length);
  }

  get inFlight(): number {
    return this.#inFlightCount;
  }

  /** The task's first attempt starts now on `lane`. Every task is queued when the run starts. */
  taskStarted(task: PlannedTask, lane: number): TaskStart {
    const start: TaskStart = { index: task.index, group: task.group, kind: task.spec.kind, lane, queuedMs: 0, startMs: this.#clock.now() };
    this.#pendingStarts.push(start);
    this.#inFlightCount += 1;
    return start;
  }

  /**
   * The strategy's continuation has the task's outcome now (`observedMs`); the work itself began at
   * `outcome.startMs` (on a worker thread, later than the engine handed it over) and ended at
   * `outcome.endMs`. A task whose work ended after its strategy settled is `orphaned`.
   */
  taskEnded(start: TaskStart, outcome: TaskOutcome): void {
    const observedMs = this.#clock.now();
    const { index, group, kind, lane, queuedMs } = start;
    const endMs = Math.min(Math.max(outcome.endMs, start.startMs), observedMs);
    const startMs = Math.min(Math.max(outcome.startMs, start.startMs), endMs);
    const orphaned = this.#settledAtMs !== null && endMs > this.#settledAtMs;
    this.#finish({ index, group, kind, lane, queuedMs, startMs, endMs, observedMs, status: outcome.status, orphaned, error: outcome.error, attempts: outcome.attempts });
    this.#inFlightCount -= 1;
  }

  /** Records, with no attempt, a task that will never start: `cancelled` by Cancel, `skipped` when the strategy gave up. */
  taskNeverStarted(task: PlannedTask, status: 'cancelled' | 'skipped', reason: string): void {
    if (this.#records[task.index] !== undefined) return;
    const now = this.#clock.now();
    this.#finish({
      index: task.index,
      group: task.group,
      kind: task.spec.kind,
      lane: 0,
      queuedMs: 0,
      startMs: now,
      endMs: now,
      observedMs: now,
      status,
      orphaned: false,
      error: reason,
      attempts: 0,
    });
  }

  /** Every task without a record yet will never start. */
  recordUnstarted(status: 'cancelled' | 'skipped', reason: string): void {
    for (const task of this.#tasks) this.taskNeverStarted(task, status, reason);
  }

  /** The strategy had its result at `atMs`; tasks whose work ends later are orphans. */
  markSettled(atMs: number): void {
    this.#settledAtMs = atMs;
  }

  addSample(sample: Sample): void {
    this.#samples.push(sample);
    this.#pendingSamples.push(sample);
  }

  /** What happened since the previous batch, or null when nothing did (unless `evenIfEmpty`). */
  takeBatch(evenIfEmpty = false): BatchEvent | null {
    if (!evenIfEmpty && this.#pendingStarts.length === 0 && this.#pendingFinished.length === 0 && this.#pendingSamples.length === 0) return null;
    const batch: BatchEvent = {
      type: 'batch',
      started: this.#pendingStarts,
      finished: this.#pendingFinished,
      samples: this.#pendingSamples,
      done: this.#doneCount,
      inFlight: this.#inFlightCount,
      elapsedMs: this.#clock.now(),
    };
    this.#pendingStarts = [];
    this.#pendingFinished = [];
    this.#pendingSamples = [];
    return batch;
  }

  /** Every task's record, in task order (complete once the run is over). */
  allRecords(): TaskRecord[] {
    return this.#records.filter((record): record is TaskRecord => record !== undefined);
  }

  allSamples(): readonly Sample[] {
    return this.#samples;
  }

  #finish(record: TaskRecord): void {
    this.#records[record.index] = record;
    this.#pendingFinished.push(record);
    this.#doneCount += 1;
  }
}
