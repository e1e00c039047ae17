import type { TaskRecord, TaskStatus } from '../../../shared/protocol/task-record';
import type { TaskRow } from './record-rows';
import { inIndexOrder, type FindingColumns } from '../../../shared/findings';
import { ensureLength } from '../../../shared/arrays/ensure-length';
import type { TaskArrays } from '../../../shared/run/task-columns';

/** Positions of values in a table that grows as new values come. */
class CodeTable<T> {
  readonly values: T[] = [];
  readonly #codes = new Map<T, number>();
  #last: T | undefined;
  #lastCode = -1;

  code(value: T): number {
    // Runs of one kind or status are the rule: the last answer is usually the next one.
    if (value === this.#last) return this.#lastCode;
    let code = this.#codes.get(value);
    if (code === undefined) {
      code = this.values.push(value) - 1;
      this.#codes.set(value, code);
    }
    this.#last = value;
    this.#lastCode = code;
    return code;
  }
}

type Whole = Uint32Array | Uint16Array | Uint8Array;

/** The first `count` values, in an array of their own when `values` holds more (a clone would copy its whole buffer). */
function fit<T extends Float64Array | Whole>(values: T, count: number): T {
  return (values.length === count ? values : values.slice(0, count)) as T;
}

/** Whole numbers >= 0 in the narrowest unsigned width that holds the largest. */
function narrowest(values: Whole, count: number): Whole {
  if (values instanceof Uint8Array) return fit(values, count);
  let max = 0;
  for (let i = 0; i < count; i++) if (values[i]! > max) max = values[i]!;
  const Type = max <= 0xff ? Uint8Array : max <= 0xffff ? Uint16Array : Uint32Array;
  return values instanceof Type ? fit(values, count) : new Type(values.subarray(0, count));
}

/** Columns of `count` tasks as the API sends them: each whole-number column in the narrowest width that holds it. */
export function narrowTaskArrays(arrays: TaskArrays): TaskArrays {
  const n = arrays.count;
  return {
    count: n,
    index: narrowest(arrays.index, n),
    group: narrowest(arrays.group, n),
    kind: narrowest(arrays.kind, n),
    lane: narrowest(arrays.lane, n),
    queuedMs: fit(arrays.queuedMs, n),
    startMs: fit(arrays.startMs, n),
    endMs: fit(arrays.endMs, n),
    observedMs: fit(arrays.observedMs, n),
    status: narrowest(arrays.status, n),
    orphaned: narrowest(arrays.orphaned, n),
    attempts: narrowest(arrays.attempts, n),
    kinds: arrays.kinds,
    statuses: arrays.statuses,
    errors: arrays.errors,
  };
}

/** Fills task columns one task at a time, in the order the columns are to hold them, then narrows them. */
export class TaskColumnsBuilder {
  #count = 0;
  #index: Uint32Array;
  #group: Uint32Array;
  #kind: Uint32Array;
  #lane: Uint32Array;
  #queuedMs: Float64Array;
  #startMs: Float64Array;
  #endMs: Float64Array;
  #observedMs: Float64Array;
  #status: Uint32Array;
  #orphaned: Uint8Array;
  #attempts: Uint32Array;
  readonly #errors: TaskArrays['errors'] = { at: [], message: [], messages: [] };
  readonly #kinds = new CodeTable<TaskRecord['kind']>();
  readonly #statuses = new CodeTable<TaskStatus>();
  readonly #messages = new CodeTable<string>();

  /**
   * `capacity`: the tasks expected, when known (a run's planned tasks): room for them from the start, instead of
   * doubling on the way, which for a million tasks holds the old and the new columns (90 MB) at once.
   */
  constructor(capacity = 1024) {
    this.#index = new Uint32Array(capacity);
    this.#group = new Uint32Array(capacity);
    this.#kind = new Uint32Array(capacity);
    this.#lane = new Uint32Array(capacity);
    this.#queuedMs = new Float64Array(capacity);
    this.#startMs = new Float64Array(capacity);
    this.#endMs = new Float64Array(capacity);
    this.#observedMs = new Float64Array(capacity);
    this.#status = new Uint32Array(capacity);
    this.#orphaned = new Uint8Array(capacity);
    this.#attempts = new Uint32Array(capacity);
  }

  /** One record as the store's array row holds it: `TaskRecord` fields in order. */
  add(row: Readonly<TaskRow>): void {
    const i = this.#count++;
    if (i === this.#index.length) this.#grow(i + 1);
    this.#index[i] = row[0];
    this.#group[i] = row[1];
    this.#kind[i] = this.#kinds.code(row[2]);
    this.#lane[i] = row[3];
    this.#queuedMs[i] = row[4];
    this.#startMs[i] = row[5];
    this.#endMs[i] = row[6];
    this.#observedMs[i] = row[7];
    this.#status[i] = this.#statuses.code(row[8]);
    this.#orphaned[i] = row[9];
    if (row[10] !== null) {
      this.#errors.at.push(i);
      this.#errors.message.push(this.#messages.code(row[10]));
    }
    this.#attempts[i] = row[11];
  }

  /** The tasks added so far as unpacked columns, in the order they were added: views of the builder's own arrays. */
  arrays(): TaskArrays {
    const n = this.#count;
    return {
      count: n,
      index: this.#index.subarray(0, n),
      group: this.#group.subarray(0, n),
      kind: this.#kind.subarray(0, n),
      lane: this.#lane.subarray(0, n),
      queuedMs: this.#queuedMs.subarray(0, n),
      startMs: this.#startMs.subarray(0, n),
      endMs: this.#endMs.subarray(0, n),
      observedMs: this.#observedMs.subarray(0, n),
      status: this.#status.subarray(0, n),
      orphaned: this.#orphaned.subarray(0, n),
      attempts: this.#attempts.subarray(0, n),
      kinds: this.#kinds.values,
      statuses: this.#statuses.values,
      errors: { ...this.#errors, messages: this.#messages.values },
    };
  }

  /**
   * What the findings read of the tasks added so far, in index order: views of the builder's own arrays when the
   * tasks came in index order, else copies of only those columns (`inIndexOrder`); never an object per task.
   */
  findingColumns(): FindingColumns {
    return inIndexOrder(this.arrays());
  }

  /** The columns as the API sends them: the whole arrays, not views (a clone of a view copies its whole buffer). */
  build(): TaskArrays {
    return narrowTaskArrays({
      count: this.#count,
      index: this.#index,
      group: this.#group,
      kind: this.#kind,
      lane: this.#lane,
      queuedMs: this.#queuedMs,
      startMs: this.#startMs,
      endMs: this.#endMs,
      observedMs: this.#observedMs,
      status: this.#status,
      orphaned: this.#orphaned,
      attempts: this.#attempts,
      kinds: this.#kinds.values,
      statuses: this.#statuses.values,
      errors: { ...this.#errors, messages: this.#messages.values },
    });
  }

  #grow(length: number): void {
    this.#index = ensureLength(this.#index, length);
    this.#group = ensureLength(this.#group, length);
    this.#kind = ensureLength(this.#kind, length);
    this.#lane = ensureLength(this.#lane, length);
    this.#queuedMs = ensureLength(this.#queuedMs, length);
    this.#startMs = ensureLength(this.#startMs, length);
    this.#endMs = ensureLength(this.#endMs, length);
    this.#observedMs = ensureLength(this.#observedMs, length);
    this.#status = ensureLength(this.#status, length);
    this.#orphaned = ensureLength(this.#orphaned, length);
    this.#attempts = ensureLength(this.#attempts, length);
  }
}
