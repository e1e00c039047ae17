import type { TaskRecord, TaskStatus } from '../protocol/task-record';
import { decodeBase64 } from './base64';
import type { RunDetail } from './run-schema';

/** How a packed column's bytes are read: as a typed array of this element type. */
export type PackedType = 'f64' | 'u32' | 'u16' | 'u8';

/** A column of numbers as the bytes of a typed array (little-endian, as on every platform the app runs on), in base64. */
export interface PackedColumn {
  type: PackedType;
  base64: string;
}

/**
 * A run's task records as parallel columns, entry `i` of each the `i`-th record by index: what the Compare
 * view fetches for every run it draws. Numbers travel as packed typed arrays (times as float64, the rest in
 * the narrowest unsigned width that holds them), kinds and statuses as codes into small tables, and errors
 * only for the tasks that have one. For a run of 100,000 tasks that is about a quarter of the JSON of its
 * records, and neither end spends time turning numbers into text and back.
 */
export interface TaskColumns {
  count: number;
  index: PackedColumn;
  group: PackedColumn;
  /** Positions in `kinds`. */
  kind: PackedColumn;
  lane: PackedColumn;
  queuedMs: PackedColumn;
  startMs: PackedColumn;
  endMs: PackedColumn;
  observedMs: PackedColumn;
  /** Positions in `statuses`. */
  status: PackedColumn;
  /** 1 when the task ended after its strategy settled, else 0. */
  orphaned: PackedColumn;
  attempts: PackedColumn;
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
export type ColumnarRun = Omit<RunDetail, 'tasks'> & { tasks: TaskColumns };

export type UnsignedArray = Uint32Array | Uint16Array | Uint8Array;

/** The columns unpacked into typed arrays of `count` entries each; tables and errors as they came. */
export interface TaskArrays extends Pick<TaskColumns, 'count' | 'kinds' | 'statuses' | 'errors'> {
  index: UnsignedArray;
  group: UnsignedArray;
  kind: UnsignedArray;
  lane: UnsignedArray;
  queuedMs: Float64Array;
  startMs: Float64Array;
  endMs: Float64Array;
  observedMs: Float64Array;
  status: UnsignedArray;
  orphaned: UnsignedArray;
  attempts: UnsignedArray;
}

/** The typed array each packed type is read as (and written from). */
export const PACKED_ARRAY_TYPES = { f64: Float64Array, u32: Uint32Array, u16: Uint16Array, u8: Uint8Array } as const;
const NUMBER_COLUMNS = ['index', 'group', 'kind', 'lane', 'queuedMs', 'startMs', 'endMs', 'observedMs', 'status', 'orphaned', 'attempts'] as const;
const TIME_COLUMNS = new Set<string>(['queuedMs', 'startMs', 'endMs', 'observedMs']);

/**
 * Unpacks every column; throws a RangeError naming the first column that is not what it must be (an unknown
 * type, bad base64, a time column not float64 or an integer column that is, a length other than `count`).
 */
export function unpackTaskColumns(columns: TaskColumns): TaskArrays {
  const arrays: Record<string, Float64Array | UnsignedArray> = {};
  for (const name of NUMBER_COLUMNS) {
    const column = columns[name];
    const array = unpackColumn(column, name);
    if (TIME_COLUMNS.has(name) !== (column.type === 'f64')) {
      throw new RangeError(`tasks.${name}: must be packed as ${TIME_COLUMNS.has(name) ? 'f64' : 'u8, u16 or u32'}, got ${column.type}`);
    }
    if (array.length !== columns.count) throw new RangeError(`tasks.${name}: must have ${columns.count} entries (count), got ${array.length}`);
    arrays[name] = array;
  }
  return { ...(arrays as Omit<TaskArrays, 'count' | 'kinds' | 'statuses' | 'errors'>), count: columns.count, kinds: columns.kinds, statuses: columns.statuses, errors: columns.errors };
}

function unpackColumn(column: PackedColumn, name: string): Float64Array | UnsignedArray {
  const ArrayType = PACKED_ARRAY_TYPES[column.type];
  if (ArrayType === undefined) throw new RangeError(`tasks.${name}: unknown packed type ${JSON.stringify(column.type)}`);
  const bytes = decodeBase64(column.base64, `tasks.${name}`);
  if (bytes.byteLength % ArrayType.BYTES_PER_ELEMENT !== 0) {
    throw new RangeError(`tasks.${name}: ${bytes.byteLength} bytes is not a whole number of ${column.type} values`);
  }
  return new ArrayType(bytes.buffer, 0, bytes.byteLength / ArrayType.BYTES_PER_ELEMENT);
}

/** The records the columns stand for, by index; throws like `unpackTaskColumns`, or on a kind, status or message code past its table. */
export function recordsFromColumns(columns: TaskColumns): TaskRecord[] {
  return recordsFromArrays(unpackTaskColumns(columns));
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
