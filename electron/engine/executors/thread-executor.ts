import { Piscina } from 'piscina';
import { taskWorkerEntry } from '../entry-points';
import type { KindEnv } from '../kinds/kind-call';
import { addWorkerSlices, traceOrigin } from '../runtime/trace-context';
import type { TaskWorkerAnswer, TaskWorkerData, TaskWorkerMessage } from '../workers/task-worker-message';
import type { Executor } from './executor';

function killChild(childPid: Int32Array): void {
  const pid = Atomics.exchange(childPid, 0, 0);
  if (pid === 0) return;
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // It exited on its own in the meantime.
  }
}

/**
 * Runs attempts on worker threads, one piscina of one thread per lane, so a task's lane is the thread
 * it really ran on. An aborted attempt (timeout, cancel) ends its thread, and the child process it
 * started if any; piscina starts a fresh thread for the lane. The threads load before the clock starts.
 */
export async function startThreadExecutor(threads: number, env: KindEnv): Promise<Executor> {
  const { file, execArgv } = taskWorkerEntry();
  const lanes = Array.from({ length: threads }, (_, lane) => {
    const workerData: TaskWorkerData = { childPid: new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)), lane };
    const pool = new Piscina<TaskWorkerMessage, TaskWorkerAnswer>({ filename: file, execArgv, workerData, minThreads: 1, maxThreads: 1, concurrentTasksPerWorker: 1 });
    // An attempt aborted just as its thread answered makes piscina emit 'error' for the late answer;
    // the attempt is already settled, and every real failure reaches us through run()'s promise.
    pool.on('error', () => {});
    return { pool, childPid: workerData.childPid };
  });
  const pools = lanes.map((lane) => lane.pool);
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
    execute: (task, draw, laneIndex, abort) => {
      const lane = lanes[laneIndex];
      if (lane === undefined) return Promise.reject(new Error(`no worker thread for lane ${laneIndex}`));
      abort.onAbort(() => killChild(lane.childPid));
      const message: TaskWorkerMessage = { type: 'attempt', spec: task.spec, index: task.index, group: task.group, draw, env, traceOriginMs: traceOrigin() };
      return lane.pool.run(message, { signal: abort.signal }).then((slices) => addWorkerSlices(laneIndex, slices));
    },
    close,
  };
}
