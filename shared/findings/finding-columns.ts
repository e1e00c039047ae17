import type { TaskRecord, TaskStatus } from '../protocol/task-record';
import type { UnsignedArray } from '../run/task-columns';
import type { FindingColumns } from './finding-schema';

/** What `findingColumnsOf` reads of a record. */
export type FindingRecord = Pick<TaskRecord, 'index' | 'group' | 'kind' | 'startMs' | 'endMs' | 'status' | 'orphaned' | 'attempts'>;

/** The position of `value` in a table of a few kinds or statuses, adding it when missing. */
function codeIn<T>(table: T[], value: T): number {
  const at = table.indexOf(value);
  return at >= 0 ? at : table.push(value) - 1;
}

/** The columns the rules read, from records in any order (a live run's come as they finish). */
export function findingColumnsOf(records: readonly FindingRecord[]): FindingColumns {
  const n = records.length;
  const columns = {
    count: n,
    index: new Uint32Array(n),
    group: new Uint32Array(n),
    kind: new Uint8Array(n),
    kinds: [] as TaskRecord['kind'][],
    startMs: new Float64Array(n),
    endMs: new Float64Array(n),
    status: new Uint8Array(n),
    statuses: [] as TaskStatus[],
    orphaned: new Uint8Array(n),
    attempts: new Uint32Array(n),
  };
  records.forEach((record, i) => {
    columns.index[i] = record.index;
    columns.group[i] = record.group;
    columns.kind[i] = codeIn(columns.kinds, record.kind);
    columns.startMs[i] = record.startMs;
    columns.endMs[i] = record.endMs;
    columns.status[i] = codeIn(columns.statuses, record.status);
    columns.orphaned[i] = record.orphaned ? 1 : 0;
    columns.attempts[i] = record.attempts;
  });
  return inIndexOrder(columns);
}

/**
 * The columns with their entries in the order of the tasks' indexes: the same columns when they already are,
 * else copies (about 30 bytes a task). Indexes that are exactly 0..count-1 are placed in one pass; any others
 * (repeated or missing) are sorted, ties kept in the order they came.
 */
export function inIndexOrder(columns: FindingColumns): FindingColumns {
  const { count, index } = columns;
  let ascending = true;
  for (let i = 1; i < count && ascending; i++) ascending = index[i - 1]! < index[i]!;
  if (ascending) return columns;
  const order = placesByIndex(index, count) ?? sortedByIndex(index, count);
  return {
    count,
    kinds: columns.kinds,
    statuses: columns.statuses,
    index: take(index, order),
    group: take(columns.group, order),
    kind: take(columns.kind, order),
    startMs: take(columns.startMs, order),
    endMs: take(columns.endMs, order),
    status: take(columns.status, order),
    orphaned: take(columns.orphaned, order),
    attempts: take(columns.attempts, order),
  };
}

/** For indexes that are 0..count-1 in any order, the entry holding each index; null when they are not. */
function placesByIndex(index: UnsignedArray, count: number): Uint32Array | null {
  const order = new Uint32Array(count);
  const seen = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const at = index[i]!;
    if (at >= count || seen[at] === 1) return null;
    seen[at] = 1;
    order[at] = i;
  }
  return order;
}

function sortedByIndex(index: UnsignedArray, count: number): Uint32Array {
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  return order.sort((a, b) => index[a]! - index[b]! || a - b);
}

/** `column`'s entries in `order`, in an array of its own type. */
function take<T extends Float64Array | UnsignedArray>(column: T, order: Uint32Array): T {
  const out = new (column.constructor as new (length: number) => T)(order.length);
  for (let i = 0; i < order.length; i++) out[i] = column[order[i]!]!;
  return out;
}
