import type { Command } from 'commander';
import { resolveDatabasePath } from '../../backend/data-dir';
import { HistoryStore } from '../../backend/history';
import type { CliIo } from '../cli-io';
import { UsageError } from '../cli-error';

/** Adds `--db PATH` to a command that reads or writes the run history. */
export function addDbOption(command: Command): Command {
  return command.option('--db <path>', 'history database file (default: $CONCURRENCY_EXPLORER_DB, else the per-user one)');
}

/**
 * Opens the history the flags and environment point at, hands it to `use`, and always closes it. A history
 * that cannot be written is opened read-only and said so at start; its writes (run, import, delete) are then
 * refused before they start anything. Runs left
 * `running` by a process that has died (a killed CLI or app) are marked `interrupted` first, so that no
 * command shows them as still under way.
 */
export async function withHistory<T>(db: string | undefined, io: CliIo, use: (store: HistoryStore) => T | Promise<T>): Promise<T> {
  let path: string;
  try {
    path = resolveDatabasePath({ flag: db, env: io.env });
  } catch (error) {
    throw UsageError.of((error as Error).message);
  }
  const store = HistoryStore.open(path, { readonlyWhenNotWritable: true });
  if (store.readOnly) io.err(`${store.readOnlyNotice()}\n`);
  try {
    store.markInterruptedRuns();
    return await use(store);
  } finally {
    store.close();
  }
}
