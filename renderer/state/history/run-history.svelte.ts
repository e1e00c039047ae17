import type { Finding } from '../../../shared/findings';
import type { ExperimentSummary } from '../../../shared/api/experiment-methods';
import type { ExportedFile } from '../../../shared/api/history-methods';
import { checkTaskColumns, type TaskArrays } from '../../../shared/run/task-columns';
import { unpackRuntime } from '../../../shared/runtime/runtime-packing';
import type { RunDetail, RunSummary } from '../../../shared/run/run-schema';
import type { ReopenedExperiment } from '../../../shared/experiments/experiment-summary';
import { describeError } from '../explorer-api';
import { RuntimeTrackData } from '../../timeline/runtime/runtime-track-data';
import { downloadFile } from './download-file';
import type { HistoryApi } from './history-api';
import { RunFilters, type RunFilterValues } from './run-filters.svelte';
import { RunPages } from './run-pages.svelte';
import { RunSelection } from './run-selection.svelte';
import { RunTransfer } from './run-transfer.svelte';
import { RunTrash } from './run-trash.svelte';

/** A run opened in full: its tasks as columns (a million tasks are a few typed arrays, not a million objects). */
export type OpenedRunDetail = Omit<RunDetail, 'tasks'> & { tasks: TaskArrays };

/** What a person may change about a recorded run. */
export interface RunPatch {
  name?: string;
  notes?: string;
  tags?: string[];
}

/**
 * The run history as the History view shows it: filtered and sorted by the backend, fetched a page at a
 * time, runs ticked for comparing or deleting, and one run or experiment opened in full.
 */
export class RunHistory {
  readonly filters = new RunFilters();
  readonly selection = new RunSelection();
  readonly pages: RunPages;
  readonly trash: RunTrash;
  readonly transfer: RunTransfer;
  #experiments = $state.raw<readonly ExperimentSummary[]>([]);
  #opened = $state.raw<OpenedRunDetail | null>(null);
  #openedRuntime = $state.raw<RuntimeTrackData | null>(null);
  #openedFindings = $state.raw<Finding[]>([]);
  /** The run whose findings are awaited or shown. */
  #findingsFor = -1;
  #openedExperiment = $state.raw<ReopenedExperiment | null>(null);
  #error = $state<string | null>(null);
  readonly #api: HistoryApi;

  constructor(api: HistoryApi, download: (file: ExportedFile) => void = downloadFile) {
    this.#api = api;
    this.pages = new RunPages(
      (query) => api.history.list(query),
      (error) => (this.#error = `The history could not be loaded: ${describeError(error)}`),
    );
    this.trash = new RunTrash(api, (ids, deleted) => this.#afterTrash(ids, deleted));
    this.transfer = new RunTransfer(api, download, () => this.refresh(true));
  }

  /** Every experiment, newest first (for the experiment filter and column). */
  get experiments(): readonly ExperimentSummary[] { return this.#experiments; }
  get opened(): OpenedRunDetail | null { return this.#opened; }
  /** The opened run's runtime tracks; null for a run recorded in `tasks` mode. */
  get openedRuntime(): RuntimeTrackData | null { return this.#openedRuntime; }
  /** What the opened run shows (`history.findings`: computed by the backend beside its records), worst first. */
  get openedFindings(): readonly Finding[] { return this.#openedFindings; }
  get openedExperiment(): ReopenedExperiment | null { return this.#openedExperiment; }
  get total(): number { return this.pages.total; }
  /** The last failure, for an alert; cleared by the next success. */
  get error(): string | null { return this.#error; }

  /** Lists the runs again (from the top, or keeping the rows on screen) and the experiments. */
  async refresh(keepPosition = false): Promise<void> {
    await Promise.all([this.pages.show(this.filters.query, keepPosition), this.#loadExperiments()]);
  }

  setFilter<K extends keyof RunFilterValues>(field: K, value: RunFilterValues[K]): Promise<void> {
    this.filters.set(field, value);
    return this.pages.show(this.filters.query);
  }

  clearFilters(): Promise<void> {
    this.filters.clear();
    return this.pages.show(this.filters.query);
  }

  sortBy(key: Parameters<RunFilters['sortBy']>[0]): Promise<void> {
    this.filters.sortBy(key);
    return this.pages.show(this.filters.query);
  }

  /** Loads one run with every task and sample (fetched as columns: a fraction of the records' size, and kept so). */
  async open(id: number): Promise<OpenedRunDetail | null> {
    try {
      this.#openedFindings = [];
      this.#findingsFor = id;
      const [{ tasks, ...rest }, packed] = await Promise.all([this.#api.history.getColumnar({ id }), this.#api.history.getRuntime({ id })]);
      const run: OpenedRunDetail = { ...rest, tasks: checkTaskColumns(tasks) };
      this.#openedRuntime = packed === null ? null : RuntimeTrackData.fromArrays(unpackRuntime(packed));
      this.#opened = run;
      this.#openedExperiment = null;
      this.#error = null;
      // Findings after the run is shown: the backend reads every record for them, which must not hold up its
      // timeline (nor share the reading threads with its columns).
      await this.#loadFindings(id);
      return run;
    } catch (error) {
      this.#error = `Run ${id} could not be opened: ${describeError(error)}`;
      return null;
    }
  }

  /** The findings of run `id`, kept if that run is still the one being opened or shown; none when they cannot be had. */
  async #loadFindings(id: number): Promise<void> {
    try {
      const findings = await this.#api.history.findings({ id });
      if (this.#findingsFor === id) this.#openedFindings = findings;
    } catch {
      // A run whose findings cannot be computed still opens; its findings panel stays empty.
    }
  }

  /** Reopens an experiment as a whole: its runs and its statistics. */
  async openExperiment(id: number): Promise<ReopenedExperiment | null> {
    try {
      const experiment = await this.#api.experiments.open({ id });
      this.#openedExperiment = experiment;
      this.#opened = null;
      this.#error = null;
      return experiment;
    } catch (error) {
      this.#error = `Experiment ${id} could not be opened: ${describeError(error)}`;
      return null;
    }
  }

  /** Back to the list. */
  close(): void {
    this.#opened = null;
    this.#openedExperiment = null;
  }

  /** Renames a run, or changes its notes or tags; false when the backend refused (with `error` saying why). */
  async update(id: number, patch: RunPatch): Promise<boolean> {
    try {
      const summary: RunSummary = await this.#api.history.update({ id, ...patch });
      const opened = this.#opened;
      if (opened?.id === id) this.#opened = { ...opened, ...summary, tasks: opened.tasks };
      this.#error = null;
      await this.pages.show(this.filters.query, true);
      return true;
    } catch (error) {
      this.#error = `Run ${id} could not be changed: ${describeError(error)}`;
      return false;
    }
  }

  async #loadExperiments(): Promise<void> {
    try {
      this.#experiments = await this.#api.experiments.list();
    } catch (error) {
      this.#error = `The experiments could not be loaded: ${describeError(error)}`;
    }
  }

  async #afterTrash(ids: readonly number[], deleted: boolean): Promise<void> {
    if (deleted) {
      this.selection.remove(ids);
      if (this.#opened !== null && ids.includes(this.#opened.id)) this.#opened = null;
    }
    await this.refresh(true);
  }
}
