import { errorMessage } from '../../../shared/errors/error-message';
import { blockingWork } from '../runtime/trace-context';
import type { KindCall, SpecOf } from './kind-call';
import { DEFAULT_SQLITE_QUERY, scratchStatement } from './scratch-database';
import { sqlitePath } from './scratch-paths';

/** SQLite's refusal of a write on the user's database, opened read-only, told as such. */
function refusedWrite(error: unknown, path: string): unknown {
  if (typeof error === 'object' && error !== null && 'code' in error && String(error.code).startsWith('SQLITE_READONLY')) {
    return new Error(`SQLite refused to write: your database ${path} is opened read-only, and this query would change it (${errorMessage(error)})`);
  }
  return error;
}

/**
 * One query against the group's scratch database, or the user's `database` opened read-only. better-sqlite3
 * is synchronous, so on the event loop the query blocks it, and only the `workers` strategy runs queries in parallel.
 */
export function runSqlite(spec: SpecOf<'sqlite'>, call: KindCall): void {
  const userFile = spec.database === undefined ? undefined : call.env.groupFiles[call.group];
  if (spec.database !== undefined && userFile === undefined) throw new Error(`the database of tasks[${call.group}] was not prepared`);
  const path = userFile ?? sqlitePath(call.env.scratchDir, call.group);
  const statement = scratchStatement(path, spec.sql ?? DEFAULT_SQLITE_QUERY, userFile !== undefined);
  try {
    blockingWork(() => (statement.reader ? statement.all() : statement.run()));
  } catch (error) {
    throw userFile === undefined ? error : refusedWrite(error, path);
  }
}
