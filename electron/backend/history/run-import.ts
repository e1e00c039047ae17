import type { Database, Statement } from 'better-sqlite3';
import type { RunExport } from '../../../shared/run/run-schema';
import { slicesFromTrace } from '../../../shared/runtime/runtime-trace';
import { RecordRows } from './record-rows';
import { RuntimeRows } from './runtime-rows';
import { countFailures } from './run-rows';

/** Adds exported runs to the history, always as new runs. */
export class RunImporter {
  readonly #records: RecordRows;
  readonly #runtime: RuntimeRows;
  readonly #insertRun: Statement;
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
    this.#records = new RecordRows(db);
    this.#runtime = new RuntimeRows(db);
    this.#insertRun = db.prepare(
      `INSERT INTO runs (name, scenario_name, strategy_type, strategy, scenario, scenario_dir, status, created_at, finished_at,
         wall_ms, task_count, failure_count, record_version, tags, notes, error, metrics)
       VALUES (@name, @scenarioName, @strategyType, @strategy, @scenario, @scenarioDir, @status, @createdAt, @finishedAt,
         @wallMs, @taskCount, @failureCount, @recordVersion, @tags, @notes, @error, @metrics)`,
    );
  }

  /**
   * Stores an already validated export in one transaction and returns the new run's id. A run exported
   * while `running` comes in as `interrupted`: no process here is recording it.
   */
  importRun(data: RunExport): number {
    const { run } = data;
    return this.#db.transaction(() => {
      const result = this.#insertRun.run({
        name: run.name,
        scenarioName: run.scenarioName,
        strategyType: run.strategy.type,
        strategy: JSON.stringify(run.strategy),
        scenario: JSON.stringify(run.scenario),
        scenarioDir: run.scenarioDir,
        status: run.status === 'running' ? 'interrupted' : run.status,
        createdAt: run.createdAt,
        finishedAt: run.finishedAt,
        wallMs: run.wallMs,
        taskCount: run.tasks.length,
        failureCount: countFailures(run.tasks),
        recordVersion: run.recordVersion,
        tags: JSON.stringify(run.tags),
        notes: run.notes,
        error: run.error,
        metrics: run.metrics === null ? null : JSON.stringify(run.metrics),
      });
      const runId = Number(result.lastInsertRowid);
      this.#records.insert(runId, run.tasks, run.samples);
      if (data.runtime !== undefined) this.#runtime.insert(runId, slicesFromTrace(data.runtime));
      return runId;
    })();
  }
}
