import { rm } from 'node:fs/promises';
import { needsTargetProcess, type Scenario } from '../../../shared/scenario';
import type { BatchEvent, EngineEvent, StartedEvent } from '../../../shared/protocol/engine-protocol';
import type { Sample } from '../../../shared/protocol/task-record';
import { findingColumnsOf, type FindingColumns } from '../../../shared/findings';
import { computeMetrics } from '../../../shared/metrics/compute-metrics';
import { errorMessage } from '../../../shared/errors/error-message';
import { stripControlCharacters } from '../../../shared/validation/control-characters';
import { killRecordedChildGroups } from '../../engine/children/child-groups';
import type { EngineLauncher, EngineProcess } from './engine-launcher';
import { Listeners } from './listeners';
import type { ProgressSink, RunOutcome } from './progress-sink';
import { makeScratchFolder } from './scratch-folders';
import type { TargetProcess } from './target-process';
import { TaskLedger, type RunProgress } from './task-ledger';

/** A run under way: its events, its end, and the way to stop it. */
export interface ActiveRun {
  /** `String(runId)`, or a random id when the run is not saved. */
  readonly key: string;
  readonly runId: number | null;
  /** The scenario it runs: its `module` and `database` paths absolute (`user-paths.ts`). */
  readonly scenario: Scenario;
  /** What the launcher says it is preparing before the engine starts (a runner's first build), in words. */
  onPreparing(listener: (message: string) => void): () => void;
  onStarted(listener: (event: StartedEvent) => void): () => void;
  onBatch(listener: (event: BatchEvent) => void): () => void;
  /** Called once; a listener added after the end is called at once. */
  onFinished(listener: (outcome: RunOutcome) => void): () => void;
  /** Where the run is now. */
  progress(): RunProgress;
  /**
   * What the findings read of the run (`shared/findings`): its tasks as columns in index order, and the samples.
   * Made from the run's compact columns, which the run then lets go of: ask once, when `done` has settled, rather
   * than keep the records of every batch. Empty before the run is over.
   */
  takeFindingInput(): { tasks: FindingColumns; samples: readonly Sample[] };
  /** Asks the engine to stop; kills it when it does not finish within the grace period. */
  cancel(): void;
  /** Settles once the outcome is recorded and the engine process and scratch folder are gone. */
  readonly done: Promise<RunOutcome>;
}

export interface EngineRunOptions {
  key: string;
  runId: number | null;
  /** With absolute `module` and `database` paths (`resolveUserPaths`): engines and runners resolve none. */
  scenario: Scenario;
  launcher: EngineLauncher;
  /**
   * Starts the built-in HTTP target's own process when the scenario needs it (`needsTargetProcess`), whatever the
   * runtime: the RunService hands the Node engine launcher's `launchTarget` to runner runs too.
   */
  launchTarget: () => Promise<TargetProcess>;
  progress: ProgressSink;
  scratchRoot: string;
  cancelGraceMs: number;
}

type Ending = Omit<RunOutcome, 'key' | 'runId'>;

/**
 * Where a run is in its life, in order (a run may skip ahead, never go back):
 * - `preparing`: the scratch folder is made and the engine launched;
 * - `starting`: the engine is up and has the scenario, and has not said `started` yet;
 * - `running`: the tasks run;
 * - `cancelling`: a cancel was asked for; the engine has the grace period to finish;
 * - `settled`: the outcome is recorded; the engine process is on its way out;
 * - `ended`: the process and the scratch folder are gone and the listeners told.
 */
type RunPhase = 'preparing' | 'starting' | 'running' | 'cancelling' | 'settled' | 'ended';

/** Drives one engine process through a run and records it; the state machine behind `ActiveRun`. */
export class EngineRun implements ActiveRun {
  readonly key: string;
  readonly runId: number | null;
  readonly scenario: Scenario;
  readonly done: Promise<RunOutcome>;
  readonly #options: EngineRunOptions;
  readonly #ledger: TaskLedger;
  readonly #preparing = new Listeners<string>();
  readonly #started = new Listeners<StartedEvent>();
  readonly #batches = new Listeners<BatchEvent>();
  readonly #finished = new Listeners<RunOutcome>();
  #resolveDone: (outcome: RunOutcome) => void = () => {};
  #phase: RunPhase = 'preparing';
  /** The engine process until it exits. */
  #engine: EngineProcess | null = null;
  #scratchDir: string | null = null;
  /** The built-in HTTP target's own process, when the scenario calls it (see `needsTargetProcess`). */
  #target: Promise<TargetProcess> | null = null;
  #startedEvent: StartedEvent | null = null;
  #timer: NodeJS.Timeout | undefined;
  /** Set when the run settles. */
  #outcome: RunOutcome | null = null;

  constructor(options: EngineRunOptions) {
    this.#options = options;
    this.key = options.key;
    this.runId = options.runId;
    this.scenario = options.scenario;
    this.#ledger = new TaskLedger(options.scenario);
    this.done = new Promise((resolve) => (this.#resolveDone = resolve));
    void this.#launch();
  }

  onPreparing(listener: (message: string) => void): () => void {
    return this.#preparing.add(listener);
  }

  onStarted(listener: (event: StartedEvent) => void): () => void {
    return this.#started.add(listener);
  }

  onBatch(listener: (event: BatchEvent) => void): () => void {
    return this.#batches.add(listener);
  }

  onFinished(listener: (outcome: RunOutcome) => void): () => void {
    if (this.#phase === 'ended' && this.#outcome !== null) {
      const outcome = this.#outcome;
      queueMicrotask(() => listener(outcome));
      return () => {};
    }
    return this.#finished.add(listener);
  }

  progress(): RunProgress {
    return this.#ledger.progress;
  }

  takeFindingInput(): { tasks: FindingColumns; samples: readonly Sample[] } {
    if (this.#phase !== 'ended') return { tasks: findingColumnsOf([]), samples: [] };
    return { tasks: this.#ledger.takeFindingColumns(), samples: this.#ledger.samples };
  }

  cancel(): void {
    switch (this.#phase) {
      case 'preparing':
        // #launch sees it once the scratch folder is there, and launches no engine.
        this.#phase = 'cancelling';
        return;
      case 'starting':
        this.#killAndCancel();
        return;
      case 'running':
        this.#phase = 'cancelling';
        this.#engine?.send({ type: 'cancel' });
        this.#timer = setTimeout(() => this.#killAndCancel(), this.#options.cancelGraceMs);
        return;
      case 'cancelling':
      case 'settled':
      case 'ended':
        return;
    }
  }

  get #isSettled(): boolean {
    return this.#phase === 'settled' || this.#phase === 'ended';
  }

  async #launch(): Promise<void> {
    const { scratchRoot, launcher, launchTarget } = this.#options;
    try {
      this.#scratchDir = await makeScratchFolder(scratchRoot);
    } catch (error) {
      this.#settle({ status: 'failed', metrics: null, error: `Could not create a scratch folder in ${scratchRoot}: ${errorMessage(error)}` });
      return;
    }
    if (this.#phase === 'cancelling') {
      this.#settleCancelled();
      return;
    }
    if (needsTargetProcess(this.scenario)) {
      this.#target = launchTarget();
      // Its failure is reported when the engine is ready for the start message.
      this.#target.catch(() => {});
    }
    let engine: EngineProcess;
    try {
      engine = launcher.launch({
        threadpoolSize: this.scenario.options.threadpoolSize,
        onProgress: (message) => {
          if (this.#startedEvent === null && !this.#isSettled) this.#preparing.emit(stripControlCharacters(message));
        },
      });
    } catch (error) {
      this.#settle({ status: 'failed', metrics: null, error: `Could not start the engine process: ${errorMessage(error)}` });
      return;
    }
    this.#engine = engine;
    this.#phase = 'starting';
    engine.onEvent((event) => this.#onEvent(event));
    engine.onExit((code, signal) => this.#onExit(code, signal));
  }

  #onEvent(event: EngineEvent): void {
    if (this.#isSettled) return;
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
        void this.#sendStart();
        return;
      case 'started':
        this.#recordStarted(event);
        return;
      case 'batch':
        this.#ledger.apply(event);
        this.#options.progress.batch(event.finished, event.samples, event.runtime);
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
    if (this.#phase === 'starting') this.#phase = 'running';
    this.#ledger.start(event.totalTasks);
    this.#options.progress.started(event);
    this.#started.emit(event);
  }

  #onExit(code: number | null, signal: string | null): void {
    this.#engine = null;
    if (!this.#isSettled) {
      if (this.#phase === 'cancelling') this.#settleCancelled();
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
    if (this.#isSettled) return;
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
      tasks: this.#ledger.metricColumns(),
      samples: this.#ledger.samples,
      wallMs: atMs,
      cpu: { userMs: this.#ledger.estimatedCpuMs(), systemMs: 0 },
    });
    return { status: 'cancelled', metrics, error: null };
  }

  /** Sends the engine its scenario, once the target process (if any) listens. */
  async #sendStart(): Promise<void> {
    let targetUrl: string | null = null;
    if (this.#target !== null) {
      try {
        targetUrl = (await this.#target).url;
      } catch (error) {
        this.#engine?.kill();
        this.#settle({ status: 'failed', metrics: null, error: errorMessage(error) });
        return;
      }
    }
    if (this.#isSettled) return;
    this.#engine?.send({ type: 'start', scenario: this.scenario, scratchDir: this.#scratchDir ?? '', targetUrl });
  }

  #settle(ending: Ending): void {
    if (this.#isSettled) return;
    clearTimeout(this.#timer);
    this.#outcome = { key: this.key, runId: this.runId, ...ending };
    this.#phase = 'settled';
    try {
      this.#options.progress.finish(this.#outcome);
    } catch (error) {
      console.error(`Could not record the end of run ${this.key}: ${errorMessage(error)}`);
    }
    if (this.#engine === null) void this.#end();
    else this.#timer = setTimeout(() => this.#engine?.kill(), this.#options.cancelGraceMs);
  }

  async #end(): Promise<void> {
    const outcome = this.#outcome;
    if (this.#phase === 'ended' || outcome === null) return;
    this.#phase = 'ended';
    clearTimeout(this.#timer);
    void this.#target?.then((target) => target.stop(), () => {});
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
