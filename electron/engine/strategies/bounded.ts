import type { PoolOnFailure } from '../../../shared/scenario';
import { ignore, type Strategy, type StrategyContext, type StrategyRun } from './strategy-run';

/*
 * The strategies that bound how many tasks run at once, each on a lane it keeps: one at a time, a pool of
 * slots, batches, worker threads.
 */

/** `for (const task of tasks) await task()`: one at a time; the first failure ends the loop. */
export const sequential: Strategy = ({ count, runTask }) => {
  const settled = (async () => {
    for (let index = 0; index < count; index += 1) await runTask(index, 0);
  })();
  return { settled, drained: settled.then(ignore, ignore) };
};

/**
 * A bounded pool: never more than `concurrency` tasks in flight, each on a slot (its lane). What a failure
 * does depends on `onFailure`, each written as the plain code it stands for:
 * - `stop-slot`: worker loops under `Promise.all`: a failure ends its slot and rejects the pool, while the
 *   other slots carry on as orphans;
 * - `reject`: p-limit with `Promise.all`: every task is queued at once and runs, the aggregate rejects at
 *   the first failure;
 * - `continue`: p-limit with `Promise.allSettled`: every task runs and the pool waits for all of them.
 *
 * Why our own rather than p-limit: it gives each task its slot, the lane the timeline draws, which p-limit
 * does not expose. That is the reason; it is also faster than p-limit, which tests/bench/engine-pool.ts
 * checks on 100,000 tasks, but speed alone would not justify it.
 */
export function pool(concurrency: number, onFailure: PoolOnFailure = 'stop-slot'): Strategy {
  switch (onFailure) {
    case 'stop-slot':
      return (context) => workerLoops(concurrency, context);
    case 'reject':
      return (context) => {
        const tasks = limited(concurrency, context);
        return { settled: Promise.all(tasks), drained: Promise.allSettled(tasks) };
      };
    case 'continue':
      return (context) => {
        const settled = Promise.allSettled(limited(concurrency, context));
        return { settled, drained: settled };
      };
  }
}

function workerLoops(concurrency: number, { count, runTask }: StrategyContext): StrategyRun {
  let next = 0;
  const slot = async (lane: number) => {
    while (next < count) {
      const index = next;
      next += 1;
      await runTask(index, lane);
    }
  };
  const slots = Array.from({ length: Math.min(concurrency, count) }, (_, lane) => slot(lane));
  return { settled: Promise.all(slots), drained: Promise.allSettled(slots) };
}

/** `tasks.map((task) => limit(task))`: every task queued at once, run on the first free slot. */
function limited(concurrency: number, { count, runTask }: StrategyContext): Promise<void>[] {
  const slots = laneQueue(Math.max(1, Math.min(concurrency, count)));
  return Array.from({ length: count }, (_, index) => slots.run((lane) => runTask(index, lane)));
}

/**
 * Batches of `size`: `await Promise.all(batch)` for each batch in turn, so the next batch starts only when
 * the whole batch is done. A failure rejects its batch (the rest of that batch become orphans) and ends the loop.
 */
export function batch(size: number): Strategy {
  return ({ count, runTask }) => {
    let current: Promise<void>[] = [];
    const settled = (async () => {
      for (let first = 0; first < count; first += size) {
        current = [];
        for (let index = first; index < Math.min(first + size, count); index += 1) current.push(runTask(index, index - first));
        await Promise.all(current);
      }
    })();
    return { settled, drained: settled.then(ignore, () => Promise.allSettled(current)) };
  };
}

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

/** Runs jobs on `lanes` lanes: a job starts on the lowest free lane, or waits, first come first served. */
export interface LaneQueue {
  run<T>(job: (lane: number) => Promise<T>): Promise<T>;
}

export function laneQueue(lanes: number): LaneQueue {
  const freeLanes = Array.from({ length: lanes }, (_, i) => lanes - 1 - i);
  const waiting: ((lane: number) => void)[] = [];
  let nextWaiting = 0;

  const release = (lane: number) => {
    const start = waiting[nextWaiting];
    if (start !== undefined) {
      nextWaiting += 1;
      start(lane);
      return;
    }
    freeLanes.push(lane);
    freeLanes.sort((a, b) => b - a);
  };

  return {
    run: (job) =>
      new Promise((resolve, reject) => {
        const start = (lane: number) => {
          job(lane)
            .then(resolve, reject)
            .finally(() => release(lane));
        };
        const lane = freeLanes.pop();
        if (lane === undefined) waiting.push(start);
        else start(lane);
      }),
  };
}
