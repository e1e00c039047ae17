import type { RunDetail, RunSummary } from '../../../shared/run/run-schema';
import { errorMessage, type ExplorerApi } from '../explorer-api';

/** How many of the latest runs the History and Compare views list. */
export const LATEST_RUNS = 50;

/** The latest recorded runs, and the one opened in full. */
export class RunHistory {
  #runs = $state.raw<RunSummary[]>([]);
  #total = $state(0);
  #opened = $state.raw<RunDetail | null>(null);
  #error = $state<string | null>(null);
  #loading = $state(false);
  readonly #api: ExplorerApi;

  constructor(api: ExplorerApi) {
    this.#api = api;
  }

  get runs(): readonly RunSummary[] { return this.#runs; }
  get total(): number { return this.#total; }
  get opened(): RunDetail | null { return this.#opened; }
  get error(): string | null { return this.#error; }
  get loading(): boolean { return this.#loading; }

  async refresh(): Promise<void> {
    this.#loading = true;
    try {
      const page = await this.#api.history.list({ limit: LATEST_RUNS });
      this.#runs = page.runs;
      this.#total = page.total;
      this.#error = null;
    } catch (error) {
      this.#error = `The history could not be loaded: ${errorMessage(error)}`;
    } finally {
      this.#loading = false;
    }
  }

  /** Loads one run with every task and sample. */
  async open(id: number): Promise<RunDetail | null> {
    try {
      this.#opened = await this.#api.history.get({ id });
      this.#error = null;
      return this.#opened;
    } catch (error) {
      this.#error = `Run ${id} could not be opened: ${errorMessage(error)}`;
      return null;
    }
  }

  /** Loads several runs, for comparing them; runs that fail to load are left out (with `error` set). */
  async load(ids: readonly number[]): Promise<RunDetail[]> {
    const details = await Promise.all(ids.map((id) => this.#api.history.get({ id }).catch((error: unknown) => {
      this.#error = `Run ${id} could not be opened: ${errorMessage(error)}`;
      return null;
    })));
    return details.filter((d): d is RunDetail => d !== null);
  }

  close(): void {
    this.#opened = null;
  }
}
