import { callbackify } from 'node:util';
import { startAll, type Strategy } from './strategy-run';

/*
 * The strategies that start every task at once: the promise combinators, and the same work written with
 * callbacks. Each lane holds one task.
 */

/** `Promise.all`: rejects at the first failure; the tasks still running become orphans. */
export const all: Strategy = (context) => {
  const tasks = startAll(context);
  return { settled: Promise.all(tasks), drained: Promise.allSettled(tasks) };
};

/** `Promise.allSettled`: waits for every task. */
export const allSettled: Strategy = (context) => {
  const tasks = startAll(context);
  const settled = Promise.allSettled(tasks);
  return { settled, drained: settled };
};

/** `Promise.race`: settles with the first task to settle, success or failure; the rest become orphans. */
export const race: Strategy = (context) => {
  const tasks = startAll(context);
  return { settled: Promise.race(tasks), drained: Promise.allSettled(tasks) };
};

/** `Promise.any`: settles with the first success (or when every task failed); the rest become orphans. */
export const any: Strategy = (context) => {
  const tasks = startAll(context);
  return { settled: Promise.any(tasks), drained: Promise.allSettled(tasks) };
};

/**
 * `Promise.all` plus an `AbortController` whose signal every task gets: the first failure aborts it, so the
 * tasks still running stop and end `cancelled` (at the abort: work the runtime cannot interrupt, a pool
 * thread's hash or file read, finishes unobserved and its result is discarded) instead of running on as orphans.
 */
export const structured: Strategy = ({ count, runTask, cancelScope }) => {
  const scope = cancelScope();
  const tasks = Array.from({ length: count }, (_, index) =>
    runTask(index, index, scope).catch((error: unknown) => {
      scope.abort(`cancelled: task ${index} failed first, and the structured strategy aborted the rest`);
      throw error;
    }),
  );
  return { settled: Promise.all(tasks), drained: Promise.allSettled(tasks) };
};

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
