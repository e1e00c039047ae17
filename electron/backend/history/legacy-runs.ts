import type { Database } from 'better-sqlite3';
import { taskMetrics } from '../../../shared/metrics/compute-metrics';
import type { RunMetrics } from '../../../shared/metrics/metrics-schema';
import type { TaskRecord } from '../../../shared/protocol/task-record';
import { LEGACY_SKIPPED_REASON, legacyOrphanOutcome } from '../../../shared/run/record-version';

// The columns as schema version 2 has them: a released migration step must not follow later schema changes.
const TASKS_OF_RUN = `SELECT idx AS "index", grp AS "group", kind, lane, queued_ms AS queuedMs, start_ms AS startMs,
  end_ms AS endMs, observed_ms AS observedMs, status, orphaned, error, attempts FROM tasks WHERE run_id = ?`;

/**
 * Schema version 2's data step, inside the migration's transaction: every legacy `orphaned` task gets its own
 * outcome back (its error text tells it) with `orphaned` set, tasks the strategy never started become
 * `skipped`, and each run's failure count and task-derived metrics are recomputed from the upgraded tasks
 * (their times stay as recorded: the truth cannot be recovered).
 */
export function upgradeLegacyRuns(db: Database): void {
  db.function('legacy_orphan_outcome', { deterministic: true }, (error: unknown) => legacyOrphanOutcome(typeof error === 'string' ? error : null));
  db.exec(`UPDATE tasks SET orphaned = 1, status = legacy_orphan_outcome(error) WHERE status = 'orphaned'`);
  db.prepare(`UPDATE tasks SET status = 'skipped' WHERE status = 'cancelled' AND attempts = 0 AND error = ?`).run(LEGACY_SKIPPED_REASON);
  db.exec(`UPDATE runs SET failure_count = (SELECT COUNT(*) FROM tasks WHERE run_id = runs.id AND status IN ('error', 'timeout', 'cancelled'))`);
  const runs = db.prepare('SELECT id, metrics FROM runs WHERE metrics IS NOT NULL').all() as { id: number; metrics: string }[];
  const tasksOf = db.prepare(TASKS_OF_RUN);
  const setMetrics = db.prepare('UPDATE runs SET metrics = ? WHERE id = ?');
  for (const run of runs) {
    const metrics = JSON.parse(run.metrics) as RunMetrics;
    const rows = tasksOf.all(run.id) as (Omit<TaskRecord, 'orphaned'> & { orphaned: number })[];
    const tasks = rows.map((row): TaskRecord => ({ ...row, orphaned: row.orphaned === 1 }));
    setMetrics.run(JSON.stringify({ ...metrics, ...taskMetrics(tasks, metrics.wallMs) }), run.id);
  }
}
