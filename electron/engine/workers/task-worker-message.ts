import type { TaskGroup } from '../../../shared/scenario/task-kinds';
import type { KindEnv } from '../kinds/kind-call';
import type { AttemptDraw } from '../plan/seeded-random';

/** What the engine asks a task worker thread to do: load (before the clock starts), or run one attempt. */
export type TaskWorkerMessage =
  | { type: 'warm-up' }
  | { type: 'attempt'; spec: TaskGroup; index: number; group: number; draw: AttemptDraw; env: KindEnv };
