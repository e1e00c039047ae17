import { ApiError } from '../../../shared/api/api-error';
import type { ActiveExperiment, ExperimentProgressPayload } from '../../../shared/api/experiment-methods';
import type { ExperimentSpec } from '../../../shared/experiments/experiment-spec';
import { runExperiment, type ExperimentProgress, type ExperimentRecorder, type ExperimentRunner } from '../experiments';
import type { ApiEventHub } from './event-hub';
import { relayRunEvents } from './run-handlers';
import { errorMessage } from '../../../shared/errors/error-message';

/**
 * Runs experiments for API clients in the background, one at a time: each run's events are relayed like
 * those of `runs.start`, with `experimentProgress` around every run and `experimentFinished` at the end.
 */
export class ExperimentRelay {
  readonly #runService: ExperimentRunner;
  readonly #store: ExperimentRecorder;
  readonly #events: ApiEventHub;
  #current: (ActiveExperiment & { controller: AbortController }) | null = null;

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
    // Filled as runExperiment goes: it stores the experiment (and starts the first run) before its first
    // await, so the id is known when the call returns.
    const current: ActiveExperiment & { controller: AbortController } = { experimentId: 0, name: '', step: null, controller };
    const recorder: ExperimentRecorder = {
      createExperiment: (input) => {
        current.name = input.name;
        return (current.experimentId = this.#store.createExperiment(input));
      },
    };
    const progress = (phase: ExperimentProgressPayload['phase'], step: ExperimentProgress, key: string, runId: number | null, status: ExperimentProgressPayload['status']) => {
      current.step = { phase, ...step, key, runId, status };
      this.#events.emit('experimentProgress', { experimentId: current.experimentId, ...current.step });
    };
    const done = runExperiment(this.#runService, recorder, spec, {
      signal: controller.signal,
      onRunStarted: (run, step) => {
        progress('started', step, run.key, run.runId, null);
        relayRunEvents(run, this.#events);
      },
      onRunFinished: (outcome, step) => progress('finished', step, outcome.key, outcome.runId, outcome.status),
    });
    if (current.experimentId === 0) {
      await done;
      throw new ApiError('internal', 'The experiment was not stored.');
    }
    const id = current.experimentId;
    this.#current = current;
    done.then(
      (result) => this.#finish(id, result.cancelled, null),
      (error: unknown) => this.#finish(id, controller.signal.aborted, errorMessage(error)),
    );
    return { experimentId: id };
  }

  /** The experiment under way, for a client that was not listening when it started (a reloaded page). */
  active(): ActiveExperiment | null {
    if (this.#current === null) return null;
    const { experimentId, name, step } = this.#current;
    return { experimentId, name, step };
  }

  /** False when no experiment with that id is under way. */
  cancel(experimentId: number): boolean {
    if (this.#current?.experimentId !== experimentId) return false;
    this.#current.controller.abort();
    return true;
  }

  #finish(experimentId: number, cancelled: boolean, error: string | null): void {
    this.#current = null;
    this.#events.emit('experimentFinished', { experimentId, cancelled, error });
  }
}
