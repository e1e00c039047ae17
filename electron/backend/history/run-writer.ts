import type { Database, Statement } from 'better-sqlite3';
import type { RunMetrics } from '../../../shared/metrics/metrics-schema';
import type { Sample, TaskRecord } from '../../../shared/protocol/task-record';
import { HistoryError } from './history-error';
import { NewRunSchema, parseInput, RunEndSchema, type NewRun } from './inputs';
import { isProcessAlive } from './process-alive';
import type { RuntimeSlices } from '../../../shared/runtime/runtime-slices';
import { RecordRows } from './record-rows';
import { RuntimeRows } from './runtime-rows';
import { RECORD_VERSION } from '../../../shared/run/record-version';
import { countFailures } from './run-rows';

/** What one batch adds to a run: finished tasks, samples, and in a runtime trace its slices. */
export interface RunBatch {
  finished: readonly TaskRecord[];
  samples: readonly Sample[];
  runtime?: RuntimeSlices;
}

/** Records runs while they run: one row per run, its tasks and samples appended batch by batch. */
export class RunWriter {
  readonly #records: RecordRows;
  readonly #runtime: RuntimeRows;
  readonly #insertRun: Statement;
  readonly #experimentExists: Statement;
  readonly #setStarted: Statement;
  readonly #addCounts: Statement;
  readonly #setFinished: Statement;
  readonly #runningRuns: Statement;
  readonly #setInterrupted: Statement;
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
    this.#records = new RecordRows(db);
    this.#runtime = new RuntimeRows(db);
    this.#insertRun = db.prepare(
      `INSERT INTO runs (name, scenario_name, strategy_type, strategy, scenario, scenario_dir, status, created_at, tags, experiment_id, owner_pid, record_version)
       VALUES (@name, @scenarioName, @strategyType, @strategy, @scenario, @scenarioDir, 'running', @createdAt, @tags, @experimentId, @ownerPid, ${RECORD_VERSION})`,
    );
    this.#experimentExists = db.prepare('SELECT 1 FROM experiments WHERE id = ?').pluck();
    this.#setStarted = db.prepare('UPDATE runs SET started_at_epoch_ms = ?, planned_tasks = ?, lanes = ? WHERE id = ?');
    this.#addCounts = db.prepare('UPDATE runs SET task_count = task_count + ?, failure_count = failure_count + ? WHERE id = ?');
    this.#setFinished = db.prepare(
      'UPDATE runs SET status = ?, metrics = ?, wall_ms = ?, error = ?, finished_at = ?, owner_pid = NULL WHERE id = ?',
    );
    this.#runningRuns = db.prepare("SELECT id, owner_pid AS ownerPid FROM runs WHERE status = 'running'");
    this.#setInterrupted = db.prepare("UPDATE runs SET status = 'interrupted', owner_pid = NULL WHERE id = ? AND status = 'running'");
  }

  createRun(input: NewRun): number {
    const run = parseInput(NewRunSchema, input, 'run');
    const experimentId = run.experimentId ?? null;
    if (experimentId !== null && this.#experimentExists.get(experimentId) === undefined) {
      throw HistoryError.notFound('experiment', experimentId);
    }
    const result = this.#insertRun.run({
      name: run.name ?? run.scenario.name,
      scenarioName: run.scenario.name,
      strategyType: run.scenario.strategy.type,
      strategy: JSON.stringify(run.scenario.strategy),
      scenario: JSON.stringify(run.scenario),
      scenarioDir: run.scenarioDir ?? null,
      createdAt: new Date().toISOString(),
      tags: JSON.stringify(run.tags ?? []),
      experimentId,
      ownerPid: process.pid,
    });
    return Number(result.lastInsertRowid);
  }

  recordStarted(runId: number, info: { startedAtEpochMs: number; totalTasks: number; lanes: number }): void {
    const result = this.#setStarted.run(info.startedAtEpochMs, info.totalTasks, info.lanes, runId);
    if (result.changes === 0) throw HistoryError.notFound('run', runId);
  }

  /** One transaction: either the whole batch is stored or none of it. */
  appendBatch(runId: number, batch: RunBatch): void {
    this.#db.transaction(() => {
      const result = this.#addCounts.run(batch.finished.length, countFailures(batch.finished), runId);
      if (result.changes === 0) throw HistoryError.notFound('run', runId);
      this.#records.insert(runId, batch.finished, batch.samples);
      if (batch.runtime !== undefined) this.#runtime.insert(runId, batch.runtime);
    })();
  }

  finishRun(runId: number, result: { status: 'completed' | 'cancelled' | 'failed'; metrics: RunMetrics | null; error?: string | null }): void {
    const status = parseInput(RunEndSchema, result.status, 'run status');
    const metrics = result.metrics === null ? null : JSON.stringify(result.metrics);
    const changed = this.#setFinished.run(status, metrics, result.metrics?.wallMs ?? null, result.error ?? null, new Date().toISOString(), runId);
    if (changed.changes === 0) throw HistoryError.notFound('run', runId);
  }

  /** Runs whose recording process is gone become `interrupted`; the tasks of their committed batches stay. */
  markInterruptedRuns(): number {
    const running = this.#runningRuns.all() as { id: number; ownerPid: number | null }[];
    const orphaned = running.filter((run) => run.ownerPid === null || !isProcessAlive(run.ownerPid));
    let marked = 0;
    this.#db.transaction(() => {
      for (const run of orphaned) marked += this.#setInterrupted.run(run.id).changes;
    })();
    return marked;
  }
}
