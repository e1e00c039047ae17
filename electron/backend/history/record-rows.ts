import type { Database, Statement } from 'better-sqlite3';
import type { Sample, TaskRecord } from '../../../shared/protocol/task-record';
import { TaskChunks } from './task-chunks';

/** `tasks` columns in `TaskRecord` field order, for a `.raw()` statement whose rows `taskFromRow` reads. */
export const TASK_ROW_COLUMNS = 'idx, grp, kind, lane, queued_ms, start_ms, end_ms, observed_ms, status, orphaned, error, attempts';

/** A row selected with `TASK_ROW_COLUMNS` as an array, as the store wrote it (`orphaned` as 0 or 1). */
export type TaskRow = [number, number, TaskRecord['kind'], number, number, number, number, number, TaskRecord['status'], number, string | null, number];

/**
 * A task record from its raw row. Array rows read about twice as fast as named ones (better-sqlite3 skips
 * keying each column), which is most of what opening a run of 100,000 tasks costs.
 */
export function taskFromRow(row: TaskRow): TaskRecord {
  return {
    index: row[0],
    group: row[1],
    kind: row[2],
    lane: row[3],
    queuedMs: row[4],
    startMs: row[5],
    endMs: row[6],
    observedMs: row[7],
    status: row[8],
    orphaned: row[9] === 1,
    error: row[10],
    attempts: row[11],
  };
}

/** A task record's values in `INSERT_TASK_SQL` order after the run id: its `TaskRow`, the inverse of `taskFromRow`. */
export function taskRowValues(t: TaskRecord): TaskRow {
  return [t.index, t.group, t.kind, t.lane, t.queuedMs, t.startMs, t.endMs, t.observedMs, t.status, t.orphaned ? 1 : 0, t.error, t.attempts];
}

/** `samples` columns named as `Sample` fields. */
export const SAMPLE_COLUMNS = `t_ms AS tMs, in_flight AS inFlight, loop_delay_ms AS loopDelayMs, elu,
  cpu_percent AS cpuPercent, rss_bytes AS rssBytes, heap_used_bytes AS heapUsedBytes`;

/** The one `INSERT INTO tasks` of the store, shared by live recording, import and the benchmark's baseline. */
export const INSERT_TASK_SQL = `INSERT INTO tasks (run_id, ${TASK_ROW_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** Writes task records (as rows and as packed chunks) and samples of a run; the caller holds the transaction. */
export class RecordRows {
  readonly #insertTask: Statement;
  readonly #insertSample: Statement;
  readonly #chunks: TaskChunks;

  constructor(db: Database) {
    this.#chunks = new TaskChunks(db);
    this.#insertTask = db.prepare(INSERT_TASK_SQL);
    this.#insertSample = db.prepare(
      `INSERT INTO samples (run_id, t_ms, in_flight, loop_delay_ms, elu, cpu_percent, rss_bytes, heap_used_bytes)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  insert(runId: number, tasks: readonly TaskRecord[], samples: readonly Sample[]): void {
    for (const t of tasks) this.#insertTask.run(runId, ...taskRowValues(t));
    if (tasks.length > 0) this.#chunks.insert(runId, tasks);
    for (const s of samples) {
      this.#insertSample.run(runId, s.tMs, s.inFlight, s.loopDelayMs, s.elu, s.cpuPercent, s.rssBytes, s.heapUsedBytes);
    }
  }
}
