import { blockingWork } from '../runtime/trace-context';
import type { KindCall, SpecOf } from './kind-call';
import { DEFAULT_SQLITE_QUERY, scratchStatement } from './scratch-database';
import { sqlitePath } from './scratch-paths';

/**
 * One query against the group's scratch database. better-sqlite3 is synchronous, so on the event loop
 * the query blocks it, and only the `workers` strategy runs queries in parallel.
 */
export function runSqlite(spec: SpecOf<'sqlite'>, call: KindCall): void {
  const statement = scratchStatement(sqlitePath(call.env.scratchDir, call.group), spec.sql ?? DEFAULT_SQLITE_QUERY);
  blockingWork(() => (statement.reader ? statement.all() : statement.run()));
}
