import type { RuntimeStatus } from '../../../shared/api/runtime-methods';
import type { Runtime } from '../../../shared/scenario';

export type { RuntimeStatus } from '../../../shared/api/runtime-methods';

/** A runtime other than Node: its runner is a source file shipped in `runners/`. */
export type RunnerRuntime = Exclude<Runtime, 'node'>;

/** How to start a prepared runner: the backend spawns `command args` and speaks JSON lines on its stdin/stdout. */
export interface RunnerCommand {
  command: string;
  args: string[];
  /** Added to the backend's environment. */
  env?: Record<string, string>;
}

/** What `prepare` may use. */
export interface PrepareContext {
  /** The toolchain `detect` found (available). */
  toolchain: RuntimeStatus & { available: true; path: string; version: string };
  /** The runner's source file as shipped (`runners/<runtime>/...`, see `runnerSourcePath`). */
  sourceFile: string;
  /**
   * The per-user cache folder for this runtime's builds (made by the caller). A build goes in a subfolder keyed by
   * the source's hash and the toolchain's version (`buildKey`), so that a new app version or toolchain rebuilds.
   */
  cacheDir: string;
  /** Tells the user what a long preparation is doing ("compiling runner.go with go1.19.8"). */
  progress(message: string): void;
  /** Aborted when the run is cancelled while it prepares. */
  signal: AbortSignal;
}

/**
 * One runtime's runner: the single place that knows how to find its toolchain and start its source file. A new
 * runtime (C#) is one file implementing this and one entry in `runtime-registry.ts`.
 */
export interface RuntimeRunner {
  readonly name: RunnerRuntime;
  /** The source file, relative to the runners folder (`python/runner.py`). */
  readonly source: string;
  /** Looks for the toolchain (`CONCURRENCY_EXPLORER_<NAME>` first, then PATH). Never throws. */
  detect(env: NodeJS.ProcessEnv): Promise<RuntimeStatus>;
  /** Builds the runner if it needs building (once per cache key) and says how to start it. */
  prepare(context: PrepareContext): Promise<RunnerCommand>;
}
