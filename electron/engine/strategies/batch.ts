import { ignore, type Strategy } from './strategy-run';

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
