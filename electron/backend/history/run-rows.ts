import type { RunStatus, RunSummary } from '../../../shared/run/run-schema';
import type { Runtime, Strategy } from '../../../shared/scenario';
import type { TaskStatus } from '../../../shared/protocol/task-record';
import { isFailure } from '../../../shared/metrics/compute-metrics';

/** The columns of a `runs` row (aliased `r`) that make a `RunSummary`. */
export const SUMMARY_COLUMNS = `r.id, r.name, r.scenario_name AS scenarioName, r.strategy,
  COALESCE(json_extract(r.scenario, '$.runtime'), 'node') AS runtimeName, r.status,
  r.created_at AS createdAt, r.finished_at AS finishedAt, r.wall_ms AS wallMs, r.task_count AS tasks,
  r.failure_count AS failures, r.record_version AS recordVersion, r.tags, r.notes, r.experiment_id AS experimentId, r.error,
  r.scenario_dir AS scenarioDir`;

/** A row selected with `SUMMARY_COLUMNS`: JSON columns still as text. */
export interface SummaryRow extends Omit<RunSummary, 'strategy' | 'tags' | 'status' | 'runtimeName'> {
  strategy: string;
  runtimeName: string;
  tags: string;
  status: string;
}

export function toSummary(row: SummaryRow): RunSummary {
  return { ...row, strategy: JSON.parse(row.strategy) as Strategy, runtimeName: row.runtimeName as Runtime, tags: JSON.parse(row.tags) as string[], status: row.status as RunStatus };
}

/** Tasks whose own outcome is a failure (`isFailure`), orphaned or not. */
export function countFailures(tasks: readonly { status: TaskStatus }[]): number {
  let failures = 0;
  for (const task of tasks) if (isFailure(task.status)) failures += 1;
  return failures;
}
