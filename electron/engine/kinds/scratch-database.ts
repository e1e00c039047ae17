import Database from 'better-sqlite3';
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
}

const open = new Map<string, Database.Database>();
const statements = new Map<string, Database.Statement>();

/**
 * The connection to a scratch database, one per file per thread (better-sqlite3 is synchronous: a query
 * blocks the thread that runs it). Uses the Electron-ABI build named by
 * `CONCURRENCY_EXPLORER_SQLITE_BINDING` when the desktop app sets it.
 */
export function scratchDatabase(path: string): Database.Database {
  let db = open.get(path);
  if (db === undefined) {
    const nativeBinding = process.env.CONCURRENCY_EXPLORER_SQLITE_BINDING;
    db = new Database(path, nativeBinding ? { nativeBinding } : {});
    db.pragma('busy_timeout = 5000');
    open.set(path, db);
  }
  return db;
}

/** The prepared statement for `sql` on the database at `path`, prepared once per thread through the guard. */
export function scratchStatement(path: string, sql: string): Database.Statement {
  const key = `${path}\n${sql}`;
  let statement = statements.get(key);
  if (statement === undefined) {
    statement = prepareGuarded(scratchDatabase(path), sql);
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
