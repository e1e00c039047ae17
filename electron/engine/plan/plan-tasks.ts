import type { Scenario, TaskGroup } from '../../../shared/scenario';

/** One task of a run: a group's spec at a position in the expanded task list. */
export interface PlannedTask {
  /** Position in the expanded list (group by group, in scenario order). */
  readonly index: number;
  /** Index of the group in `scenario.tasks`. */
  readonly group: number;
  readonly spec: TaskGroup;
}

/** Expands the scenario's task groups into one entry per task, in scenario order. */
export function planTasks(scenario: Scenario): PlannedTask[] {
  const tasks: PlannedTask[] = [];
  scenario.tasks.forEach((spec, group) => {
    for (let i = 0; i < spec.count; i += 1) tasks.push({ index: tasks.length, group, spec });
  });
  return tasks;
}
