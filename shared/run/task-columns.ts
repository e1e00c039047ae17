import type { TaskRecord, TaskStatus } from '../protocol/task-record';
import type { RunDetail } from './run-schema';

/**
 * A run's task records as parallel columns: entry `i` of every column is the `i`-th record by index. Kinds,
 * statuses and error messages are numbers into small tables, and errors are listed only for the tasks that
 * have one. A run of 100,000 tasks is a quarter of the JSON its records are (what the comparison fetches
 * for every run it draws); times are rounded to the microsecond, below anything a chart can show.
 */
export interface TaskColumns {
  index: number[];
  group: number[];
  /** Positions in `kinds`. */
  kind: number[];
  lane: number[];
  queuedMs: number[];
  startMs: number[];
  endMs: number[];
  /** Positions in `statuses`. */
  status: number[];
  attempts: number[];
  kinds: TaskRecord['kind'][];
  statuses: TaskStatus[];
  errors: {
    /** Entries (positions in the columns) whose task has an error. */
    at: number[];
    /** For each entry of `at`, its position in `messages`. */
    message: number[];
    messages: string[];
  };
}

/** A run as `history.get` gives it, its tasks as columns. */
export type ColumnarRun = Omit<RunDetail, 'tasks'> & { tasks: TaskColumns };

const toMicrosecond = (ms: number) => Math.round(ms * 1000) / 1000;

/** Positions of values in a table that grows as new values come. */
class CodeTable<T> {
  readonly values: T[] = [];
  readonly #codes = new Map<T, number>();

  code(value: T): number {
    let code = this.#codes.get(value);
    if (code === undefined) {
      code = this.values.push(value) - 1;
      this.#codes.set(value, code);
    }
    return code;
  }
}

/** Fills `TaskColumns` one task at a time, in the order the columns are to hold them. */
export class TaskColumnsBuilder {
  readonly #columns: TaskColumns = {
    index: [], group: [], kind: [], lane: [], queuedMs: [], startMs: [], endMs: [], status: [], attempts: [],
    kinds: [], statuses: [], errors: { at: [], message: [], messages: [] },
  };
  readonly #kinds = new CodeTable<TaskRecord['kind']>();
  readonly #statuses = new CodeTable<TaskStatus>();
  readonly #messages = new CodeTable<string>();

  /** Arguments in `TaskRecord` field order, so a store's array row can be spread in. */
  add(
    index: number, group: number, kind: TaskRecord['kind'], lane: number, queuedMs: number, startMs: number, endMs: number,
    status: TaskStatus, error: string | null, attempts: number,
  ): void {
    const c = this.#columns;
    if (error !== null) {
      c.errors.at.push(c.index.length);
      c.errors.message.push(this.#messages.code(error));
    }
    c.index.push(index);
    c.group.push(group);
    c.kind.push(this.#kinds.code(kind));
    c.lane.push(lane);
    c.queuedMs.push(toMicrosecond(queuedMs));
    c.startMs.push(toMicrosecond(startMs));
    c.endMs.push(toMicrosecond(endMs));
    c.status.push(this.#statuses.code(status));
    c.attempts.push(attempts);
  }

  build(): TaskColumns {
    return { ...this.#columns, kinds: this.#kinds.values, statuses: this.#statuses.values, errors: { ...this.#columns.errors, messages: this.#messages.values } };
  }
}
