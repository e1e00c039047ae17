import type { PoolOnFailure, Strategy, StrategyType } from '../scenario';

/** What the UI tells about one strategy: a name, one sentence, and the plain code it amounts to. */
export interface StrategyGuide {
  type: StrategyType;
  /** Short name for pickers: `Promise.all`, `Bounded pool`. */
  label: string;
  /** One sentence: what the strategy does and what follows from it. */
  summary: string;
  /** The size field of a sized strategy (`concurrency`, `size`, `threads`), with its unit for a form label. */
  size?: { field: 'concurrency' | 'size' | 'threads'; label: string; unit: string; default: number };
}

/** Every strategy, in the order a picker lists them. */
export const STRATEGY_GUIDES: readonly StrategyGuide[] = [
  {
    type: 'sequential',
    label: 'Sequential',
    summary: 'Awaits each task before starting the next, so the wall time is the sum of every task.',
  },
  {
    type: 'all',
    label: 'Promise.all',
    summary: 'Starts every task at once and rejects at the first failure, leaving the others running unobserved.',
  },
  {
    type: 'allSettled',
    label: 'Promise.allSettled',
    summary: 'Starts every task at once and waits for all of them, keeping each success and each failure.',
  },
  {
    type: 'race',
    label: 'Promise.race',
    summary: 'Starts every task at once and settles with whichever task settles first, success or failure.',
  },
  {
    type: 'any',
    label: 'Promise.any',
    summary: 'Starts every task at once and settles with the first success, failing only when every task fails.',
  },
  {
    type: 'callbacks',
    label: 'Callbacks',
    summary: 'The same work as Promise.all written with Node-style callbacks and a counter: different syntax, same behaviour.',
  },
  {
    type: 'structured',
    label: 'Structured (fail fast, cancel the rest)',
    summary:
      'Promise.all with an AbortController: starts every task at once, and the first failure aborts the others, which end cancelled instead of running on unobserved.',
  },
  {
    type: 'pool',
    label: 'Bounded pool',
    summary: 'Keeps at most N tasks in flight, starting the next one as soon as a slot frees up.',
    size: { field: 'concurrency', label: 'Concurrency', unit: 'tasks', default: 8 },
  },
  {
    type: 'batch',
    label: 'Batches',
    summary: 'Runs N tasks at once and waits for the whole batch before starting the next, so one slow task holds up its batch.',
    size: { field: 'size', label: 'Batch size', unit: 'tasks', default: 8 },
  },
  {
    type: 'workers',
    label: 'Worker threads',
    summary:
      'Runs tasks on N worker threads, so your own JavaScript (CPU work, synchronous I/O) runs in parallel on several cores, as the libuv pool already does, under every strategy, for the work Node hands it (crypto, file I/O, zlib).',
    size: { field: 'threads', label: 'Threads', unit: 'threads', default: 2 },
  },
];

/** What each `pool.onFailure` form does, in one sentence for the strategy picker. */
export const POOL_ON_FAILURE_SUMMARIES: Readonly<Record<PoolOnFailure, string>> = {
  'stop-slot': 'A failure ends its slot and rejects the pool at once; the other slots go on as orphans (hand-written worker loops).',
  reject: 'Every queued task still runs at full concurrency; the result rejects at the first failure (p-limit with Promise.all).',
  continue: 'Every task runs and the pool waits for all of them, keeping each failure (p-limit with Promise.allSettled).',
};

/** The guide of one strategy type. */
export function strategyGuide(type: StrategyType): StrategyGuide {
  const guide = STRATEGY_GUIDES.find((g) => g.type === type);
  if (guide === undefined) throw new Error(`no guide for strategy "${type}"`);
  return guide;
}

/** The strategy of `type` with its size field set to the guide's default (or kept from `previous`). */
export function defaultStrategy(type: StrategyType, previous?: Strategy): Strategy {
  const size = strategyGuide(type).size;
  if (size === undefined) return { type } as Strategy;
  const kept = previous !== undefined && size.field in previous ? (previous as Record<string, unknown>)[size.field] : undefined;
  return { type, [size.field]: typeof kept === 'number' ? kept : size.default } as Strategy;
}
