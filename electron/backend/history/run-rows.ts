import type { RunStatus, RunSummary } from '../../../shared/run/run-schema';
import type { Strategy } from '../../../shared/scenario';
import type { TaskStatus } from '../../../shared/protocol/task-record';

/** The columns of a `runs` row (aliased `r`) that make a `RunSummary`. */
export const SUMMARY_COLUMNS = `r.id, r.name, r.scenario_name AS scenarioName, r.strategy, r.status,
  r.created_at AS createdAt, r.finished_at AS finishedAt, r.wall_ms AS wallMs, r.task_count AS tasks,
  r.failure_count AS failures, r.tags, r.notes, r.experiment_id AS experimentId, r.error`;

/** A row selected with `SUMMARY_COLUMNS`: JSON columns still as text. */
export interface SummaryRow extends Omit<RunSummary, 'strategy' | 'tags' | 'status'> {
  strategy: string;
  tags: string;
  status: string;
}

export function toSummary(row: SummaryRow): RunSummary {
  return { ...row, strategy: JSON.parse(row.strategy) as Strategy, tags: JSON.parse(row.tags) as string[], status: row.status as RunStatus };
}

/** Failures are tasks that ended `error`, `timeout` or `cancelled` (`orphaned` finished after its strategy settled). */
export function isFailure(status: TaskStatus): boolean {
  return status === 'error' || status === 'timeout' || status === 'cancelled';
}

export function countFailures(tasks: readonly { status: TaskStatus }[]): number {
  let failures = 0;
  for (const task of tasks) if (isFailure(task.status)) failures += 1;
  return failures;
}
