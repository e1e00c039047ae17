import { laneQueue } from './lane-queue';
import type { Strategy } from './strategy-run';

/**
 * `Promise.all(tasks.map((task) => pool.run(task)))` over `threads` worker threads: every task is queued at
 * once and runs on the first free thread (its lane). A failure rejects at once; queued tasks still run, as orphans.
 */
export function workers(threads: number): Strategy {
  return ({ count, runTask }) => {
    const threadQueue = laneQueue(Math.min(threads, count));
    const tasks = Array.from({ length: count }, (_, index) => threadQueue.run((lane) => runTask(index, lane)));
    return { settled: Promise.all(tasks), drained: Promise.allSettled(tasks) };
  };
}
