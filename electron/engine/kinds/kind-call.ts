import type { TaskGroup, TaskKind } from '../../../shared/scenario';
import type { AttemptAbort } from '../attempts/attempt-abort';
import type { AttemptDraw } from '../../../shared/random/seeded-random';

/** Where a run's tasks find what was prepared for them; plain data, so worker threads get it too. */
export interface KindEnv {
  scratchDir: string;
  /** Base URL of the built-in HTTP target server, when the scenario needs it. */
  targetUrl: string | null;
  /**
   * By task group: the file a `module` group imports (a file URL; a `.ts` module's bundle in the scratch
   * folder) or the user's database a `sqlite` group opens (an absolute path), resolved before the clock starts.
   */
  groupFiles: Record<number, string>;
}

/** One attempt of one task, as a task kind sees it. */
export interface KindCall {
  index: number;
  group: number;
  draw: AttemptDraw;
  env: KindEnv;
  /** Says when the attempt is given up (timeout, cancel); kinds stop their operation when they can. */
  abort: AttemptAbort;
  /**
   * Told the pid of the child process the attempt started, then 0 once it has exited. A worker thread
   * that is ended cannot kill its children itself: the engine kills them by this pid.
   */
  childProcess?(pid: number): void;
}

/** The spec of a task group of one kind. */
export type SpecOf<K extends TaskKind> = Extract<TaskGroup, { kind: K }>;
