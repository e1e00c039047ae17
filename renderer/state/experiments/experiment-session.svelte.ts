import type { ExperimentFinishedPayload, ExperimentProgressPayload } from '../../../shared/api/experiment-methods';
import type { RunPreparingPayload, RunProgressPayload, RunStartedPayload } from '../../../shared/api/run-events';
import type { ExperimentSpecInput } from '../../../shared/experiments/experiment-spec';
import type { ReopenedExperiment } from '../../../shared/experiments/experiment-summary';
import { describeError } from '../explorer-api';
import type { HistoryApi } from '../history/history-api';

/** Where an experiment is. */
export type ExperimentPhase = 'idle' | 'starting' | 'running' | 'completed' | 'cancelled' | 'failed';

/** The run of the experiment under way (or the last one). */
export interface ExperimentStep {
  /** 0-based, warm-ups included. */
  index: number;
  total: number;
  label: string;
  warmup: boolean;
  key: string;
  /** Tasks done and planned in this run, from its progress events. */
  done: number;
  tasks: number;
  /** What the run's runtime is preparing before it starts (a Go or Java runner's first build); null otherwise. */
  preparing: string | null;
}

type Incoming =
  | { type: 'progress'; payload: ExperimentProgressPayload }
  | { type: 'finished'; payload: ExperimentFinishedPayload }
  | { type: 'run'; payload: RunProgressPayload }
  | { type: 'preparing'; payload: RunPreparingPayload }
  | { type: 'runStarted'; payload: RunStartedPayload };

/** What a run event of the current step changes in it: the backend sends no `runPreparing` once the run started. */
function stepUpdate(item: Extract<Incoming, { type: 'run' | 'preparing' | 'runStarted' }>): Partial<ExperimentStep> {
  switch (item.type) {
    case 'preparing':
      return { preparing: item.payload.message };
    case 'runStarted':
      return { preparing: null, tasks: item.payload.totalTasks };
    case 'run':
      return { preparing: null, done: item.payload.done, tasks: item.payload.total };
  }
}

/**
 * One experiment from the UI's side: starts it with `experiments.run`, follows its runs through the
 * experiment and run events, cancels it, and reopens it as a whole when it is over. `onCompleted` hears
 * of every experiment that made all its runs (not a cancelled or failed one), with its reopened result.
 */
export class ExperimentSession {
  #phase = $state<ExperimentPhase>('idle');
  #experimentId = $state<number | null>(null);
  #step = $state.raw<ExperimentStep | null>(null);
  #runsDone = $state(0);
  #result = $state.raw<ReopenedExperiment | null>(null);
  #error = $state<string | null>(null);
  #cancelRequested = $state(false);
  #early: Incoming[] = [];
  readonly #api: HistoryApi;
  readonly #unsubscribe: (() => void)[];
  readonly #onCompleted: (result: ReopenedExperiment) => void;

  constructor(api: HistoryApi, onCompleted: (result: ReopenedExperiment) => void = () => {}) {
    this.#api = api;
    this.#onCompleted = onCompleted;
    this.#unsubscribe = [
      api.onExperimentProgress((payload) => this.#route({ type: 'progress', payload })),
      api.onExperimentFinished((payload) => this.#route({ type: 'finished', payload })),
      api.onRunProgress((payload) => this.#route({ type: 'run', payload })),
      api.onRunPreparing((payload) => this.#route({ type: 'preparing', payload })),
      api.onRunStarted((payload) => this.#route({ type: 'runStarted', payload })),
    ];
  }

  get phase(): ExperimentPhase { return this.#phase; }
  get experimentId(): number | null { return this.#experimentId; }
  get step(): ExperimentStep | null { return this.#step; }
  /** The experiment reopened once it is over: its runs and statistics. */
  get result(): ReopenedExperiment | null { return this.#result; }
  get error(): string | null { return this.#error; }
  get cancelRequested(): boolean { return this.#cancelRequested; }
  /** True from the start until the experiment is over. */
  get active(): boolean { return this.#phase === 'starting' || this.#phase === 'running'; }

  /** How far the whole experiment is, from 0 to 1 (runs done, plus the share of the current run). */
  get fraction(): number {
    const step = this.#step;
    if (step === null || step.total === 0) return this.#phase === 'completed' ? 1 : 0;
    const current = this.active && step.tasks > 0 ? step.done / step.tasks : 0;
    return Math.min(1, (this.#runsDone + current) / step.total);
  }

  /** Starts an experiment; a refusal (an invalid spec, another experiment under way) ends it as failed with the reason. */
  async start(spec: ExperimentSpecInput): Promise<void> {
    if (this.active) return;
    this.#phase = 'starting';
    this.#experimentId = null;
    this.#step = null;
    this.#runsDone = 0;
    this.#result = null;
    this.#error = null;
    this.#cancelRequested = false;
    this.#early = [];
    try {
      const { experimentId } = await this.#api.experiments.run(spec);
      this.#experimentId = experimentId;
      if (this.#phase === 'starting') this.#phase = 'running';
      const early = this.#early;
      this.#early = [];
      for (const item of early) this.#route(item);
    } catch (error) {
      this.#early = [];
      this.#error = describeError(error);
      this.#phase = 'failed';
    }
  }

  /** Cancels the run under way and every run still to come. */
  async cancel(): Promise<void> {
    const id = this.#experimentId;
    if (!this.active || id === null || this.#cancelRequested) return;
    this.#cancelRequested = true;
    try {
      await this.#api.experiments.cancel({ experimentId: id });
    } catch (error) {
      this.#cancelRequested = false;
      this.#error = describeError(error);
    }
  }

  /**
   * After the connection to the backend came back: an experiment that ended meanwhile (its events lost) is
   * reopened and ended here; one still under way goes on.
   */
  async resync(): Promise<void> {
    const id = this.#experimentId;
    if (!this.active || id === null) return;
    try {
      const current = await this.#api.experiments.active();
      if (current?.experimentId === id || !this.active || this.#experimentId !== id) return;
      await this.#finish({ experimentId: id, cancelled: this.#cancelRequested, error: null });
    } catch {
      // Still unreachable: the next time the connection comes back tries again.
    }
  }

  /** Stops following events. */
  dispose(): void {
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
  }

  #route(item: Incoming): void {
    if (this.#phase === 'starting' && this.#experimentId === null) {
      this.#early.push(item);
      return;
    }
    if (!this.active) return;
    if (item.type === 'run' || item.type === 'preparing' || item.type === 'runStarted') {
      const step = this.#step;
      if (step !== null && item.payload.key === step.key) this.#step = { ...step, ...stepUpdate(item) };
      return;
    }
    if (item.payload.experimentId !== this.#experimentId) return;
    if (item.type === 'finished') {
      void this.#finish(item.payload);
      return;
    }
    const { phase, index, total, label, warmup, key } = item.payload;
    if (phase === 'started') this.#step = { index, total, label, warmup, key, done: 0, tasks: 0, preparing: null };
    else this.#runsDone = index + 1;
  }

  async #finish(payload: ExperimentFinishedPayload): Promise<void> {
    this.#error = payload.error;
    try {
      this.#result = await this.#api.experiments.open({ id: payload.experimentId });
    } catch (error) {
      this.#error ??= `The experiment could not be reopened: ${describeError(error)}`;
    }
    this.#phase = payload.error !== null ? 'failed' : payload.cancelled ? 'cancelled' : 'completed';
    if (this.#phase === 'completed' && this.#result !== null) this.#onCompleted(this.#result);
  }
}
