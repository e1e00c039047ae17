import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { HistoryError } from './history-error';

/** `PRAGMA application_id` of a Concurrency Explorer history: "CExp" in ASCII. */
export const HISTORY_APPLICATION_ID = 0x43457870;

/** Tables every history has had since the first schema: how a history from before `application_id` is known. */
const HISTORY_TABLES = ['runs', 'tasks', 'samples', 'experiments', 'scenarios'];

/** What the history file at a path is, found without changing a byte of it. */
export type HistoryFileState = 'missing' | 'empty' | 'ours' | 'foreign';

/** The one-line refusal of a file that is another application's database. */
export function notOurHistory(path: string): HistoryError {
  return new HistoryError(
    'not-ours',
    `${path} is a SQLite database of another application, not a Concurrency Explorer history; it was left untouched. Choose another file with --db or CONCURRENCY_EXPLORER_DB.`,
  );
}

/**
 * Looks at an existing file through a read-only connection (which writes nothing to a database that is not in
 * WAL mode, as another application's usually is not): ours when it carries our `application_id`, or has no id
 * and our tables (a history from before the id); empty when it has no tables at all; foreign otherwise.
 * `nativeBinding`: the better-sqlite3 addon of the Electron build.
 */
export function historyFileState(path: string, options: { nativeBinding?: string } = {}): HistoryFileState {
  if (!existsSync(path) || statSync(path).size === 0) return existsSync(path) ? 'empty' : 'missing';
  const db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
  try {
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    if (applicationId === HISTORY_APPLICATION_ID) return 'ours';
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    if (applicationId !== 0) return 'foreign';
    if (tables.length === 0) return 'empty';
    return HISTORY_TABLES.every((t) => tables.includes(t)) ? 'ours' : 'foreign';
  } finally {
    db.close();
  }
}

/**
 * Whether this process can write the history at `path`: the file (when it exists) and its folder, where SQLite
 * keeps the WAL and shared-memory files beside it. A missing folder counts as writable (it will be created).
 */
export function historyWritable(path: string): boolean {
  const canWrite = (p: string) => {
    try {
      accessSync(p, constants.W_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (existsSync(path) && !canWrite(path)) return false;
  const folder = dirname(path);
  return !existsSync(folder) || canWrite(folder);
}
