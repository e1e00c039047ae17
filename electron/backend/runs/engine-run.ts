import { rm } from 'node:fs/promises';
import type { Scenario } from '../../../shared/scenario';
import type { BatchEvent, EngineEvent, StartedEvent } from '../../../shared/protocol/engine-protocol';
import { computeMetrics } from '../../../shared/metrics/compute-metrics';
import { stripControlCharacters } from '../../../shared/validation/control-characters';
import { killRecordedChildGroups } from '../../engine/children/child-groups';
import type { EngineLauncher, EngineProcess } from './engine-launcher';
import { Listeners } from './listeners';
import type { ProgressSink, RunOutcome } from './progress-sink';
import { makeScratchFolder } from './scratch-folders';
import { TaskLedger, type RunProgress } from './task-ledger';
import { errorMessage } from '../../../shared/errors/error-message';

/** A run under way: its events, its end, and the way to stop it. */
export interface ActiveRun {
  /** `String(runId)`, or a random id when the run is not saved. */
  readonly key: string;
  readonly runId: number | null;
  readonly scenario: Scenario;
  onStarted(listener: (event: StartedEvent) => void): () => void;
  onBatch(listener: (event: BatchEvent) => void): () => void;
  /** Called once; a listener added after the end is called at once. */
  onFinished(listener: (outcome: RunOutcome) => void): () => void;
  /** Where the run is now. */
  progress(): RunProgress;
  /** Asks the engine to stop; kills it when it does not finish within the grace period. */
  cancel(): void;
  /** Settles once the outcome is recorded and the engine process and scratch folder are gone. */
  readonly done: Promise<RunOutcome>;
}

export interface EngineRunOptions {
  key: string;
  runId: number | null;
  scenario: Scenario;
  launcher: EngineLauncher;
  progress: ProgressSink;
  scratchRoot: string;
  cancelGraceMs: number;
}

type Ending = Omit<RunOutcome, 'key' | 'runId'>;


/** Drives one engine process through a run and records it; the state machine behind `ActiveRun`. */
export class EngineRun implements ActiveRun {
  readonly key: string;
  readonly runId: number | null;
  readonly scenario: Scenario;
  readonly done: Promise<RunOutcome>;
  readonly #options: EngineRunOptions;
  readonly #ledger: TaskLedger;
  readonly #started = new Listeners<StartedEvent>();
  readonly #batches = new Listeners<BatchEvent>();
  readonly #finished = new Listeners<RunOutcome>();
  #resolveDone: (outcome: RunOutcome) => void = () => {};
  #engine: EngineProcess | null = null;
  #exited = false;
  #scratchDir: string | null = null;
  #startedEvent: StartedEvent | null = null;
  #cancelRequested = false;
  #timer: NodeJS.Timeout | undefined;
  #outcome: RunOutcome | null = null;
  #ended = false;

  constructor(options: EngineRunOptions) {
    this.#options = options;
    this.key = options.key;
    this.runId = options.runId;
    this.scenario = options.scenario;
    this.#ledger = new TaskLedger(options.scenario);
    this.done = new Promise((resolve) => (this.#resolveDone = resolve));
    void this.#launch();
  }

  onStarted(listener: (event: StartedEvent) => void): () => void {
    return this.#started.add(listener);
  }

  onBatch(listener: (event: BatchEvent) => void): () => void {
    return this.#batches.add(listener);
  }

  onFinished(listener: (outcome: RunOutcome) => void): () => void {
    if (this.#ended && this.#outcome !== null) {
      const outcome = this.#outcome;
      queueMicrotask(() => listener(outcome));
      return () => {};
    }
    return this.#finished.add(listener);
  }

  progress(): RunProgress {
    return this.#ledger.progress;
  }

  cancel(): void {
    if (this.#cancelRequested || this.#outcome !== null) return;
    this.#cancelRequested = true;
    if (this.#engine === null) return;
    if (this.#startedEvent === null) {
      this.#killAndCancel();
      return;
    }
    this.#engine.send({ type: 'cancel' });
    this.#timer = setTimeout(() => this.#killAndCancel(), this.#options.cancelGraceMs);
  }

  async #launch(): Promise<void> {
    const { scratchRoot, launcher } = this.#options;
    try {
      this.#scratchDir = await makeScratchFolder(scratchRoot);
    } catch (error) {
      this.#settle({ status: 'failed', metrics: null, error: `Could not create a scratch folder in ${scratchRoot}: ${errorMessage(error)}` });
      return;
    }
    if (this.#cancelRequested) {
      this.#settleCancelled();
      return;
    }
    try {
      this.#engine = launcher.launch({ threadpoolSize: this.scenario.options.threadpoolSize });
    } catch (error) {
      this.#settle({ status: 'failed', metrics: null, error: `Could not start the engine process: ${errorMessage(error)}` });
      return;
    }
    this.#engine.onEvent((event) => this.#onEvent(event));
    this.#engine.onExit((code, signal) => this.#onExit(code, signal));
  }

  #onEvent(event: EngineEvent): void {
    if (this.#outcome !== null) return;
    try {
      this.#handle(event);
    } catch (error) {
      this.#engine?.kill();
      this.#settle({ status: 'failed', metrics: null, error: `Could not record the run: ${errorMessage(error)}` });
    }
  }

  #handle(event: EngineEvent): void {
    switch (event.type) {
      case 'ready':
        this.#engine?.send({ type: 'start', scenario: this.scenario, scratchDir: this.#scratchDir ?? '' });
        return;
      case 'started':
        this.#recordStarted(event);
        return;
      case 'batch':
        this.#ledger.apply(event);
        this.#options.progress.batch(event.finished, event.samples);
        this.#batches.emit(event);
        return;
      case 'finished':
        this.#settle({ status: event.status, metrics: event.metrics, error: null });
        return;
      case 'failed':
        this.#settle({ status: 'failed', metrics: null, error: `The engine could not run the scenario: ${stripControlCharacters(event.message)}` });
    }
  }

  #recordStarted(event: StartedEvent): void {
    this.#startedEvent = event;
    this.#ledger.start(event.totalTasks);
    this.#options.progress.started(event);
    this.#started.emit(event);
  }

  #onExit(code: number | null, signal: string | null): void {
    this.#exited = true;
    if (this.#outcome === null) {
      if (this.#cancelRequested) this.#settleCancelled();
      else if (this.#startedEvent === null) {
        const how = code === null ? 'was killed' : `exited with code ${code}`;
        this.#settle({ status: 'failed', metrics: null, error: `The engine process ${how} before the run started.` });
      } else this.#settleDied(signal ?? (code === null ? 'killed' : `exit code ${code}`));
    }
    void this.#end();
  }

  /**
   * The engine died during the run: the tasks it never reported are stored `cancelled` with the reason, so the
   * run accounts for every planned task (finished tasks of the batch it had not sent yet are among them).
   */
  #settleDied(how: string): void {
    try {
      const { metrics } = this.#closeUnreported(`the engine process died: ${how}`);
      this.#settle({ status: 'failed', metrics, error: `The engine process died during the run (${how}).` });
    } catch (error) {
      this.#settle({ status: 'failed', metrics: null, error: `The engine process died during the run (${how}); could not record it: ${errorMessage(error)}` });
    }
  }

  #killAndCancel(): void {
    if (this.#outcome !== null) return;
    this.#engine?.kill();
    this.#settleCancelled();
  }

  #settleCancelled(): void {
    try {
      this.#settle(this.#closeUnreported(null));
    } catch (error) {
      this.#settle({ status: 'failed', metrics: null, error: `Could not record the cancelled run: ${errorMessage(error)}` });
    }
  }

  /** Closes a run the engine did not finish: every task it never reported ends `cancelled` now, with `reason`. */
  #closeUnreported(reason: string | null): Ending {
    if (this.#startedEvent === null) {
      this.#recordStarted({ type: 'started', totalTasks: this.#ledger.progress.total, lanes: 1, startedAtEpochMs: Date.now() });
    }
    const startedAt = this.#startedEvent?.startedAtEpochMs ?? Date.now();
    const atMs = Math.max(0, Date.now() - startedAt);
    const finished = this.#ledger.cancelUnreported(atMs, reason);
    this.#options.progress.batch(finished, []);
    const { done, inFlight, elapsedMs } = this.#ledger.progress;
    this.#batches.emit({ type: 'batch', started: [], finished, samples: [], done, inFlight, elapsedMs });
    const metrics = computeMetrics({
      tasks: this.#ledger.records,
      samples: this.#ledger.samples,
      wallMs: atMs,
      cpu: { userMs: this.#ledger.estimatedCpuMs(), systemMs: 0 },
    });
    return { status: 'cancelled', metrics, error: null };
  }

  #settle(ending: Ending): void {
    if (this.#outcome !== null) return;
    clearTimeout(this.#timer);
    this.#outcome = { key: this.key, runId: this.runId, ...ending };
    try {
      this.#options.progress.finish(this.#outcome);
    } catch (error) {
      console.error(`Could not record the end of run ${this.key}: ${errorMessage(error)}`);
    }
    if (this.#engine === null || this.#exited) void this.#end();
    else this.#timer = setTimeout(() => this.#engine?.kill(), this.#options.cancelGraceMs);
  }

  async #end(): Promise<void> {
    const outcome = this.#outcome;
    if (this.#ended || outcome === null) return;
    this.#ended = true;
    clearTimeout(this.#timer);
    if (this.#scratchDir !== null) {
      // An engine killed while its loop was blocked could not take its children's process groups with it.
      killRecordedChildGroups(this.#scratchDir);
      await rm(this.#scratchDir, { recursive: true, force: true, maxRetries: 3 }).catch((error: unknown) => {
        console.error(`Could not remove the scratch folder ${this.#scratchDir}: ${errorMessage(error)}`);
      });
    }
    this.#finished.emit(outcome);
    this.#resolveDone(outcome);
  }
}
