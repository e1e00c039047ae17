import type { Strategy as StrategySpec } from '../../../shared/scenario';
import { batch, pool, sequential, workers } from './bounded';
import { all, allSettled, any, callbacks, race, structured } from './all-at-once';
import type { Strategy } from './strategy-run';

/** The strategy that schedules tasks as `spec` says. */
export function strategyFor(spec: StrategySpec): Strategy {
  switch (spec.type) {
    case 'sequential':
      return sequential;
    case 'all':
      return all;
    case 'allSettled':
      return allSettled;
    case 'race':
      return race;
    case 'any':
      return any;
    case 'callbacks':
      return callbacks;
    case 'structured':
      return structured;
    case 'pool':
      return pool(spec.concurrency, spec.onFailure);
    case 'batch':
      return batch(spec.size);
    case 'workers':
      return workers(spec.threads);
  }
}

/** How many lanes (timeline rows) a strategy uses for `count` tasks. */
export function laneCount(spec: StrategySpec, count: number): number {
  switch (spec.type) {
    case 'sequential':
      return 1;
    case 'pool':
      return Math.max(1, Math.min(spec.concurrency, count));
    case 'batch':
      return Math.max(1, Math.min(spec.size, count));
    case 'workers':
      return Math.max(1, Math.min(spec.threads, count));
    default:
      return Math.max(1, count);
  }
}
