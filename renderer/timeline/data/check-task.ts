import type { TaskRecord, TaskStart } from '../../../shared/protocol/task-record';
import { isFinishedStatus, isTaskKind } from './task-codes';

const WHOLE = 'a whole number >= 0';
const TIME = 'a finite number >= 0';

function isTime(value: unknown): boolean {
  return typeof value === 'number' && value >= 0 && value < Infinity;
}

function isWhole(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xffff_ffff;
}

function fail(name: string, i: number, field: string, rule: string, value: unknown): never {
  const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
  throw new RangeError(`${name}[${i}].${field}: must be ${rule}, got ${shown}`);
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
    if (!isWhole(task.attempts)) fail(name, i, 'attempts', WHOLE, task.attempts);
    if (!isFinishedStatus(task.status)) fail(name, i, 'status', 'ok, error, timeout, cancelled or orphaned', task.status);
  }
}
