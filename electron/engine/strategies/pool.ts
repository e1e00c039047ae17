import type { Strategy } from './strategy-run';

/**
 * A bounded pool: `concurrency` slots, each taking the next task when its previous one is done, so never
 * more than `concurrency` tasks in flight. Written as the plain code it stands for (`Promise.all` over the
 * slots): a failure ends its slot and rejects the pool, while the other slots carry on as orphans.
 *
 * Why our own rather than p-limit: it gives each task its slot, the lane the timeline draws, which p-limit
 * does not expose. That is the reason; it is also faster than p-limit, which tests/bench/engine-pool.ts
 * checks on 100,000 tasks, but speed alone would not justify it.
 */
export function pool(concurrency: number): Strategy {
  return ({ count, runTask }) => {
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
  };
}
