import type { RunFinishedPayload } from '../../../shared/api/run-events';
import { errorMessage, type ExplorerApi } from '../explorer-api';

/** A run this page did not start, as the banner shows it. */
export interface RunUnderWay {
  key: string;
  runId: number | null;
  scenarioName: string;
  done: number;
  total: number;
  status: 'running' | RunFinishedPayload['status'];
  /** Cancel was asked and the run has not ended yet. */
  cancelling: boolean;
}

/**
 * Runs that were already going when the page loaded: started before a reload, or by another page of the
 * browser host. The workbench does not follow them, so they are listed with their progress, can be
 * cancelled, and once over opened in the history; nothing is ever left running out of reach.
 */
export class RunsUnderWay {
  #runs = $state.raw<readonly RunUnderWay[]>([]);
  #error = $state<string | null>(null);
  readonly #api: Pick<ExplorerApi, 'runs' | 'onRunProgress' | 'onRunFinished'>;

  constructor(api: Pick<ExplorerApi, 'runs' | 'onRunProgress' | 'onRunFinished'>) {
    this.#api = api;
    api.onRunProgress(({ key, done, total }) => this.#update(key, { done, total }));
    api.onRunFinished(({ key, status }) => this.#update(key, { status, cancelling: false }));
  }

  get runs(): readonly RunUnderWay[] { return this.#runs; }
  get error(): string | null { return this.#error; }

  /** Asks the backend which runs are going on (once, when the page loads). */
  async load(): Promise<void> {
    try {
      const active = await this.#api.runs.active();
      this.#runs = active.map(({ key, runId, scenarioName, done, total }) => ({ key, runId, scenarioName, done, total, status: 'running', cancelling: false }));
      this.#error = null;
    } catch (error) {
      this.#error = `The runs going on could not be listed: ${errorMessage(error)}`;
    }
  }

  async cancel(key: string): Promise<void> {
    this.#update(key, { cancelling: true });
    try {
      const { cancelled } = await this.#api.runs.cancel({ key });
      // It ended on its own in the meantime; its finish event says how.
      if (!cancelled) this.#update(key, { cancelling: false });
    } catch (error) {
      this.#update(key, { cancelling: false });
      this.#error = `The run could not be cancelled: ${errorMessage(error)}`;
    }
  }

  /** Takes an ended run off the list. */
  dismiss(key: string): void {
    this.#runs = this.#runs.filter((run) => run.key !== key || run.status === 'running');
  }

  #update(key: string, patch: Partial<RunUnderWay>): void {
    if (!this.#runs.some((run) => run.key === key)) return;
    this.#runs = this.#runs.map((run) => (run.key === key ? { ...run, ...patch } : run));
  }
}
