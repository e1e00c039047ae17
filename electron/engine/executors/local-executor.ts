import { executeKind } from '../kinds/execute-kind';
import type { KindEnv } from '../kinds/kind-call';
import type { Executor } from './executor';

/** Runs every attempt on the engine's own event loop (every strategy but `workers`). */
export function localExecutor(env: KindEnv): Executor {
  return {
    execute: (task, draw, _lane, abort) => executeKind(task.spec, { index: task.index, group: task.group, draw, env, abort }),
    close: async () => {},
  };
}
