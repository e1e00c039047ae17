import type { TaskRecord, TaskStart } from '../../../shared/protocol/task-record';
import { isFinishedStatus, isTaskKind } from './task-codes';

function shown(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function fail(where: string, field: string, rule: string, value: unknown): never {
  throw new RangeError(`${where}.${field}: must be ${rule}, got ${shown(value)}`);
}

function checkTime(where: string, field: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) fail(where, field, 'a finite number >= 0', value);
}

function checkWhole(where: string, field: string, value: unknown): void {
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 0xffff_ffff) {
    fail(where, field, 'a whole number >= 0', value);
  }
}

/**
 * Checks what the typed arrays cannot hold (a NaN time, a fractional lane, an unknown kind), so that a bad
 * batch is refused whole, with a message naming the task and the field, before anything is appended.
 */
export function checkTaskStarts(tasks: readonly TaskStart[], name: string): void {
  tasks.forEach((task, i) => {
    const where = `${name}[${i}]`;
    checkWhole(where, 'index', task.index);
    checkWhole(where, 'group', task.group);
    checkWhole(where, 'lane', task.lane);
    checkTime(where, 'queuedMs', task.queuedMs);
    checkTime(where, 'startMs', task.startMs);
    if (!isTaskKind(task.kind)) fail(where, 'kind', 'a task kind', task.kind);
  });
}

/** `checkTaskStarts` plus the fields only a finished task has. */
export function checkTaskRecords(tasks: readonly TaskRecord[], name: string): void {
  checkTaskStarts(tasks, name);
  tasks.forEach((task, i) => {
    const where = `${name}[${i}]`;
    checkTime(where, 'endMs', task.endMs);
    checkWhole(where, 'attempts', task.attempts);
    if (!isFinishedStatus(task.status)) fail(where, 'status', 'ok, error, timeout, cancelled or orphaned', task.status);
  });
}
