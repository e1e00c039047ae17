import type { TaskRecord, TaskStatus } from '../../../shared/protocol/task-record';
import type { TaskRow } from './record-rows';
import type { FindingTask } from '../../../shared/findings';
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
  #index = new Uint32Array(1024);
  #group = new Uint32Array(1024);
  #kind = new Uint32Array(1024);
  #lane = new Uint32Array(1024);
  #queuedMs = new Float64Array(1024);
  #startMs = new Float64Array(1024);
  #endMs = new Float64Array(1024);
  #observedMs = new Float64Array(1024);
  #status = new Uint32Array(1024);
  #orphaned = new Uint32Array(1024);
  #attempts = new Uint32Array(1024);
  readonly #errors: TaskArrays['errors'] = { at: [], message: [], messages: [] };
  readonly #kinds = new CodeTable<TaskRecord['kind']>();
  readonly #statuses = new CodeTable<TaskStatus>();
  readonly #messages = new CodeTable<string>();

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

  /** What the findings read of each task added so far (`FindingTask`), ordered by task index, made straight from the columns. */
  findingTasks(): FindingTask[] {
    const tasks = new Array<FindingTask>(this.#count);
    for (let i = 0; i < this.#count; i++) {
      tasks[i] = {
        index: this.#index[i]!,
        group: this.#group[i]!,
        kind: this.#kinds.values[this.#kind[i]!]!,
        startMs: this.#startMs[i]!,
        endMs: this.#endMs[i]!,
        status: this.#statuses.values[this.#status[i]!]!,
        orphaned: this.#orphaned[i] === 1,
        attempts: this.#attempts[i]!,
      };
    }
    // Tasks arrive nearly in index order, which the merge sort of `Array.prototype.sort` goes through in one pass.
    return tasks.sort((a, b) => a.index - b.index);
  }

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
