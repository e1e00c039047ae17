import type { Database, Statement } from 'better-sqlite3';
import { findFindings, type Finding } from '../../../shared/findings';
import type { RunMetrics } from '../../../shared/metrics/metrics-schema';
import type { Sample } from '../../../shared/protocol/task-record';
import { RunQuerySchema, type RunQuery } from '../../../shared/run/run-query';
import type { ExportableRun, RunDetail, RunSummary } from '../../../shared/run/run-schema';
import type { StreamedRun } from '../../../shared/run/streamed-run';
import type { ColumnarRun, TaskArrays } from '../../../shared/run/task-columns';
import type { Scenario } from '../../../shared/scenario';
import type { PackedRuntime } from '../../../shared/runtime/runtime-packing';
import type { RuntimeTrace } from '../../../shared/runtime/runtime-slices';
import { parseInput } from './inputs';
import { RuntimeRows } from './runtime-rows';
import { SAMPLE_COLUMNS, TASK_ROW_COLUMNS, taskFromRow, type TaskRow } from './record-rows';
import { TaskChunks } from './task-chunks';
import { narrowTaskArrays, TaskColumnsBuilder } from './task-columns-builder';
import { runOrder, runWhere } from './run-query-sql';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './run-rows';

/** Records from rows read only once the first is asked for: the connection is busy while a statement iterates. */
function* recordsOf(rows: () => IterableIterator<TaskRow>): Generator<ReturnType<typeof taskFromRow>> {
  for (const row of rows()) yield taskFromRow(row);
}

/** Reads runs of the history; trashed runs are invisible here. */
export class RunReader {
  readonly #summary: Statement;
  readonly #detailColumns: Statement;
  readonly #tasks: Statement;
  readonly #samples: Statement;
  readonly #runtime: RuntimeRows;
  readonly #chunks: TaskChunks;
  readonly #lanes: Statement;
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
    this.#summary = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM runs r WHERE r.id = ? AND r.deleted_at IS NULL`);
    this.#detailColumns = db.prepare('SELECT scenario, metrics FROM runs WHERE id = ?');
    this.#tasks = db.prepare(`SELECT ${TASK_ROW_COLUMNS} FROM tasks WHERE run_id = ? ORDER BY idx`).raw();
    this.#samples = db.prepare(`SELECT ${SAMPLE_COLUMNS} FROM samples WHERE run_id = ? ORDER BY t_ms`);
    this.#lanes = db.prepare('SELECT DISTINCT lane FROM tasks WHERE run_id = ? ORDER BY lane').pluck();
    this.#runtime = new RuntimeRows(db);
    this.#chunks = new TaskChunks(db);
  }

  /** `getRun` with its runtime tracks, for an export. */
  getExportableRun(id: number): ExportableRun | null {
    return this.#db.transaction(() => {
      const run = this.getRun(id);
      return run === null ? null : { ...run, runtime: this.#runtime.readTrace(id) };
    })();
  }

  /** The run's runtime tracks (empty in `tasks` mode); null for an unknown or trashed run. */
  getRuntimeTrace(id: number): RuntimeTrace | null {
    return this.#db.transaction(() => (this.getRunSummary(id) === null ? null : this.#runtime.readTrace(id)))();
  }

  /** The run's runtime slices packed for drawing; null in `tasks` mode or for an unknown or trashed run. */
  getPackedRuntime(id: number): PackedRuntime | null {
    return this.#db.transaction(() => (this.getRunSummary(id) === null ? null : this.#runtime.readPacked(id)))();
  }

  /**
   * What the run shows (`shared/findings`), worst first: computed where the records are read, so that only the
   * findings travel. Empty for a run without metrics (failed, interrupted); null for an unknown or trashed run.
   */
  getFindings(id: number): Finding[] | null {
    const run = this.#db.transaction(() => {
      const found = this.#readRun(id, () => this.#taskArrays(id));
      return found === null ? null : { ...found, runtime: this.#runtime.readTrace(id) };
    })();
    if (run === null) return null;
    if (run.metrics === null) return [];
    return findFindings({ scenario: run.scenario, tasks: run.tasks, samples: run.samples, metrics: run.metrics, runtime: run.runtime });
  }

  getRunSummary(id: number): RunSummary | null {
    const row = this.#summary.get(id) as SummaryRow | undefined;
    return row === undefined ? null : toSummary(row);
  }

  /** Summary, scenario, metrics, tasks by index and samples by time, read in one snapshot. */
  getRun(id: number): RunDetail | null {
    return this.#readRun(id, () => (this.#tasks.all(id) as TaskRow[]).map(taskFromRow));
  }

  /** `getRun` with the tasks as columns. */
  getColumnarRun(id: number): ColumnarRun | null {
    return this.#readRun(id, () => {
      const chunked = this.#chunks.read(id);
      return chunked !== null ? narrowTaskArrays(chunked) : this.#columnsFromRows(id).build();
    });
  }

  /** The run's tasks as columns in index order: from their packed chunks, or else straight from the rows without a record per task. */
  #taskArrays(id: number): TaskArrays {
    return this.#chunks.read(id) ?? this.#columnsFromRows(id).arrays();
  }

  #columnsFromRows(id: number): TaskColumnsBuilder {
    const builder = new TaskColumnsBuilder();
    for (const row of this.#tasks.iterate(id) as IterableIterator<TaskRow>) builder.add(row);
    return builder;
  }

  /**
   * Hands `use` the run with its tasks as rows read one at a time (in index order, once), all in one snapshot;
   * null for an unknown or trashed run. For exports of runs too big to hold: memory stays flat at any size.
   */
  streamRun<T>(id: number, use: (run: StreamedRun) => T): T | null {
    return this.#db.transaction(() => {
      const lanes = this.#lanes.all(id) as number[];
      const run = this.#readRun(id, () => recordsOf(() => this.#tasks.iterate(id) as IterableIterator<TaskRow>));
      return run === null ? null : use({ ...run, lanes, runtime: this.#runtime.readTrace(id) });
    })();
  }

  #readRun<Tasks>(id: number, readTasks: () => Tasks): (Omit<RunDetail, 'tasks'> & { tasks: Tasks }) | null {
    return this.#db.transaction(() => {
      const summary = this.getRunSummary(id);
      if (summary === null) return null;
      const { scenario, metrics } = this.#detailColumns.get(id) as { scenario: string; metrics: string | null };
      return {
        ...summary,
        scenario: JSON.parse(scenario) as Scenario,
        metrics: metrics === null ? null : (JSON.parse(metrics) as RunMetrics),
        tasks: readTasks(),
        samples: this.#samples.all(id) as Sample[],
      };
    })();
  }

  listRuns(query: RunQuery = {}): RunSummary[] {
    const checked = parseInput(RunQuerySchema, query, 'run query');
    const where = runWhere(checked);
    const order = runOrder(checked);
    const rows = this.#db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM runs r ${where.sql} ${order.sql}`)
      .all(...where.params, ...order.params) as SummaryRow[];
    return rows.map(toSummary);
  }

  /** How many runs match, ignoring sort, limit and offset (for paging). */
  countRuns(query: RunQuery = {}): number {
    const where = runWhere(parseInput(RunQuerySchema, query, 'run query'));
    return this.#db.prepare(`SELECT count(*) FROM runs r ${where.sql}`).pluck().get(...where.params) as number;
  }
}
