import type { TaskRecord } from '../../../shared/protocol/task-record';
import { unpackTaskColumns, type TaskColumns } from '../../../shared/run/task-columns';
import { TaskColumnsBuilder } from '../../../electron/backend/history/task-columns-builder';

/** The columns the store's reader gives for `tasks`. */
export function columnsOf(tasks: readonly TaskRecord[]): TaskColumns {
  const builder = new TaskColumnsBuilder();
  for (const t of tasks) builder.add([t.index, t.group, t.kind, t.lane, t.queuedMs, t.startMs, t.endMs, t.status, t.error, t.attempts]);
  return builder.build();
}

/** The records columns stand for, read back naively: the oracle the product's readers are checked against. */
export function recordsOf(columns: TaskColumns): TaskRecord[] {
  const arrays = unpackTaskColumns(columns);
  return Array.from(arrays.index, (index, i) => {
    const at = arrays.errors.at.indexOf(i);
    return {
      index,
      group: arrays.group[i]!,
      kind: arrays.kinds[arrays.kind[i]!]!,
      lane: arrays.lane[i]!,
      queuedMs: arrays.queuedMs[i]!,
      startMs: arrays.startMs[i]!,
      endMs: arrays.endMs[i]!,
      status: arrays.statuses[arrays.status[i]!]!,
      error: at < 0 ? null : arrays.errors.messages[arrays.errors.message[at]!]!,
      attempts: arrays.attempts[i]!,
    };
  });
}
