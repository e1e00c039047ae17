import type { TaskRecord } from '../../../shared/protocol/task-record';
import { TaskColumnsBuilder, type TaskColumns } from '../../../shared/run/task-columns';

/** The columns a reader of the store would give for `tasks`. */
export function columnsOf(tasks: readonly TaskRecord[]): TaskColumns {
  const builder = new TaskColumnsBuilder();
  for (const t of tasks) builder.add(t.index, t.group, t.kind, t.lane, t.queuedMs, t.startMs, t.endMs, t.status, t.error, t.attempts);
  return builder.build();
}

/** The records columns stand for, read back naively: the oracle the product's readers are checked against. */
export function recordsOf(columns: TaskColumns): TaskRecord[] {
  return columns.index.map((index, i) => {
    const at = columns.errors.at.indexOf(i);
    return {
      index,
      group: columns.group[i]!,
      kind: columns.kinds[columns.kind[i]!]!,
      lane: columns.lane[i]!,
      queuedMs: columns.queuedMs[i]!,
      startMs: columns.startMs[i]!,
      endMs: columns.endMs[i]!,
      status: columns.statuses[columns.status[i]!]!,
      error: at < 0 ? null : columns.errors.messages[columns.errors.message[at]!]!,
      attempts: columns.attempts[i]!,
    };
  });
}

/** `tasks` with every time rounded to the microsecond, as columns carry them. */
export function toMicroseconds(tasks: readonly TaskRecord[]): TaskRecord[] {
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return tasks.map((t) => ({ ...t, queuedMs: round(t.queuedMs), startMs: round(t.startMs), endMs: round(t.endMs) }));
}
