import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { HistoryError } from './history-error';
import { historyFileState, historyWritable, notOurHistory } from './history-ownership';
import { migrate, schemaVersion, SCHEMA_VERSION } from './migrations';
import { errorMessage } from '../../../shared/errors/error-message';

/** How to open the history database. */
export interface OpenOptions {
  /** Path of the better-sqlite3 addon to load (the Electron build differs from the Node one). */
  nativeBinding?: string;
  /** Open an existing, up-to-date database for reading only; nothing is created or migrated. */
  readonly?: boolean;
  /**
   * When the file or its folder cannot be written, open it read-only instead of failing (the CLI and the hosts
   * then say so at start, and refuse runs, imports and deletes before starting them).
   */
  readonlyWhenNotWritable?: boolean;
}

/** How long a write waits for another process (the app and the CLI share one file) before it fails. */
const BUSY_TIMEOUT_MS = 10_000;

function reason(error: unknown): string {
  if (error instanceof Error && 'code' in error && error.code === 'SQLITE_NOTADB') return 'the file is not a SQLite database';
  return errorMessage(error);
}

function cannotOpen(path: string, why: string): HistoryError {
  return new HistoryError('cannot-open', `Cannot open the history database ${path}: ${why}.`);
}

/** A history in WAL mode needs its folder writable even to be read (SQLite keeps a shared-memory file beside it). */
function unreadableInReadOnlyFolder(path: string): HistoryError {
  return new HistoryError(
    'read-only',
    `The history database ${path} is read-only, and its folder too, where SQLite cannot even read it: nothing was changed or started. Make the folder writable, or choose another database with --db.`,
  );
}

function checkVersion(db: Database.Database, path: string, readonly: boolean): void {
  const version = schemaVersion(db);
  if (version > SCHEMA_VERSION) {
    throw new HistoryError(
      'newer-version',
      `The history database ${path} has schema version ${version}, but this version of Concurrency Explorer ` +
        `only knows versions up to ${SCHEMA_VERSION}. It was left untouched: update Concurrency Explorer, ` +
        `or choose another database with --db or CONCURRENCY_EXPLORER_DB.`,
    );
  }
  if (readonly && version < SCHEMA_VERSION) {
    throw cannotOpen(path, `it has schema version ${version} and must be upgraded to ${SCHEMA_VERSION}, which read-only mode cannot do`);
  }
}

/**
 * Opens the history database at `path` (creating its folder and file unless read-only). An existing file is
 * first looked at read-only: one of another application is refused without changing a byte, and one written by
 * a newer version too. Then it switches to WAL, migrates and marks the file as ours (`application_id`).
 */
export function openDatabase(path: string, options: OpenOptions = {}): Database.Database {
  let state;
  try {
    state = historyFileState(path, { nativeBinding: options.nativeBinding });
  } catch (error) {
    if (!historyWritable(path)) throw unreadableInReadOnlyFolder(path);
    throw cannotOpen(path, reason(error));
  }
  if (state === 'foreign') throw notOurHistory(path);
  const readonly = (options.readonly ?? false) || (options.readonlyWhenNotWritable === true && state !== 'missing' && !historyWritable(path));
  if (readonly && state === 'missing') throw cannotOpen(path, 'there is no such file');
  let db: Database.Database;
  try {
    if (!readonly) mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, { readonly, fileMustExist: readonly, timeout: BUSY_TIMEOUT_MS, nativeBinding: options.nativeBinding });
  } catch (error) {
    throw cannotOpen(path, reason(error));
  }
  try {
    checkVersion(db, path, readonly);
    if (!readonly) {
      db.pragma('journal_mode = WAL');
      // In WAL mode NORMAL keeps every committed batch when the process dies; only a power cut can lose the last ones.
      db.pragma('synchronous = NORMAL');
      migrate(db);
    }
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    db.close();
    if (error instanceof HistoryError) throw error;
    throw cannotOpen(path, reason(error));
  }
}
