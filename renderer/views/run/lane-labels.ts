import type { Scenario } from '../../../shared/scenario';
import { KIND_LABELS } from '../../state/editor/task-fields';

/** What one timeline row is for this strategy: a pool slot, a worker thread, a place in a batch, or one task. */
export function laneLabeller(strategy: Scenario['strategy']): (lane: number) => string {
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
      return (lane) => `Task ${lane + 1}`;
  }
}

/** The scenario's group names for the timeline: the label when set, else the kind. */
export function groupLabels(scenario: Scenario): string[] {
  return scenario.tasks.map((group, i) => group.label ?? `${i + 1}. ${KIND_LABELS[group.kind]}`);
}
