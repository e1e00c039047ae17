import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';
import { prepareGuarded } from './sqlite-guard';

/**
 * The query a `sqlite` task runs when the scenario gives none: a realistic report over the seeded table
 * `orders(id, customer, category, amount, created_at)`.
 */
export const DEFAULT_SQLITE_QUERY = `SELECT category, COUNT(*) AS orders, ROUND(AVG(amount), 2) AS average, SUM(amount) AS revenue
FROM orders WHERE amount > 20 GROUP BY category ORDER BY revenue DESC`;

/** A query a `sqlite` task runs, and the scratch database it runs on. */
export interface ScratchQuery {
  path: string;
  sql: string;
  /** The user's own database, opened read-only (a `sqlite` task's `database`). */
  readonly?: boolean;
}

const open = new Map<string, Database.Database>();
const statements = new Map<string, Database.Statement>();

/**
 * better-sqlite3, loaded by the first connection a thread opens (while the run is prepared, before its clock):
 * most runs have no `sqlite` task, and loading the driver with the engine was a good part of its start.
 */
let driver: typeof Database | null = null;

function connect(path: string, readonly: boolean): Database.Database {
  const key = `${readonly ? 'ro' : 'rw'}:${path}`;
  let db = open.get(key);
  if (db === undefined) {
    const nativeBinding = process.env.CONCURRENCY_EXPLORER_SQLITE_BINDING;
    driver ??= createRequire(import.meta.url)('better-sqlite3') as typeof Database;
    db = new driver(path, { readonly, fileMustExist: readonly, ...(nativeBinding ? { nativeBinding } : {}) });
    db.pragma('busy_timeout = 5000');
    open.set(key, db);
  }
  return db;
}

/**
 * The connection to a scratch database, one per file per thread (better-sqlite3 is synchronous: a query
 * blocks the thread that runs it). Uses the Electron-ABI build named by
 * `CONCURRENCY_EXPLORER_SQLITE_BINDING` when the desktop app sets it.
 */
export function scratchDatabase(path: string): Database.Database {
  return connect(path, false);
}

/**
 * The user's own database file, opened read-only (SQLITE_OPEN_READONLY: SQLite itself refuses every write),
 * one connection per file per thread; throws when it is missing or not a database.
 */
export function openUserDatabase(path: string): Database.Database {
  const db = connect(path, true);
  // Opening is lazy: reading the schema now makes a file that is not a database fail here, before the clock.
  db.prepare('SELECT count(*) FROM sqlite_master').get();
  return db;
}

/**
 * The prepared statement for `sql` on the database at `path` (the user's, read-only, when `readonly`), prepared
 * once per thread through the guard.
 */
export function scratchStatement(path: string, sql: string, readonly = false): Database.Statement {
  const key = `${readonly ? 'ro' : 'rw'}:${path}\n${sql}`;
  let statement = statements.get(key);
  if (statement === undefined) {
    statement = prepareGuarded(connect(path, readonly), sql, readonly ? path : null);
    statements.set(key, statement);
  }
  return statement;
}

/** Closes every scratch database this thread opened. */
export function closeScratchDatabases(): void {
  statements.clear();
  for (const db of open.values()) db.close();
  open.clear();
}
