import type { Database, Statement } from 'better-sqlite3';
import type { RunSummary } from '../../../shared/run/run-schema';
import { HistoryError } from './history-error';
import { IdsSchema, parseInput, RunPatchSchema } from './inputs';
import type { RunReader } from './run-reader';

/**
 * The user's changes to recorded runs. Deleting moves runs to the trash (`deleted_at` is set, every
 * row stays) so that Undo can put them back; `purgeDeleted` removes them for good.
 */
export class RunEditor {
  readonly #trash: Statement;
  readonly #untrash: Statement;
  readonly #purge: Statement;
  readonly #db: Database;
  readonly #reader: RunReader;

  constructor(db: Database, reader: RunReader) {
    this.#db = db;
    this.#reader = reader;
    this.#trash = db.prepare('UPDATE runs SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL');
    this.#untrash = db.prepare('UPDATE runs SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL');
    this.#purge = db.prepare('DELETE FROM runs WHERE deleted_at IS NOT NULL');
  }

  updateRun(id: number, patch: { name?: string; notes?: string; tags?: string[] }): RunSummary {
    const checked = parseInput(RunPatchSchema, patch, 'run change');
    const changes: [column: string, value: unknown][] = [];
    if (checked.name !== undefined) changes.push(['name', checked.name]);
    if (checked.notes !== undefined) changes.push(['notes', checked.notes]);
    if (checked.tags !== undefined) changes.push(['tags', JSON.stringify(checked.tags)]);
    if (changes.length > 0) {
      const sets = changes.map(([column]) => `${column} = ?`).join(', ');
      this.#db.prepare(`UPDATE runs SET ${sets} WHERE id = ? AND deleted_at IS NULL`).run(...changes.map(([, value]) => value), id);
    }
    const summary = this.#reader.getRunSummary(id);
    if (summary === null) throw HistoryError.notFound('run', id);
    return summary;
  }

  /** Moves runs to the trash; returns how many were there to move. */
  deleteRuns(ids: readonly number[]): number {
    const checked = parseInput(IdsSchema, ids, 'run ids');
    const deletedAt = new Date().toISOString();
    return this.#db.transaction(() => checked.reduce((n, id) => n + this.#trash.run(deletedAt, id).changes, 0))();
  }

  /** Puts trashed runs back; returns how many came back. */
  restoreRuns(ids: readonly number[]): number {
    const checked = parseInput(IdsSchema, ids, 'run ids');
    return this.#db.transaction(() => checked.reduce((n, id) => n + this.#untrash.run(id).changes, 0))();
  }

  /** Removes trashed runs with their tasks and samples for good. */
  purgeDeleted(): void {
    this.#purge.run();
  }
}
