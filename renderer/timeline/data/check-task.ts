import type { TaskRecord, TaskStart } from '../../../shared/protocol/task-record';
import type { TaskArrays, UnsignedArray } from '../../../shared/run/task-columns';
import { isFinishedStatus, isTaskKind, kindCode, statusCode } from './task-codes';

const WHOLE = 'a whole number >= 0';
const TIME = 'a finite number >= 0';

function isTime(value: unknown): boolean {
  return typeof value === 'number' && value >= 0 && value < Infinity;
}

function isWhole(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xffff_ffff;
}

/** `tasks[3].lane: must be ..., got 1.5` for a record, `tasks.lane[3]: ...` for a column. */
function failAt(path: string, rule: string, value: unknown): never {
  const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
  throw new RangeError(`${path}: must be ${rule}, got ${shown}`);
}

function fail(name: string, i: number, field: string, rule: string, value: unknown): never {
  return failAt(`${name}[${i}].${field}`, rule, value);
}

function checkStart(task: TaskStart, name: string, i: number): void {
  if (!isWhole(task.index)) fail(name, i, 'index', WHOLE, task.index);
  if (!isWhole(task.group)) fail(name, i, 'group', WHOLE, task.group);
  if (!isWhole(task.lane)) fail(name, i, 'lane', WHOLE, task.lane);
  if (!isTime(task.queuedMs)) fail(name, i, 'queuedMs', TIME, task.queuedMs);
  if (!isTime(task.startMs)) fail(name, i, 'startMs', TIME, task.startMs);
  if (!isTaskKind(task.kind)) fail(name, i, 'kind', 'a task kind', task.kind);
}

/**
 * Checks what the typed arrays cannot hold (a NaN time, a fractional lane, an unknown kind), so that a bad
 * batch is refused whole, with a message naming the task and the field, before anything is appended.
 * Messages are built only on failure: this runs over every task of every batch.
 */
export function checkTaskStarts(tasks: readonly TaskStart[], name: string): void {
  for (let i = 0; i < tasks.length; i++) checkStart(tasks[i]!, name, i);
}

/** `checkTaskStarts` plus the fields only a finished task has. */
export function checkTaskRecords(tasks: readonly TaskRecord[], name: string): void {
  for (let i = 0; i < tasks.length; i++) {
    const task = tasks[i]!;
    checkStart(task, name, i);
    if (!isTime(task.endMs)) fail(name, i, 'endMs', TIME, task.endMs);
    if (!isTime(task.observedMs)) fail(name, i, 'observedMs', TIME, task.observedMs);
    if (typeof task.orphaned !== 'boolean') fail(name, i, 'orphaned', 'true or false', task.orphaned);
    if (!isWhole(task.attempts)) fail(name, i, 'attempts', WHOLE, task.attempts);
    if (!isFinishedStatus(task.status)) fail(name, i, 'status', 'ok, error, timeout, cancelled or skipped', task.status);
  }
}

function checkEach<T>(values: ArrayLike<T>, ok: (value: T) => boolean, name: string, column: string, rule: string): void {
  for (let i = 0; i < values.length; i++) if (!ok(values[i]!)) failAt(`${name}.${column}[${i}]`, rule, values[i]);
}

/** Every value a position in a table of `size` entries. */
function checkPositions(values: ArrayLike<number>, size: number, name: string, column: string, table: string): void {
  checkEach(values, (code) => isWhole(code) && code < size, name, column, `a position in ${table} (0 to ${size - 1})`);
}

/**
 * `isTime` of every value of a column, in a loop of its own: a million tasks have four million times, which a
 * call per value made the largest part of opening such a run.
 */
function checkTimes(values: Float64Array, name: string, column: string): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (!(value >= 0 && value < Infinity)) failAt(`${name}.${column}[${i}]`, TIME, value);
  }
}

/** Every value of an unsigned column (whole and >= 0 by its type) below `size`; `rule` is made only on failure. */
function checkBelow(values: UnsignedArray, size: number, name: string, column: string, rule: () => string): void {
  for (let i = 0; i < values.length; i++) if (values[i]! >= size) failAt(`${name}.${column}[${i}]`, rule(), values[i]);
}

/**
 * `checkTaskRecords` for columns (whose types and lengths `checkTaskColumns` checked): every time finite and
 * >= 0, every code an entry of its table, every kind and status one the timeline knows. Returns the
 * timeline's codes for the columns' kind and status tables.
 */
export function checkTaskArrays(arrays: TaskArrays, name: string): { kinds: Uint8Array; statuses: Uint8Array } {
  for (const column of ['queuedMs', 'startMs', 'endMs', 'observedMs'] as const) checkTimes(arrays[column], name, column);
  checkBelow(arrays.orphaned, 2, name, 'orphaned', () => '0 or 1');
  checkEach(arrays.kinds, isTaskKind, name, 'kinds', 'a task kind');
  checkEach(arrays.statuses, isFinishedStatus, name, 'statuses', 'ok, error, timeout, cancelled or skipped');
  checkBelow(arrays.kind, arrays.kinds.length, name, 'kind', () => `a position in kinds (0 to ${arrays.kinds.length - 1})`);
  checkBelow(arrays.status, arrays.statuses.length, name, 'status', () => `a position in statuses (0 to ${arrays.statuses.length - 1})`);
  const { at, message, messages } = arrays.errors;
  if (message.length !== at.length) throw new RangeError(`${name}.errors.message: must have ${at.length} entries like errors.at, got ${message.length}`);
  checkPositions(at, arrays.count, name, 'errors.at', 'the tasks');
  checkPositions(message, messages.length, name, 'errors.message', 'errors.messages');
  return { kinds: Uint8Array.from(arrays.kinds, kindCode), statuses: Uint8Array.from(arrays.statuses, statusCode) };
}
