import type { TaskRecord, TaskStart, TaskStatus } from '../../../shared/protocol/task-record';
import { TASK_STATUS_CODE, TASK_STATUS_ORDER, type TaskMetricColumns } from '../../../shared/metrics/task-metric-columns';
import type { TaskPlan } from '../plan/plan-tasks';

/** The status code of a task with no record yet. */
const NO_RECORD = 255;

/**
 * Every task of a run as typed-array columns, entry `i` of each being task `i`: about 45 bytes a task, where a
 * record as an object takes about 180 (a run of a million tasks keeps its engine small). Records and starts are
 * made only when a batch carries them. Every task is queued when the run starts, so `queuedMs` stays 0.
 */
export class TaskTable {
  readonly #plan: TaskPlan;
  readonly #kinds: string[] = [];
  readonly #kind: Uint16Array;
  readonly #queuedMs: Float64Array;
  readonly #lane: Uint32Array;
  readonly #startMs: Float64Array;
  readonly #endMs: Float64Array;
  readonly #observedMs: Float64Array;
  readonly #status: Uint8Array;
  readonly #orphaned: Uint8Array;
  readonly #attempts: Uint32Array;
  /** Errors are rare: only the tasks that have one. */
  readonly #errors = new Map<number, string>();

  constructor(plan: TaskPlan) {
    const { count } = plan;
    this.#plan = plan;
    this.#kind = new Uint16Array(count);
    this.#queuedMs = new Float64Array(count);
    this.#lane = new Uint32Array(count);
    this.#startMs = new Float64Array(count);
    this.#endMs = new Float64Array(count);
    this.#observedMs = new Float64Array(count);
    this.#status = new Uint8Array(count).fill(NO_RECORD);
    this.#orphaned = new Uint8Array(count);
    this.#attempts = new Uint32Array(count);
    plan.forEachGroup((spec, _group, from, to) => {
      let code = this.#kinds.indexOf(spec.kind);
      if (code < 0) code = this.#kinds.push(spec.kind) - 1;
      this.#kind.fill(code, from, to);
    });
  }

  /** Task `index` started now (`startMs`) on `lane`. */
  start(index: number, lane: number, startMs: number): void {
    this.#lane[index] = lane;
    this.#startMs[index] = startMs;
  }

  /**
   * Task `index` ended; `startMs` is when its work began (on a worker thread, later than it was handed over).
   * A task that never started has `attempts` 0 and its start set to `endMs`.
   */
  end(index: number, end: { startMs: number; endMs: number; observedMs: number; status: TaskStatus; orphaned: boolean; error: string | null; attempts: number }): void {
    this.#startMs[index] = end.attempts === 0 ? end.endMs : end.startMs;
    this.#endMs[index] = end.endMs;
    this.#observedMs[index] = end.observedMs;
    this.#status[index] = TASK_STATUS_CODE[end.status];
    this.#orphaned[index] = end.orphaned ? 1 : 0;
    this.#attempts[index] = end.attempts;
    if (end.error !== null) this.#errors.set(index, end.error);
  }

  hasRecord(index: number): boolean {
    return this.#status[index] !== NO_RECORD;
  }

  startMsOf(index: number): number {
    return this.#startMs[index] ?? 0;
  }

  /** What a batch says of a started task. */
  startOf(index: number): TaskStart {
    return { index, group: this.#plan.groupOf(index), kind: this.#kindOf(index), lane: this.#lane[index] ?? 0, queuedMs: 0, startMs: this.#startMs[index] ?? 0 };
  }

  /** The record of a task that has one (one literal of one shape: batches make a great many). */
  recordOf(index: number): TaskRecord {
    return {
      index,
      group: this.#plan.groupOf(index),
      kind: this.#kindOf(index),
      lane: this.#lane[index] ?? 0,
      queuedMs: 0,
      startMs: this.#startMs[index] ?? 0,
      endMs: this.#endMs[index] ?? 0,
      observedMs: this.#observedMs[index] ?? 0,
      status: TASK_STATUS_ORDER[this.#status[index] ?? 0] ?? 'ok',
      orphaned: this.#orphaned[index] === 1,
      error: this.#errors.size === 0 ? null : (this.#errors.get(index) ?? null),
      attempts: this.#attempts[index] ?? 0,
    };
  }

  #kindOf(index: number): string {
    return this.#kinds[this.#kind[index] ?? 0] ?? '';
  }

  /** Every task as metric columns (the arrays themselves, not copies); complete once every task has a record. */
  metricColumns(): TaskMetricColumns {
    return {
      count: this.#plan.count,
      queuedMs: this.#queuedMs,
      startMs: this.#startMs,
      endMs: this.#endMs,
      observedMs: this.#observedMs,
      status: this.#status,
      orphaned: this.#orphaned,
      attempts: this.#attempts,
      kind: this.#kind,
      kinds: this.#kinds,
    };
  }
}
