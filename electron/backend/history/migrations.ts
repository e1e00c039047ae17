import type { Database } from 'better-sqlite3';
import { HISTORY_APPLICATION_ID } from './history-ownership';
import { upgradeLegacyRuns } from './legacy-runs';

/**
 * One step of the schema; `version` is the `PRAGMA user_version` the database has after it. `sql` runs
 * first, then `upgrade` for what SQL alone cannot do (recomputing stored metrics).
 */
interface Migration {
  version: number;
  sql: string;
  upgrade?(db: Database): void;
}

/**
 * Every schema change, oldest first. Never edit a released step: add a new one. Times are ms from
 * run start (REAL); kind and status are short text so that the file stays readable with any SQLite tool.
 */
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE experiments (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN ('repeat', 'matrix', 'sweep')),
        name TEXT NOT NULL,
        params TEXT NOT NULL,
        created_at TEXT NOT NULL
      );

      -- AUTOINCREMENT: a run id is never handed out again, so Undo can put a deleted run back.
      CREATE TABLE runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL,
        scenario_name TEXT NOT NULL,
        strategy_type TEXT NOT NULL,
        strategy TEXT NOT NULL,
        scenario TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'cancelled', 'failed', 'interrupted')),
        created_at TEXT NOT NULL,
        finished_at TEXT,
        started_at_epoch_ms REAL,
        planned_tasks INTEGER,
        lanes INTEGER,
        wall_ms REAL,
        task_count INTEGER NOT NULL DEFAULT 0,
        failure_count INTEGER NOT NULL DEFAULT 0,
        tags TEXT NOT NULL DEFAULT '[]',
        notes TEXT NOT NULL DEFAULT '',
        experiment_id INTEGER REFERENCES experiments (id) ON DELETE SET NULL,
        error TEXT,
        metrics TEXT,
        owner_pid INTEGER,
        deleted_at TEXT
      );
      CREATE INDEX runs_created ON runs (created_at);
      CREATE INDEX runs_experiment ON runs (experiment_id);
      CREATE INDEX runs_running ON runs (status) WHERE status = 'running';

      CREATE TABLE tasks (
        run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        grp INTEGER NOT NULL,
        kind TEXT NOT NULL,
        lane INTEGER NOT NULL,
        queued_ms REAL NOT NULL,
        start_ms REAL NOT NULL,
        end_ms REAL NOT NULL,
        status TEXT NOT NULL,
        error TEXT,
        attempts INTEGER NOT NULL,
        PRIMARY KEY (run_id, idx)
      ) WITHOUT ROWID;

      CREATE TABLE samples (
        run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        t_ms REAL NOT NULL,
        in_flight INTEGER NOT NULL,
        loop_delay_ms REAL NOT NULL,
        elu REAL NOT NULL,
        cpu_percent REAL NOT NULL,
        rss_bytes REAL NOT NULL,
        heap_used_bytes REAL NOT NULL
      );
      CREATE INDEX samples_run ON samples (run_id, t_ms);

      CREATE TABLE scenarios (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL,
        scenario TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
  },
  {
    // A task's own outcome and `orphaned` as a flag, `observedMs`, `skipped`; runs recorded so far are marked as
    // recorded by the older engine (record version 1), whose ends were stamped when the strategy heard of them.
    version: 2,
    sql: `
      ALTER TABLE tasks ADD COLUMN observed_ms REAL NOT NULL DEFAULT 0;
      ALTER TABLE tasks ADD COLUMN orphaned INTEGER NOT NULL DEFAULT 0;
      UPDATE tasks SET observed_ms = end_ms;
      ALTER TABLE runs ADD COLUMN record_version INTEGER NOT NULL DEFAULT 1;
    `,
    upgrade: upgradeLegacyRuns,
  },
  {
    version: 3,
    sql: `
      -- Scenarios from outside the app that execute code, which the user chose to run: by a hash of their content.
      CREATE TABLE exec_consents (
        content_hash TEXT PRIMARY KEY,
        granted_at TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    // Runtime traces (`trace: "runtime"`): each batch's slices as one chunk of packed columns, with the type
    // names of the run so far; a chunk per batch keeps a run of millions of slices to thousands of rows.
    version: 4,
    sql: `
      CREATE TABLE runtime_chunks (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        slice_count INTEGER NOT NULL,
        merged INTEGER NOT NULL,
        types TEXT NOT NULL,
        data BLOB NOT NULL
      );
      CREATE INDEX runtime_chunks_run ON runtime_chunks (run_id, id);
    `,
  },
  {
    // Tasks also as packed columns, a chunk per batch, beside their rows: what opening a large run reads.
    version: 5,
    sql: `
      CREATE TABLE task_chunks (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        task_count INTEGER NOT NULL,
        tables TEXT NOT NULL,
        data BLOB NOT NULL
      );
      CREATE INDEX task_chunks_run ON task_chunks (run_id, id);
    `,
  },
  {
    // The folder of the run's scenario file, where its relative `module` and `database` paths start: what Run again
    // starts it from. Null for runs without a file and for every run recorded before.
    version: 6,
    sql: `ALTER TABLE runs ADD COLUMN scenario_dir TEXT;`,
  },
];

/** The schema version this code writes and reads. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

/** The database's schema version (`PRAGMA user_version`); 0 for a fresh file. */
export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the schema up to `SCHEMA_VERSION` (or an older `targetVersion`, to make a database as an older
 * release left it) in one write transaction, and then marks the file as a history (`application_id`, also on
 * files from before the mark). The version is read again inside it because the CLI and the app may open a
 * fresh file at the same moment.
 */
export function migrate(db: Database, targetVersion = SCHEMA_VERSION): void {
  db.transaction(() => {
    const current = schemaVersion(db);
    for (const step of MIGRATIONS) {
      if (step.version <= current || step.version > targetVersion) continue;
      db.exec(step.sql);
      step.upgrade?.(db);
      db.pragma(`user_version = ${step.version}`);
    }
    if (targetVersion === SCHEMA_VERSION && db.pragma('application_id', { simple: true }) !== HISTORY_APPLICATION_ID) {
      db.pragma(`application_id = ${HISTORY_APPLICATION_ID}`);
    }
  }).immediate();
}
