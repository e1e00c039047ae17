import type { RuntimeSlices } from '../../../shared/runtime/runtime-slices';
import type { TaskGroup } from '../../../shared/scenario';
import type { KindEnv } from '../kinds/kind-call';
import type { ScratchQuery } from '../kinds/scratch-database';
import type { WorkResult } from '../kinds/execute-kind';
import type { AttemptDraw } from '../../../shared/random/seeded-random';

/**
 * What the engine asks a task worker thread to do: load and prepare the run's SQLite statements (before the
 * clock starts, as the engine's own thread does), or run one attempt.
 */
export type TaskWorkerMessage =
  /** Load, prepare the SQLite `queries` and import the task functions of `module` tasks, so that no attempt pays for it. */
  | { type: 'warm-up'; queries: ScratchQuery[]; modules: { url: string; name: string }[] }
  | {
      type: 'attempt';
      spec: TaskGroup;
      index: number;
      group: number;
      draw: AttemptDraw;
      env: KindEnv;
      /** The run's clock origin when the engine records a runtime trace: the thread then records its own loop. */
      traceOriginMs: number | null;
    };

/**
 * What an attempt answers: when its work ended and how, and the thread's runtime slices recorded since its
 * previous answer (null when it records none); a warm-up answers null.
 */
export type TaskWorkerAnswer = { result: WorkResult; slices: RuntimeSlices | null } | null;

/** What each lane's worker thread shares with the engine for its whole life. */
export interface TaskWorkerData {
  /** [0]: the pid of the child process the running attempt started, or 0. */
  childPid: Int32Array;
  /** The lane this thread serves (its worker track). */
  lane: number;
}
