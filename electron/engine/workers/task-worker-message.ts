import type { TaskGroup } from '../../../shared/scenario';
import type { KindEnv } from '../kinds/kind-call';
import type { AttemptDraw } from '../plan/seeded-random';

/** What the engine asks a task worker thread to do: load (before the clock starts), or run one attempt. */
export type TaskWorkerMessage =
  | { type: 'warm-up' }
  | { type: 'attempt'; spec: TaskGroup; index: number; group: number; draw: AttemptDraw; env: KindEnv };

/** What each lane's worker thread shares with the engine for its whole life. */
export interface TaskWorkerData {
  /** [0]: the pid of the child process the running attempt started, or 0. */
  childPid: Int32Array;
}
