import { describeError } from '../explorer-api';
import type { HistoryApi } from './history-api';

/** The last delete, which Undo can take back. */
export interface DeletedRuns {
  ids: readonly number[];
  count: number;
}

/**
 * Deleting runs and taking a delete back: `history.delete` moves runs to the trash, Undo puts them back with
 * `history.restore`. `changed` is called with the ids after either, so the list and selection follow.
 */
export class RunTrash {
  #lastDeleted = $state.raw<DeletedRuns | null>(null);
  #error = $state<string | null>(null);
  readonly #api: HistoryApi;
  readonly #changed: (ids: readonly number[], deleted: boolean) => void | Promise<void>;

  constructor(api: HistoryApi, changed: (ids: readonly number[], deleted: boolean) => void | Promise<void>) {
    this.#api = api;
    this.#changed = changed;
  }

  /** The delete Undo would take back, until it is undone or dismissed. */
  get lastDeleted(): DeletedRuns | null { return this.#lastDeleted; }
  get error(): string | null { return this.#error; }

  async remove(ids: readonly number[]): Promise<boolean> {
    if (ids.length === 0) return false;
    try {
      const { deleted } = await this.#api.history.delete({ ids: [...ids] });
      this.#lastDeleted = { ids: [...ids], count: deleted };
      this.#error = null;
      await this.#changed(ids, true);
      return true;
    } catch (error) {
      this.#error = `The runs could not be deleted: ${describeError(error)}`;
      return false;
    }
  }

  async undo(): Promise<boolean> {
    const last = this.#lastDeleted;
    if (last === null) return false;
    try {
      await this.#api.history.restore({ ids: [...last.ids] });
      this.#lastDeleted = null;
      this.#error = null;
      await this.#changed(last.ids, false);
      return true;
    } catch (error) {
      this.#error = `The runs could not be put back: ${describeError(error)}`;
      return false;
    }
  }

  /** Forgets the last delete (the runs stay in the trash). */
  dismiss(): void {
    this.#lastDeleted = null;
  }
}
