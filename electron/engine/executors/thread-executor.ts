import { Piscina } from 'piscina';
import { taskWorkerEntry } from '../entry-points';
import type { KindEnv } from '../kinds/kind-call';
import type { TaskWorkerMessage } from '../workers/task-worker-message';
import type { Executor } from './executor';

/**
 * Runs attempts on worker threads, one piscina of one thread per lane, so a task's lane is the thread
 * it really ran on. An aborted attempt (timeout, cancel) ends its thread; piscina starts a fresh one for
 * the lane. The threads load before the clock starts.
 */
export async function startThreadExecutor(threads: number, env: KindEnv): Promise<Executor> {
  const { file, execArgv } = taskWorkerEntry();
  const pools = Array.from({ length: threads }, () => {
    const pool = new Piscina<TaskWorkerMessage, void>({ filename: file, execArgv, minThreads: 1, maxThreads: 1, concurrentTasksPerWorker: 1 });
    // An attempt aborted just as its thread answered makes piscina emit 'error' for the late answer;
    // the attempt is already settled, and every real failure reaches us through run()'s promise.
    pool.on('error', () => {});
    return pool;
  });
  const close = async () => {
    await Promise.all(pools.map((pool) => pool.destroy()));
  };
  try {
    await Promise.all(pools.map((pool) => pool.run({ type: 'warm-up' })));
  } catch (error) {
    await close();
    throw new Error(`could not start the worker threads: ${(error as Error).message}`);
  }
  return {
    execute: (task, draw, lane, signal) => {
      const pool = pools[lane];
      if (pool === undefined) return Promise.reject(new Error(`no worker thread for lane ${lane}`));
      return pool.run({ type: 'attempt', spec: task.spec, index: task.index, group: task.group, draw, env }, { signal });
    },
    close,
  };
}
