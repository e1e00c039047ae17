import { z } from 'zod';
import { wholeNumber } from '../validation/numbers';
import { MAX_CONCURRENCY, MAX_WORKER_THREADS } from './limits';

/**
 * What a failed task does to a pool (absent means `stop-slot`):
 * - `stop-slot`: hand-written worker loops under `Promise.all`: the failure ends its slot and rejects the pool,
 *   the other slots carry on unobserved (orphans), one slot fewer for each failure;
 * - `reject`: p-limit with `Promise.all`: every queued task still runs at full concurrency, the aggregate
 *   rejects at the first failure (what runs after it is orphaned);
 * - `continue`: p-limit with `Promise.allSettled`: every task runs and the run waits for all of them.
 */
export const PoolOnFailureSchema = z.enum(['stop-slot', 'reject', 'continue']);
export type PoolOnFailure = z.output<typeof PoolOnFailureSchema>;
export const POOL_ON_FAILURE: readonly PoolOnFailure[] = PoolOnFailureSchema.options;

/** How the tasks are scheduled. */
export const StrategySchema = z.discriminatedUnion('type', [
  /** One after another: `for (const t of tasks) await t()`. */
  z.strictObject({ type: z.literal('sequential') }),
  /** `Promise.all`: everything at once, fails fast on the first error. */
  z.strictObject({ type: z.literal('all') }),
  /** `Promise.allSettled`: everything at once, every result kept. */
  z.strictObject({ type: z.literal('allSettled') }),
  /** `Promise.race`: settles with the first task to settle. */
  z.strictObject({ type: z.literal('race') }),
  /** `Promise.any`: settles with the first success. */
  z.strictObject({ type: z.literal('any') }),
  /** The same work as `all`, orchestrated with Node-style callbacks and a counter. */
  z.strictObject({ type: z.literal('callbacks') }),
  /**
   * Structured concurrency: `Promise.all` plus an `AbortController` whose signal every task gets; the first
   * failure aborts it, so the tasks still running end `cancelled` instead of running on as orphans.
   */
  z.strictObject({ type: z.literal('structured') }),
  /** A bounded pool: never more than `concurrency` tasks in flight; `onFailure` says what a failure does to it. */
  z.strictObject({ type: z.literal('pool'), concurrency: wholeNumber(1, MAX_CONCURRENCY), onFailure: PoolOnFailureSchema.optional() }),
  /** Batches of `size`: each batch runs at once, the next starts when the whole batch is done. */
  z.strictObject({ type: z.literal('batch'), size: wholeNumber(1, MAX_CONCURRENCY) }),
  /** `threads` worker threads: real parallelism for CPU-bound work. */
  z.strictObject({ type: z.literal('workers'), threads: wholeNumber(1, MAX_WORKER_THREADS) }),
]);

export type Strategy = z.output<typeof StrategySchema>;
export type StrategyType = Strategy['type'];
export const STRATEGY_TYPES = StrategySchema.options.map((o) => o.shape.type.value) as readonly StrategyType[];
