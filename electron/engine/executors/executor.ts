import type { AttemptAbort } from '../attempts/attempt-abort';
import type { PlannedTask } from '../plan/plan-tasks';
import type { AttemptDraw } from '../plan/seeded-random';

/** Where a task's attempts run: on the engine's event loop, or on the worker thread of a lane. */
export interface Executor {
  /** Runs one attempt; rejects when it fails. `abort` stops it as far as the kind allows. */
  execute(task: PlannedTask, draw: AttemptDraw, lane: number, abort: AttemptAbort): Promise<void>;
  close(): Promise<void>;
}
