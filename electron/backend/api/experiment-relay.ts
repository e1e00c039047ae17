import { ApiError } from '../../../shared/api/api-error';
import type { ExperimentProgressPayload } from '../../../shared/api/experiment-methods';
import type { ExperimentSpec } from '../../../shared/stats/experiment-spec';
import { runExperiment, type ExperimentProgress, type ExperimentRecorder, type ExperimentRunner } from '../experiments';
import type { ApiEventHub } from './event-hub';
import { relayRunEvents } from './run-handlers';

/**
 * Runs experiments for API clients in the background, one at a time: each run's events are relayed like
 * those of `runs.start`, with `experimentProgress` around every run and `experimentFinished` at the end.
 */
export class ExperimentRelay {
  readonly #runService: ExperimentRunner;
  readonly #store: ExperimentRecorder;
  readonly #events: ApiEventHub;
  #current: { experimentId: number; controller: AbortController } | null = null;

  constructor(runService: ExperimentRunner, store: ExperimentRecorder, events: ApiEventHub) {
    this.#runService = runService;
    this.#store = store;
    this.#events = events;
  }

  /** Stores the experiment and starts its first run; resolves with its id once it is stored. */
  async start(spec: ExperimentSpec): Promise<{ experimentId: number }> {
    if (this.#current !== null) {
      throw new ApiError(
        'bad_request',
        `Experiment ${this.#current.experimentId} is still running: cancel it or wait until it finishes, since two at once would distort each other's measurements.`,
      );
    }
    const controller = new AbortController();
    let experimentId: number | null = null;
    // runExperiment stores the experiment before its first await, so the id is known when the call returns.
    const recorder: ExperimentRecorder = {
      createExperiment: (input) => (experimentId = this.#store.createExperiment(input)),
    };
    const done = runExperiment(this.#runService, recorder, spec, {
      signal: controller.signal,
      onRunStarted: (run, progress) => {
        this.#progress(experimentId!, 'started', progress, run.key, run.runId, null);
        relayRunEvents(run, this.#events);
      },
      onRunFinished: (outcome, progress) =>
        this.#progress(experimentId!, 'finished', progress, outcome.key, outcome.runId, outcome.status),
    });
    if (experimentId === null) {
      await done;
      throw new ApiError('internal', 'The experiment was not stored.');
    }
    const id: number = experimentId;
    this.#current = { experimentId: id, controller };
    done.then(
      (result) => this.#finish(id, result.cancelled, null),
      (error: unknown) => this.#finish(id, controller.signal.aborted, error instanceof Error ? error.message : String(error)),
    );
    return { experimentId: id };
  }

  /** False when no experiment with that id is under way. */
  cancel(experimentId: number): boolean {
    if (this.#current?.experimentId !== experimentId) return false;
    this.#current.controller.abort();
    return true;
  }

  #progress(
    experimentId: number,
    phase: ExperimentProgressPayload['phase'],
    progress: ExperimentProgress,
    key: string,
    runId: number | null,
    status: ExperimentProgressPayload['status'],
  ): void {
    this.#events.emit('experimentProgress', { experimentId, phase, ...progress, key, runId, status });
  }

  #finish(experimentId: number, cancelled: boolean, error: string | null): void {
    this.#current = null;
    this.#events.emit('experimentFinished', { experimentId, cancelled, error });
  }
}
