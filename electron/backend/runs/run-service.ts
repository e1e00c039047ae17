import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { ApiError } from '../../../shared/api/api-error';
import { RUNTIME_LABELS, type Scenario } from '../../../shared/scenario';
import { defaultRuntimeLaunchers } from '../runtimes/runtime-launchers';
import type { RunnerRuntime } from '../runtimes/runtime-runner';
import type { EngineLauncher } from './engine-launcher';
import { EngineRun, type ActiveRun } from './engine-run';
import { DISCARD_PROGRESS, historySink, type RunHistoryWriter } from './progress-sink';
import type { NewRun } from '../history/inputs';
import { removeAbandonedScratchFolders } from './scratch-folders';
import { startTargetProcess } from './target-process';
import { resolveUserPaths } from './user-paths';

export type { ActiveRun } from './engine-run';
export type { RunOutcome } from './progress-sink';
export type { RunProgress } from './task-ledger';

/** The part of the history store that running scenarios needs. */
export interface RunHistory extends RunHistoryWriter {
  createRun(run: NewRun): number;
}

export interface RunServiceOptions {
  /** Where runs are recorded; null records nothing (every run is then unsaved). */
  store: RunHistory | null;
  /** Starts Node engines. */
  launcher: EngineLauncher;
  /** Starts the runners of other runtimes; defaults to one launcher per runner of the registry. */
  runtimeLaunchers?: Partial<Record<RunnerRuntime, EngineLauncher>>;
  /** Each run gets a fresh folder under it, removed after the run. Defaults to `os.tmpdir()/concurrency-explorer`. */
  scratchRoot?: string;
  /** How long a cancelled engine may take to finish before it is killed. Defaults to 1000 ms. */
  cancelGraceMs?: number;
}

export interface RunStartOptions {
  /** Defaults to the scenario's name. */
  name?: string;
  tags?: string[];
  experimentId?: number | null;
  /** `false`: run without recording it (`runId` is then null). */
  save?: boolean;
  /** The folder of the scenario's file: its relative `module` and `database` paths start there; recorded with the run. */
  scenarioDir?: string;
}

export const DEFAULT_CANCEL_GRACE_MS = 1000;

/** The one place that runs a scenario, for every host: app, browser host and CLI. */
export class RunService {
  readonly #store: RunHistory | null;
  readonly #launcher: EngineLauncher;
  readonly #runtimeLaunchers: Partial<Record<RunnerRuntime, EngineLauncher>>;
  readonly #scratchRoot: string;
  readonly #cancelGraceMs: number;
  readonly #active = new Map<string, ActiveRun>();
  /** Settles, with how many, once the scratch folders of dead owners found at start are removed. */
  readonly leftoversRemoved: Promise<number>;
  #stopped = false;

  constructor(options: RunServiceOptions) {
    this.#store = options.store;
    this.#launcher = options.launcher;
    this.#runtimeLaunchers = options.runtimeLaunchers ?? defaultRuntimeLaunchers();
    this.#scratchRoot = options.scratchRoot ?? path.join(os.tmpdir(), 'concurrency-explorer');
    this.#cancelGraceMs = options.cancelGraceMs ?? DEFAULT_CANCEL_GRACE_MS;
    // Every host (CLI, browser host, app) makes its RunService at start: the moment to clear what killed ones left.
    this.leftoversRemoved = removeAbandonedScratchFolders(this.#scratchRoot);
  }

  /**
   * Starts an engine process for the scenario; with a store and `save !== false`, the run is recorded
   * while it runs (as written, with its `scenarioDir`); the engine or runner gets it with absolute user paths.
   * Throws (before any process starts) when the scenario names a relative path and has no `scenarioDir` or that
   * folder is gone, when the store refuses the new run, or after `stop`.
   */
  start(scenario: Scenario, options: RunStartOptions = {}): ActiveRun {
    if (this.#stopped) throw new ApiError('unavailable', 'Concurrency Explorer is closing: no new run can start.');
    const runnable = resolveUserPaths(scenario, options.scenarioDir);
    const launcher = scenario.runtime === 'node' ? this.#launcher : this.#runtimeLaunchers[scenario.runtime];
    if (launcher === undefined) throw new ApiError('unavailable', `This build has no runner for ${RUNTIME_LABELS[scenario.runtime]}.`);
    const store = options.save === false ? null : this.#store;
    const runId =
      store?.createRun({ scenario, name: options.name, tags: options.tags, experimentId: options.experimentId ?? null, scenarioDir: options.scenarioDir ?? null }) ?? null;
    const key = runId === null ? randomUUID() : String(runId);
    const run = new EngineRun({
      key,
      runId,
      scenario: runnable,
      launcher,
      // The Node launcher's way to start the target serves every runtime (the desktop app's cannot fork Node).
      launchTarget: launcher.launchTarget?.bind(launcher) ?? this.#launcher.launchTarget?.bind(this.#launcher) ?? (() => startTargetProcess()),
      progress: store === null || runId === null ? DISCARD_PROGRESS : historySink(store, runId),
      scratchRoot: this.#scratchRoot,
      cancelGraceMs: this.#cancelGraceMs,
    });
    this.#active.set(key, run);
    void run.done.then(() => this.#active.delete(key));
    return run;
  }

  /** The runs under way, oldest first. */
  active(): ActiveRun[] {
    return [...this.#active.values()];
  }

  /**
   * For a host that is closing: cancels the runs under way and refuses every new one (an experiment under way
   * then ends instead of starting its next run). Returns the cancelled runs, to wait for their records.
   */
  stop(): ActiveRun[] {
    this.#stopped = true;
    const runs = this.active();
    for (const run of runs) run.cancel();
    return runs;
  }

  find(key: string): ActiveRun | undefined {
    return this.#active.get(key);
  }
}
