import { taskMetrics } from '../../../shared/metrics/compute-metrics';
import { TaskRecordSchema } from '../../../shared/protocol/task-record';
import { LEGACY_RECORD_VERSION, LEGACY_SKIPPED_REASON, legacyOrphanOutcome } from '../../../shared/run/record-version';
import { z } from 'zod';
import { countFailures } from '../history/run-rows';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A version 1 task as version 2 holds it: `orphaned` was a status in place of the outcome (its error text
 * tells the outcome), tasks the strategy never started were `cancelled`, and there was no `observedMs`.
 * Anything that is not a task object is left for the schema to refuse.
 */
function upgradeTask(task: unknown): unknown {
  if (!isObject(task)) return task;
  const error = typeof task.error === 'string' ? task.error : null;
  const orphaned = task.status === 'orphaned';
  let status = orphaned ? legacyOrphanOutcome(error) : task.status;
  if (status === 'cancelled' && task.attempts === 0 && error === LEGACY_SKIPPED_REASON) status = 'skipped';
  return { ...task, observedMs: task.endMs, status, orphaned };
}

const TasksSchema = z.array(TaskRecordSchema);

/**
 * A version 1 export (an older engine's) as a version 2 one: tasks upgraded, counts and the task-derived
 * metrics recomputed from them (the times stay as recorded), and the run marked as recorded by an older
 * engine. The result still goes through the whole schema, so a broken file is refused as before.
 */
export function upgradeExportV1(value: Record<string, unknown>): Record<string, unknown> {
  if (!isObject(value.run)) return { ...value, version: 2 };
  const run: Record<string, unknown> = { ...value.run, recordVersion: LEGACY_RECORD_VERSION };
  if (Array.isArray(run.tasks)) run.tasks = run.tasks.map(upgradeTask);
  const tasks = TasksSchema.safeParse(run.tasks);
  if (tasks.success) {
    run.failures = countFailures(tasks.data);
    if (isObject(run.metrics) && typeof run.metrics.wallMs === 'number') run.metrics = { ...run.metrics, ...taskMetrics(tasks.data, run.metrics.wallMs) };
  }
  return { ...value, version: 2, run };
}
