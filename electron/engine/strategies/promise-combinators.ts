import { startAll, type Strategy } from './strategy-run';

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
