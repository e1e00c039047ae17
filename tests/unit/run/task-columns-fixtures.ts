import type { TaskRecord } from '../../../shared/protocol/task-record';
import type { TaskArrays } from '../../../shared/run/task-columns';
import { TaskColumnsBuilder } from '../../../electron/backend/history/task-columns-builder';

/** The columns the store's reader gives for `tasks`. */
export function columnsOf(tasks: readonly TaskRecord[]): TaskArrays {
  const builder = new TaskColumnsBuilder();
  for (const t of tasks) builder.add([t.index, t.group, t.kind, t.lane, t.queuedMs, t.startMs, t.endMs, t.observedMs, t.status, t.orphaned ? 1 : 0, t.error, t.attempts]);
  return builder.build();
}
