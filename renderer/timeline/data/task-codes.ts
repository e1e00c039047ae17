import { TASK_KINDS, type TaskKind } from '../../../shared/scenario';
import type { TaskStatus } from '../../../shared/protocol/task-record';

/** What a bar shows: the task's final status, or `running` until its record arrives. */
export type TimelineStatus = TaskStatus | 'running';

/**
 * Status codes, ordered by how loudly they must show: when several spans fall into one pixel column
 * the highest code wins, so one error among a thousand successes still shows.
 */
export const STATUS_BY_CODE: readonly TimelineStatus[] = ['ok', 'running', 'skipped', 'cancelled', 'timeout', 'error'];

export const RUNNING_CODE = STATUS_BY_CODE.indexOf('running');

const statusCodes = new Map<string, number>(STATUS_BY_CODE.map((status, code) => [status, code]));
const kindCodes = new Map<string, number>(TASK_KINDS.map((kind, code) => [kind, code]));

/** The code stored in `TimelineData.status`; throws a clear error for a status the timeline does not know. */
export function statusCode(status: string): number {
  const code = statusCodes.get(status);
  if (code === undefined) throw new RangeError(`unknown task status "${status}"; expected one of ${STATUS_BY_CODE.join(', ')}`);
  return code;
}

/** The code stored in `TimelineData.kind` (the kind's position in `TASK_KINDS`). */
export function kindCode(kind: string): number {
  const code = kindCodes.get(kind);
  if (code === undefined) throw new RangeError(`unknown task kind "${kind}"; expected one of ${TASK_KINDS.join(', ')}`);
  return code;
}

/** True for a kind the timeline can draw. */
export function isTaskKind(kind: unknown): boolean {
  return typeof kind === 'string' && kindCodes.has(kind);
}

/** True for a status a finished task can have (`running` is the timeline's own, never a record's). */
export function isFinishedStatus(status: unknown): boolean {
  return typeof status === 'string' && status !== 'running' && statusCodes.has(status);
}

export function statusOfCode(code: number): TimelineStatus {
  return STATUS_BY_CODE[code] ?? 'ok';
}

export function kindOfCode(code: number): TaskKind {
  return TASK_KINDS[code] ?? TASK_KINDS[0]!;
}
