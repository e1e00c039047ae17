import type { Strategy } from './strategy';

/**
 * What one timeline row is for this strategy: a pool slot, a worker thread, a place in a batch, or one task
 * (`#0`, numbered as tasks are everywhere). The app's lanes and the Chrome trace's threads use the same names.
 */
export function laneLabeller(strategy: Strategy): (lane: number) => string {
  switch (strategy.type) {
    case 'pool':
      return (lane) => `Slot ${lane + 1}`;
    case 'workers':
      return (lane) => `Worker ${lane + 1}`;
    case 'batch':
      return (lane) => `Batch place ${lane + 1}`;
    case 'sequential':
      return () => 'Main loop';
    default:
      return (lane) => `Task #${lane}`;
  }
}
