import type { ActiveExperiment } from '../../../shared/api/experiment-methods';
import type { RunFinishedPayload } from '../../../shared/api/run-events';
import { describeError, type ExplorerApi } from '../explorer-api';
import type { HistoryApi } from '../history/history-api';

/** How a run or an experiment this page did not start stands. */
export type UnderWayStatus = 'running' | RunFinishedPayload['status'];

/** A run this page did not start, as the banner shows it. */
export interface RunUnderWay {
  key: string;
  runId: number | null;
  scenarioName: string;
  done: number;
  total: number;
  status: UnderWayStatus;
  /** Cancel was asked and the run has not ended yet. */
  cancelling: boolean;
}

/** The experiment this page did not start, as the banner shows it. */
export interface ExperimentUnderWay {
  experimentId: number;
  name: string;
  /** `run 3 of 8 · pool:4` */
  step: string | null;
  /** The key of its run under way: that run is the experiment's, and is shown as part of it. */
  runKey: string | null;
  status: UnderWayStatus;
  cancelling: boolean;
}

type Api = Pick<ExplorerApi, 'runs' | 'onRunProgress' | 'onRunFinished'> &
  Pick<HistoryApi, 'experiments' | 'onExperimentProgress' | 'onExperimentFinished'>;

/**
 * Runs and the experiment that were already going when the page loaded: started before a reload, or by
 * another page of the browser host. The workbench does not follow them, so they are listed with their
 * progress, can be cancelled (an experiment as a whole), and once over opened in the history: nothing is
 * ever left running out of reach.
 */
export class RunsUnderWay {
  #runs = $state.raw<readonly RunUnderWay[]>([]);
  #experiment = $state.raw<ExperimentUnderWay | null>(null);
  #error = $state<string | null>(null);
  readonly #api: Api;

  constructor(api: Api) {
    this.#api = api;
    api.onRunProgress(({ key, done, total }) => this.#updateRun(key, { done, total }));
    api.onRunFinished(({ key, status }) => this.#updateRun(key, { status, cancelling: false }));
    api.onExperimentProgress(({ experimentId, ...step }) => {
      if (this.#experiment?.experimentId === experimentId) this.#setExperiment({ ...this.#experiment, ...stepOf(step) });
    });
    api.onExperimentFinished(({ experimentId, cancelled, error }) => {
      if (this.#experiment?.experimentId !== experimentId) return;
      this.#experiment = { ...this.#experiment, status: error !== null ? 'failed' : cancelled ? 'cancelled' : 'completed', runKey: null, cancelling: false };
    });
  }

  /** Runs on their own (the experiment's runs are shown as part of `experiment`). */
  get runs(): readonly RunUnderWay[] { return this.#runs; }
  get experiment(): ExperimentUnderWay | null { return this.#experiment; }
  get error(): string | null { return this.#error; }

  /** Asks the backend what is going on (once, when the page loads). */
  async load(): Promise<void> {
    try {
      const [active, experiment] = await Promise.all([this.#api.runs.active(), this.#api.experiments.active()]);
      this.#runs = active.map(({ key, runId, scenarioName, done, total }) => ({ key, runId, scenarioName, done, total, status: 'running', cancelling: false }));
      this.#setExperiment(experiment === null ? null : experimentOf(experiment));
      this.#error = null;
    } catch (error) {
      this.#error = `What is going on could not be listed: ${describeError(error)}`;
    }
  }

  async cancel(key: string): Promise<void> {
    this.#updateRun(key, { cancelling: true });
    try {
      const { cancelled } = await this.#api.runs.cancel({ key });
      // It ended on its own in the meantime; its finish event says how.
      if (!cancelled) this.#updateRun(key, { cancelling: false });
    } catch (error) {
      this.#updateRun(key, { cancelling: false });
      this.#error = `The run could not be cancelled: ${describeError(error)}`;
    }
  }

  /** Cancels the experiment's run under way and every run still to come. */
  async cancelExperiment(): Promise<void> {
    const experiment = this.#experiment;
    if (experiment === null || experiment.status !== 'running') return;
    this.#experiment = { ...experiment, cancelling: true };
    try {
      await this.#api.experiments.cancel({ experimentId: experiment.experimentId });
    } catch (error) {
      if (this.#experiment !== null) this.#experiment = { ...this.#experiment, cancelling: false };
      this.#error = `The experiment could not be cancelled: ${describeError(error)}`;
    }
  }

  /** Takes an ended run off the list. */
  dismiss(key: string): void {
    this.#runs = this.#runs.filter((run) => run.key !== key || run.status === 'running');
  }

  /** Takes the experiment off the list once it is over. */
  dismissExperiment(): void {
    if (this.#experiment?.status !== 'running') this.#experiment = null;
  }

  #setExperiment(experiment: ExperimentUnderWay | null): void {
    this.#experiment = experiment;
    const runKey = experiment?.runKey;
    if (runKey != null) this.#runs = this.#runs.filter((run) => run.key !== runKey);
  }

  #updateRun(key: string, patch: Partial<RunUnderWay>): void {
    if (!this.#runs.some((run) => run.key === key)) return;
    this.#runs = this.#runs.map((run) => (run.key === key ? { ...run, ...patch } : run));
  }
}

function experimentOf({ experimentId, name, step }: ActiveExperiment): ExperimentUnderWay {
  return { experimentId, name, status: 'running', cancelling: false, ...(step === null ? { step: null, runKey: null } : stepOf(step)) };
}

function stepOf(step: NonNullable<ActiveExperiment['step']>): Pick<ExperimentUnderWay, 'step' | 'runKey'> {
  const number = step.phase === 'started' ? step.index + 1 : step.index + 2;
  // A repeat's label (`repeat 3/5`) says what the count does; a warm-up's or a strategy's adds to it.
  const label = step.phase === 'started' && !step.label.startsWith('repeat ') ? ` · ${step.label}` : '';
  const text = number > step.total ? `all ${step.total} runs made` : `run ${number} of ${step.total}${label}`;
  return { step: text, runKey: step.phase === 'started' ? step.key : null };
}
