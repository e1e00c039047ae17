import type { AttemptAbort } from '../attempts/attempt-abort';
import type { WorkResult } from '../kinds/execute-kind';
import type { PlannedTask } from '../plan/plan-tasks';
import type { AttemptDraw } from '../plan/seeded-random';

/** Where a task's attempts run: on the engine's event loop, or on the worker thread of a lane. */
export interface Executor {
  /**
   * Runs one attempt and says when its work ended and how; rejects only when the attempt could not be run or
   * was ended from outside (a worker thread ended by `abort`). `abort` stops it as far as the kind allows.
   */
  execute(task: PlannedTask, draw: AttemptDraw, lane: number, abort: AttemptAbort): Promise<WorkResult>;
  close(): Promise<void>;
}
