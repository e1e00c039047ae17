import type { PoolOnFailure, Strategy } from '../scenario';

const TASK = 'tasks: Array<() => Promise<unknown>>';

/** Every task started at once and handed to one `Promise` combinator. */
function combinator(name: 'all' | 'allSettled' | 'race' | 'any', comment: string): string {
  return `async function run(${TASK}) {
  // ${comment}
  return Promise.${name}(tasks.map((task) => task()));
}`;
}

/** A pool in each of its `onFailure` forms: hand-written slots, or p-limit with one combinator. */
function poolCode(limit: number, onFailure: PoolOnFailure): string {
  if (onFailure === 'stop-slot') {
    return `async function run(${TASK}) {
  const limit = ${limit};
  const results: unknown[] = [];
  let next = 0;
  async function slot() {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i](); // a failure ends this slot; the other slots carry on, unobserved
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, slot));
  return results;
}`;
  }
  const [name, comment] =
    onFailure === 'reject'
      ? ['all', `Every task still runs, ${limit} at a time; the result rejects at the first failure.`]
      : ['allSettled', `Every task runs, ${limit} at a time, and the result waits for all of them.`];
  return `import pLimit from 'p-limit';

async function run(${TASK}) {
  const limit = pLimit(${limit});
  // ${comment}
  return Promise.${name}(tasks.map((task) => limit(task)));
}`;
}

/**
 * The plain TypeScript a strategy amounts to, with its size filled in: what the engine does, without
 * the measuring. Shown by the strategy picker's "Show code".
 */
export function strategyCode(strategy: Strategy): string {
  switch (strategy.type) {
    case 'sequential':
      return `async function run(${TASK}) {
  const results = [];
  for (const task of tasks) {
    results.push(await task()); // the next task starts only when this one is done
  }
  return results;
}`;
    case 'all':
      return combinator('all', 'Rejects at the first failure; the other tasks keep running, unobserved.');
    case 'allSettled':
      return combinator('allSettled', "Waits for every task; each result is { status: 'fulfilled' | 'rejected', ... }.");
    case 'race':
      return combinator('race', 'Settles with the first task to settle, success or failure.');
    case 'any':
      return combinator('any', 'Settles with the first success; an AggregateError only if every task fails.');
    case 'structured':
      return `async function run(tasks: Array<(signal: AbortSignal) => Promise<unknown>>) {
  const controller = new AbortController();
  // Every task gets the signal; the first failure aborts it, so the others stop and end cancelled
  // instead of running on unobserved. Work that cannot be interrupted (a thread-pool hash) finishes, ignored.
  return Promise.all(
    tasks.map((task) =>
      task(controller.signal).catch((error) => {
        controller.abort(error);
        throw error;
      }),
    ),
  );
}`;
    case 'callbacks':
      return `function run(tasks: Array<(done: (err: Error | null, value?: unknown) => void) => void>,
             callback: (err: Error | null, results?: unknown[]) => void) {
  const results: unknown[] = [];
  let pending = tasks.length;
  let failed = false;
  tasks.forEach((task, i) => {
    task((err, value) => {
      if (failed) return;
      if (err) { failed = true; return callback(err); }
      results[i] = value;
      if (--pending === 0) callback(null, results);
    });
  });
}`;
    case 'pool':
      return poolCode(strategy.concurrency, strategy.onFailure ?? 'stop-slot');
    case 'batch':
      return `async function run(${TASK}) {
  const size = ${strategy.size};
  const results: unknown[] = [];
  for (let i = 0; i < tasks.length; i += size) {
    const batch = tasks.slice(i, i + size);
    results.push(...(await Promise.all(batch.map((task) => task()))));
  }
  return results;
}`;
    case 'workers':
      return `import { Piscina } from 'piscina';

// The threads start before run() is timed, as the engine starts them before its clock.
// stricterFIFO: tasks start in order; by default piscina puts a task no thread was free for at the back.
const pool = new Piscina({ filename: './task.js', minThreads: ${strategy.threads}, maxThreads: ${strategy.threads}, stricterFIFO: true });

async function run(taskInputs: unknown[]) {
  // Each task runs on the first free worker thread: real parallelism for CPU-bound work.
  // Rejects at the first failure; the queued tasks still run on the threads, unobserved.
  return Promise.all(taskInputs.map((input) => pool.run(input)));
}

// Only once every task has ended: destroy() would reject the queued tasks before they ran.
async function close() {
  await pool.destroy();
}`;
  }
}
