import type { TaskRecord, TaskStatus } from '../protocol/task-record';
import type { RunDetail } from './run-schema';

export type UnsignedArray = Uint32Array | Uint16Array | Uint8Array;

/**
 * A run's task records as parallel columns, entry `i` of each the `i`-th record by index: what History and the
 * Compare view fetch for every run they draw. Numbers are typed arrays (times as float64, the rest in the
 * narrowest unsigned width that holds them), kinds and statuses codes into small tables, and errors listed only
 * for the tasks that have one: a million tasks are about 45 MB of arrays, which IPC carries by structured clone
 * and the browser host's WebSocket as one binary message (`shared/api/ws-binary.ts`), never as text.
 */
export interface TaskArrays {
  count: number;
  index: UnsignedArray;
  group: UnsignedArray;
  /** Positions in `kinds`. */
  kind: UnsignedArray;
  lane: UnsignedArray;
  queuedMs: Float64Array;
  startMs: Float64Array;
  endMs: Float64Array;
  observedMs: Float64Array;
  /** Positions in `statuses`. */
  status: UnsignedArray;
  /** 1 when the task ended after its strategy settled, else 0. */
  orphaned: UnsignedArray;
  attempts: UnsignedArray;
  kinds: TaskRecord['kind'][];
  statuses: TaskStatus[];
  errors: {
    /** Entries whose task has an error. */
    at: number[];
    /** For each entry of `at`, its position in `messages`. */
    message: number[];
    messages: string[];
  };
}

/** A run as `history.get` gives it, its tasks as columns. */
export type ColumnarRun = Omit<RunDetail, 'tasks'> & { tasks: TaskArrays };

const NUMBER_COLUMNS = ['index', 'group', 'kind', 'lane', 'queuedMs', 'startMs', 'endMs', 'observedMs', 'status', 'orphaned', 'attempts'] as const;
const TIME_COLUMNS = new Set<string>(['queuedMs', 'startMs', 'endMs', 'observedMs']);

function isUnsignedArray(value: unknown): value is UnsignedArray {
  return value instanceof Uint8Array || value instanceof Uint16Array || value instanceof Uint32Array;
}

/**
 * The columns as they came over a transport, checked: throws a RangeError naming the first column that is not
 * what it must be (a time column not a Float64Array, another column not a Uint8, Uint16 or Uint32Array, a length
 * other than `count`, tables that are not arrays). The values themselves are the timeline's to check.
 */
export function checkTaskColumns(columns: TaskArrays): TaskArrays {
  if (!Number.isInteger(columns.count) || columns.count < 0) throw new RangeError(`tasks.count: must be a whole number >= 0, got ${String(columns.count)}`);
  for (const name of NUMBER_COLUMNS) {
    const column: unknown = columns[name];
    const time = TIME_COLUMNS.has(name);
    if (time ? !(column instanceof Float64Array) : !isUnsignedArray(column)) {
      throw new RangeError(`tasks.${name}: must be a ${time ? 'Float64Array' : 'Uint8Array, Uint16Array or Uint32Array'}, got ${describe(column)}`);
    }
    if ((column as UnsignedArray).length !== columns.count) {
      throw new RangeError(`tasks.${name}: must have ${columns.count} entries (count), got ${(column as UnsignedArray).length}`);
    }
  }
  for (const name of ['kinds', 'statuses'] as const) if (!Array.isArray(columns[name])) throw new RangeError(`tasks.${name}: must be an array, got ${describe(columns[name])}`);
  const errors: unknown = columns.errors;
  const lists = typeof errors === 'object' && errors !== null ? (errors as Record<string, unknown>) : {};
  for (const name of ['at', 'message', 'messages']) {
    if (!Array.isArray(lists[name])) throw new RangeError(`tasks.errors.${name}: must be an array, got ${describe(lists[name])}`);
  }
  return columns;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return (value as object).constructor?.name ?? 'an object';
  return typeof value;
}

/** The records unpacked columns stand for, by index; throws on a kind, status or message code past its table. */
export function recordsFromArrays(arrays: TaskArrays): TaskRecord[] {
  const errors = new Map<number, string>();
  arrays.errors.at.forEach((at, i) => errors.set(at, entry(arrays.errors.messages, arrays.errors.message[i]!, 'errors.messages')));
  const tasks = new Array<TaskRecord>(arrays.count);
  for (let i = 0; i < arrays.count; i++) {
    tasks[i] = {
      index: arrays.index[i]!,
      group: arrays.group[i]!,
      kind: entry(arrays.kinds, arrays.kind[i]!, 'kinds'),
      lane: arrays.lane[i]!,
      queuedMs: arrays.queuedMs[i]!,
      startMs: arrays.startMs[i]!,
      endMs: arrays.endMs[i]!,
      observedMs: arrays.observedMs[i]!,
      status: entry(arrays.statuses, arrays.status[i]!, 'statuses'),
      orphaned: arrays.orphaned[i] === 1,
      error: errors.get(i) ?? null,
      attempts: arrays.attempts[i]!,
    };
  }
  return tasks;
}

function entry<T>(table: readonly T[], code: number, name: string): T {
  const value = table[code];
  if (value === undefined) throw new RangeError(`tasks.${name}: has no entry ${code}`);
  return value;
}
