import type { TaskRecord, TaskStatus } from '../protocol/task-record';
import type { TaskArrays } from '../run/task-columns';

/** The statuses in code order: entry `c` of `TaskMetricColumns.status` is `TASK_STATUS_ORDER[c]`. */
export const TASK_STATUS_ORDER: readonly TaskStatus[] = ['ok', 'error', 'timeout', 'cancelled', 'skipped'];

/** The code of each status in `TASK_STATUS_ORDER`. */
export const TASK_STATUS_CODE: Readonly<Record<TaskStatus, number>> = { ok: 0, error: 1, timeout: 2, cancelled: 3, skipped: 4 };

/**
 * What the task metrics read of every task, as parallel typed-array columns of `count` entries (entry `i` of each
 * is one task): the engine keeps a million tasks this way in a few tens of MB, where records as objects take
 * hundreds. Kinds are codes into `kinds`, statuses codes into `TASK_STATUS_ORDER`.
 */
export interface TaskMetricColumns {
  count: number;
  queuedMs: Float64Array;
  startMs: Float64Array;
  endMs: Float64Array;
  observedMs: Float64Array;
  status: Uint8Array;
  /** 1 when the task ended after its strategy settled. */
  orphaned: Uint8Array;
  attempts: Uint32Array;
  /** Positions in `kinds`. */
  kind: Uint16Array;
  kinds: readonly string[];
}

/** The columns of `records`, in their order: what `taskMetrics` computes over records. */
export function metricColumnsOf(records: readonly TaskRecord[]): TaskMetricColumns {
  const count = records.length;
  const columns: TaskMetricColumns = {
    count,
    queuedMs: new Float64Array(count),
    startMs: new Float64Array(count),
    endMs: new Float64Array(count),
    observedMs: new Float64Array(count),
    status: new Uint8Array(count),
    orphaned: new Uint8Array(count),
    attempts: new Uint32Array(count),
    kind: new Uint16Array(count),
    kinds: [],
  };
  const kinds: string[] = [];
  const kindCodes = new Map<string, number>();
  records.forEach((record, i) => {
    let kindCode = kindCodes.get(record.kind);
    if (kindCode === undefined) {
      kindCode = kinds.push(record.kind) - 1;
      kindCodes.set(record.kind, kindCode);
    }
    columns.queuedMs[i] = record.queuedMs;
    columns.startMs[i] = record.startMs;
    columns.endMs[i] = record.endMs;
    columns.observedMs[i] = record.observedMs;
    columns.status[i] = TASK_STATUS_CODE[record.status];
    columns.orphaned[i] = record.orphaned ? 1 : 0;
    columns.attempts[i] = record.attempts;
    columns.kind[i] = kindCode;
  });
  return { ...columns, kinds };
}

/** The columns of unpacked task columns, in their order: their time columns as they are, the codes rewritten. */
export function metricColumnsOfArrays(arrays: TaskArrays): TaskMetricColumns {
  const { count } = arrays;
  const statusCodes = arrays.statuses.map((status) => TASK_STATUS_CODE[status]);
  const status = new Uint8Array(count);
  const orphaned = new Uint8Array(count);
  const kind = new Uint16Array(count);
  const attempts = arrays.attempts instanceof Uint32Array ? arrays.attempts : Uint32Array.from(arrays.attempts);
  for (let i = 0; i < count; i++) {
    status[i] = statusCodes[arrays.status[i]!]!;
    orphaned[i] = arrays.orphaned[i]!;
    kind[i] = arrays.kind[i]!;
  }
  return { count, queuedMs: arrays.queuedMs, startMs: arrays.startMs, endMs: arrays.endMs, observedMs: arrays.observedMs, status, orphaned, attempts, kind, kinds: arrays.kinds };
}
