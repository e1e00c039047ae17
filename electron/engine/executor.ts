import { errorMessage } from '../../shared/errors/error-message';
import { killChildGroup } from './children/child-groups';
import type { RunningAttempt } from './attempts/run-attempts';
import { taskWorkerEntry } from './entry-points';
import { executeKind, type WorkResult } from './kinds/execute-kind';
import type { KindEnv } from './kinds/kind-call';
import type { ScratchQuery } from './kinds/scratch-database';
import type { PlannedTask } from './plan/plan-tasks';
import type { AttemptDraw } from '../../shared/random/seeded-random';
import { addWorkerSlices, traceOrigin } from './runtime/trace-context';
import type { TaskWorkerAnswer, TaskWorkerData, TaskWorkerMessage } from './workers/task-worker-message';

/** Where a task's attempts run: on the engine's event loop, or on the worker thread of a lane. */
export interface Executor {
  /**
   * Runs one attempt and tells `attempt` when its work ended and how (`workEnded`), or that it could not be run or
   * was ended from outside (`workFailed`: a worker thread ended by the abort). The attempt's abort stops it as far
   * as the kind allows.
   */
  execute(task: PlannedTask, draw: AttemptDraw, lane: number, attempt: RunningAttempt): void;
  close(): Promise<void>;
}

/** Runs every attempt on the engine's own event loop (every strategy but `workers`). */
export function localExecutor(env: KindEnv): Executor {
  return {
    execute: (task, draw, _lane, attempt) => executeKind(task.spec, { index: task.index, group: task.group, draw, env, abort: attempt }, attempt),
    close: async () => {},
  };
}

function killChild(childPid: Int32Array): void {
  const pid = Atomics.exchange(childPid, 0, 0);
  if (pid !== 0) killChildGroup(pid);
}

/** An attempt's answer is never null (only a warm-up's is); its runtime slices join the engine's trace. */
function workResult(laneIndex: number, answer: TaskWorkerAnswer): WorkResult {
  if (answer === null) throw new Error('the worker thread answered an attempt without a result');
  addWorkerSlices(laneIndex, answer.slices);
  return answer.result;
}

/**
 * Runs attempts on worker threads, one piscina of one thread per lane, so a task's lane is the thread
 * it really ran on. An aborted attempt (timeout, cancel) ends its thread, and the process group of the
 * child it started if any; piscina starts a fresh thread for the lane. The threads load, prepare the
 * `sqlite` tasks' `queries` and import the `modules` of `module` tasks before the clock starts (a thread piscina
 * starts afresh does so at its first call).
 */
export async function startThreadExecutor(threads: number, env: KindEnv, queries: ScratchQuery[], modules: { url: string; name: string }[] = []): Promise<Executor> {
  // Loaded here, not at the engine's start: only the `workers` strategy needs it.
  const { Piscina } = await import('piscina');
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
    await Promise.all(pools.map((pool) => pool.run({ type: 'warm-up', queries, modules })));
  } catch (error) {
    await close();
    throw new Error(`could not start the worker threads: ${errorMessage(error)}`);
  }
  return {
    execute: (task, draw, laneIndex, attempt) => {
      const lane = lanes[laneIndex];
      if (lane === undefined) {
        attempt.workFailed(new Error(`no worker thread for lane ${laneIndex}`));
        return;
      }
      attempt.onAbort(() => killChild(lane.childPid));
      const message: TaskWorkerMessage = { type: 'attempt', spec: task.spec, index: task.index, group: task.group, draw, env, traceOriginMs: traceOrigin() };
      lane.pool
        .run(message, { signal: attempt.signal })
        .then((answer) => workResult(laneIndex, answer))
        .then(
          (result) => attempt.workEnded(result),
          (error: unknown) => attempt.workFailed(error),
        );
    },
    close,
  };
}
