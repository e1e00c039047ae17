import { workerData } from 'piscina';
import { NEVER_ABORTED } from '../attempts/attempt-abort';
import { executeKind, type WorkResult } from '../kinds/execute-kind';
import type { TaskWorkerData, TaskWorkerMessage } from './task-worker-message';

/**
 * The piscina worker of the `workers` strategy: runs one attempt of a task on this thread and answers when
 * its work ended (stamped here, on this thread) and how; a warm-up answers null.
 */
export default async function runTaskInWorker(message: TaskWorkerMessage): Promise<WorkResult | null> {
  if (message.type === 'warm-up') return null;
  const { spec, index, group, draw, env } = message;
  const { childPid } = workerData as TaskWorkerData;
  // Piscina aborts a worker's task by ending the whole thread, so nothing inside it is ever told to stop.
  return executeKind(spec, { index, group, draw, env, abort: NEVER_ABORTED, childProcess: (pid) => Atomics.store(childPid, 0, pid) });
}
