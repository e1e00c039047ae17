import type { EngineEvent, ParentToEngine } from '../../../shared/protocol/engine-protocol';
import type { TargetProcess } from './target-process';

/** One engine process, running (at most) one scenario. */
export interface EngineProcess {
  readonly pid: number | undefined;
  send(message: ParentToEngine): void;
  /** Every message the engine sends, already checked against the protocol. Returns an unsubscribe function. */
  onEvent(listener: (event: EngineEvent) => void): () => void;
  /**
   * The process ended (normally, crashed or killed). `code` is null when killed by a signal, and `signal`
   * names it when the launcher can tell (`SIGKILL`); null otherwise.
   */
  onExit(listener: (code: number | null, signal: string | null) => void): () => void;
  /** Ends the process at once (SIGKILL); used when Cancel does not end a blocked engine in time. */
  kill(): void;
}

/** Starts engine processes: `child_process.fork` in plain Node, `utilityProcess` in the desktop app. */
export interface EngineLauncher {
  /**
   * `threadpoolSize` becomes the new process's `UV_THREADPOOL_SIZE` (it only works at process start).
   * `onProgress` hears, in words, what a long preparation before the process starts is doing (a runner's first
   * build); launchers with nothing to prepare never call it.
   */
  launch(options: { threadpoolSize: number; onProgress?: (message: string) => void }): EngineProcess;
  /**
   * Starts the built-in HTTP target in a process of its own, resolving once it listens. Absent: it is forked
   * with `child_process` (`startTargetProcess`), which plain Node hosts do; the desktop app, whose packaged
   * binary cannot run as Node, starts a utility process instead. A runner's launcher has none: the RunService
   * starts a runner run's target with the Node engine launcher's.
   */
  launchTarget?(): Promise<TargetProcess>;
}
