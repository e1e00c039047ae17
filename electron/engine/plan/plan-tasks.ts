import type { Scenario, TaskGroup } from '../../../shared/scenario';

/** One task of a run: a group's spec at a position in the expanded task list. */
export interface PlannedTask {
  /** Position in the expanded list (group by group, in scenario order). */
  readonly index: number;
  /** Index of the group in `scenario.tasks`. */
  readonly group: number;
  readonly spec: TaskGroup;
}

/**
 * The scenario's task groups expanded into one task per position, group by group in scenario order. A task is
 * made when asked for, not kept: a run of a million tasks would otherwise hold a million objects for nothing.
 */
export class TaskPlan {
  readonly count: number;
  readonly #groups: readonly TaskGroup[];
  /** Where each group's tasks end (exclusive), in order. */
  readonly #groupEnds: number[] = [];

  constructor(scenario: Scenario) {
    this.#groups = scenario.tasks;
    let end = 0;
    for (const group of scenario.tasks) {
      end += group.count;
      this.#groupEnds.push(end);
    }
    this.count = end;
  }

  /** The index of the group task `index` belongs to (binary search over the groups' ends). */
  groupOf(index: number): number {
    let low = 0;
    let high = this.#groupEnds.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (index < (this.#groupEnds[middle] ?? 0)) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  /** Task `index`; throws a RangeError when the run has no such task. */
  task(index: number): PlannedTask {
    if (!(index >= 0 && index < this.count)) throw new RangeError(`no task ${index}`);
    const group = this.groupOf(index);
    const spec = this.#groups[group];
    if (spec === undefined) throw new RangeError(`no task ${index}`);
    return { index, group, spec };
  }

  /** Calls `visit` once per group with the range of its tasks' indexes (`from` inclusive, `to` exclusive). */
  forEachGroup(visit: (spec: TaskGroup, group: number, from: number, to: number) => void): void {
    let from = 0;
    this.#groups.forEach((spec, group) => {
      const to = this.#groupEnds[group] ?? from;
      visit(spec, group, from, to);
      from = to;
    });
  }
}
