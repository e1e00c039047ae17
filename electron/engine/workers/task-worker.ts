import { workerData } from 'piscina';
import { TRACK_CODE } from '../../../shared/runtime/runtime-slices';
import { NEVER_ABORTED } from '../attempts/attempt-abort';
import { executeKind, type WorkResult } from '../kinds/execute-kind';
import { loadHttpClients } from '../kinds/http';
import { loadTaskFunction } from '../kinds/module';
import { scratchStatement } from '../kinds/scratch-database';
import { startTrace, takeSlices, traceOrigin, withTask } from '../runtime/trace-context';
import type { TaskWorkerAnswer, TaskWorkerData, TaskWorkerMessage } from './task-worker-message';

/**
 * The piscina worker of the `workers` strategy: runs one attempt of a task on this thread and answers when
 * its work began and ended (stamped here, on this thread) and how; a warm-up prepares the run's SQLite
 * statements, imports its `module` tasks' functions and answers null. In a runtime trace it
 * records this thread's own loop from its first attempt on, and answers with what it recorded too.
 */
export default async function runTaskInWorker(message: TaskWorkerMessage): Promise<TaskWorkerAnswer> {
  if (message.type === 'warm-up') {
    await Promise.all([loadHttpClients(), ...message.modules.map(({ url, name }) => loadTaskFunction(url, name))]);
    // A first query's open and prepare (several ms) belongs to no task: the engine's thread prepares before its clock too.
    for (const { path, sql, readonly } of message.queries) scratchStatement(path, sql, readonly);
    return null;
  }
  const { spec, index, group, draw, env, traceOriginMs } = message;
  const { childPid, lane } = workerData as TaskWorkerData;
  if (traceOriginMs !== null && traceOrigin() !== traceOriginMs) {
    // The pool is the process's own and is traced by the engine; a worker thread records its loop only.
    startTrace({ track: TRACK_CODE.worker, lane, threadpoolSize: 0, sliceLimit: Infinity, originEpochMs: traceOriginMs });
  }
  // Piscina aborts a worker's task by ending the whole thread, so nothing inside it is ever told to stop.
  const call = { index, group, draw, env, abort: NEVER_ABORTED, childProcess: (pid: number) => Atomics.store(childPid, 0, pid) };
  const result = await new Promise<WorkResult>((resolve) => withTask(index, () => executeKind(spec, call, { workEnded: resolve })));
  return { result, slices: takeSlices() };
}
