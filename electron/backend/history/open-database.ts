import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { HistoryError } from './history-error';
import { migrate, schemaVersion, SCHEMA_VERSION } from './migrations';
import { errorMessage } from '../../../shared/errors/error-message';

/** How to open the history database. */
export interface OpenOptions {
  /** Path of the better-sqlite3 addon to load (the Electron build differs from the Node one). */
  nativeBinding?: string;
  /** Open an existing, up-to-date database for reading only; nothing is created or migrated. */
  readonly?: boolean;
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
 * Opens the history database at `path` (creating its folder and file unless read-only), refuses one
 * written by a newer version before changing anything, then switches to WAL and migrates.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Database.Database {
  const readonly = options.readonly ?? false;
  if (readonly && !existsSync(path)) throw cannotOpen(path, 'there is no such file');
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
