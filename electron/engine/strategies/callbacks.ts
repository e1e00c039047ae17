import { callbackify } from 'node:util';
import type { Strategy } from './strategy-run';

/**
 * The same work as `all`, written with error-first callbacks and a counter: every task starts at once,
 * the final callback runs at the first error (the rest become orphans) or when the counter reaches zero.
 */
export const callbacks: Strategy = ({ count, runTask }) => {
  const runTaskWithCallback = callbackify(runTask);
  let settle!: (error: Error | null) => void;
  let drain!: () => void;
  const settled = new Promise<void>((resolve, reject) => {
    settle = (error) => (error ? reject(error) : resolve());
  });
  const drained = new Promise<void>((resolve) => {
    drain = resolve;
  });
  let pending = count;
  let ended = 0;
  let failed = false;
  for (let index = 0; index < count; index += 1) {
    runTaskWithCallback(index, index, (error) => {
      ended += 1;
      if (ended === count) drain();
      if (failed) return;
      if (error) {
        failed = true;
        settle(error);
        return;
      }
      pending -= 1;
      if (pending === 0) settle(null);
    });
  }
  return { settled, drained };
};
