import type { PoolOnFailure } from '../../../shared/scenario/strategy';
import { laneQueue } from './lane-queue';
import type { Strategy, StrategyContext, StrategyRun } from './strategy-run';

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
    case 'reject': {
      return (context) => {
        const tasks = limited(concurrency, context);
        return { settled: Promise.all(tasks), drained: Promise.allSettled(tasks) };
      };
    }
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
