import type { Scenario } from '../../../shared/scenario';
import { KIND_LABELS } from '../../state/editor/task-fields';

/** The scenario's group names for the timeline: the label when set, else the kind. */
export function groupLabels(scenario: Scenario): string[] {
  return scenario.tasks.map((group, i) => group.label ?? `${i + 1}. ${KIND_LABELS[group.kind]}`);
}
