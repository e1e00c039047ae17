import type { RunQuery } from '../../../shared/run/run-query';
import type { RunSummary } from '../../../shared/run/run-schema';

/** Rows fetched per `history.list` call. */
export const PAGE_ROWS = 100;

/** One page of the history as `history.list` answers it. */
export interface RunPage {
  runs: RunSummary[];
  total: number;
}

export type LoadPage = (query: RunQuery) => Promise<RunPage>;

/**
 * The rows of a long history, fetched a page at a time as they scroll into view (never the whole list), so
 * 10,000 runs cost what a screenful does. A new query starts over; answers to an older query are dropped.
 */
export class RunPages {
  #total = $state(0);
  #pages = $state.raw<ReadonlyMap<number, readonly RunSummary[]>>(new Map());
  #loaded = $state(false);
  #busy = $state(false);
  #query: RunQuery = {};
  #generation = 0;
  #inFlight = new Set<number>();
  #shownPages: number[] = [0];
  readonly #load: LoadPage;
  readonly #onError: (error: unknown) => void;

  constructor(load: LoadPage, onError: (error: unknown) => void) {
    this.#load = load;
    this.#onError = onError;
  }

  /** How many runs match the query. */
  get total(): number { return this.#total; }
  /** False until the first answer to the current query. */
  get loaded(): boolean { return this.#loaded; }
  /** True while the rows shown answer an older query than the one asked (a new sort or filter on its way). */
  get busy(): boolean { return this.#busy; }

  /** The run at a position of the list, or undefined while its page is on its way. */
  row(position: number): RunSummary | undefined {
    return this.#pages.get(Math.floor(position / PAGE_ROWS))?.[position % PAGE_ROWS];
  }

  /**
   * Lists `query` afresh. The pages last shown are fetched again and swapped in together, so a refresh after
   * an edit neither empties the screen nor jumps.
   */
  async show(query: RunQuery, keepPosition = false): Promise<void> {
    const generation = ++this.#generation;
    this.#query = query;
    this.#inFlight = new Set();
    const wanted = keepPosition ? this.#shownPages : [0];
    this.#busy = true;
    try {
      const answers = await Promise.all(wanted.map((page) => this.#fetch(page)));
      if (generation !== this.#generation) return;
      this.#pages = new Map(answers.map((answer, i) => [wanted[i]!, answer.runs]));
      this.#total = answers[0]?.total ?? 0;
      this.#loaded = true;
    } catch (error) {
      if (generation === this.#generation) this.#onError(error);
    } finally {
      if (generation === this.#generation) this.#busy = false;
    }
  }

  /** Makes sure the rows `[first, end)` are fetched; call it whenever the visible window moves. */
  ensure(first: number, end: number): void {
    if (end <= first) return;
    const pages: number[] = [];
    for (let page = Math.floor(first / PAGE_ROWS); page <= Math.floor((end - 1) / PAGE_ROWS); page++) pages.push(page);
    this.#shownPages = pages;
    for (const page of pages) {
      if (this.#pages.has(page) || this.#inFlight.has(page)) continue;
      void this.#fetchInto(page, this.#generation);
    }
  }

  async #fetchInto(page: number, generation: number): Promise<void> {
    const inFlight = this.#inFlight;
    inFlight.add(page);
    try {
      const answer = await this.#fetch(page);
      if (generation !== this.#generation) return;
      this.#pages = new Map(this.#pages).set(page, answer.runs);
      this.#total = answer.total;
    } catch (error) {
      if (generation === this.#generation) this.#onError(error);
    } finally {
      inFlight.delete(page);
    }
  }

  #fetch(page: number): Promise<RunPage> {
    return this.#load({ ...this.#query, limit: PAGE_ROWS, offset: page * PAGE_ROWS });
  }
}
