import type { Database, Statement } from 'better-sqlite3';
import type { Sample, TaskRecord } from '../../../shared/protocol/task-record';
import type { RunExport } from '../../../shared/run/run-schema';
import { slicesFromTrace } from '../../../shared/runtime/runtime-trace';
import { RecordRows } from './record-rows';
import { RuntimeRows } from './runtime-rows';
import { countFailures } from './run-rows';

/** Where a streamed import writes its records as it reads them, in the import's transaction. */
export interface ImportSink {
  tasks(batch: readonly TaskRecord[]): void;
  samples(batch: readonly Sample[]): void;
}

/** The rest of an imported run once its records are written: the export without them, and the tasks' counts. */
export interface ImportedRun {
  data: RunExport;
  taskCount: number;
  failures: number;
}

/** Adds exported runs to the history, always as new runs. */
export class RunImporter {
  readonly #records: RecordRows;
  readonly #runtime: RuntimeRows;
  readonly #insertRun: Statement;
  readonly #describeRun: Statement;
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
    this.#records = new RecordRows(db);
    this.#runtime = new RuntimeRows(db);
    // The row comes first so that the records can name it; what it says is known once the whole file is read.
    this.#insertRun = db.prepare(
      `INSERT INTO runs (name, scenario_name, strategy_type, strategy, scenario, status, created_at) VALUES ('', '', '', '{}', '{}', 'interrupted', '')`,
    );
    this.#describeRun = db.prepare(
      `UPDATE runs SET name = @name, scenario_name = @scenarioName, strategy_type = @strategyType, strategy = @strategy, scenario = @scenario,
         scenario_dir = @scenarioDir, status = @status, created_at = @createdAt, finished_at = @finishedAt, wall_ms = @wallMs,
         task_count = @taskCount, failure_count = @failureCount, record_version = @recordVersion, tags = @tags, notes = @notes,
         error = @error, metrics = @metrics
       WHERE id = @id`,
    );
  }

  /** Stores an already validated export in one transaction and returns the new run's id. */
  importRun(data: RunExport): number {
    const { tasks, samples } = data.run;
    return this.importStreamed((sink) => {
      sink.tasks(tasks);
      sink.samples(samples);
      return { data, taskCount: tasks.length, failures: countFailures(tasks) };
    });
  }

  /**
   * Stores a run whose records `read` writes to the sink as it validates them, all in one transaction: when `read`
   * throws (a file bad halfway), nothing of it stays in the history. A run exported while `running` comes in as
   * `interrupted`: no process here is recording it.
   */
  importStreamed(read: (sink: ImportSink) => ImportedRun): number {
    return this.#db.transaction(() => {
      const runId = Number(this.#insertRun.run().lastInsertRowid);
      const { data, taskCount, failures } = read({
        tasks: (batch) => this.#records.insert(runId, batch, []),
        samples: (batch) => this.#records.insert(runId, [], batch),
      });
      const { run } = data;
      this.#describeRun.run({
        id: runId,
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
        taskCount,
        failureCount: failures,
        recordVersion: run.recordVersion,
        tags: JSON.stringify(run.tags),
        notes: run.notes,
        error: run.error,
        metrics: run.metrics === null ? null : JSON.stringify(run.metrics),
      });
      if (data.runtime !== undefined) this.#runtime.insert(runId, slicesFromTrace(data.runtime));
      return runId;
    })();
  }
}
