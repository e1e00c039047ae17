import type { RunExport } from '../../../shared/run/run-schema';
import type { TaskRecord } from '../../../shared/protocol/task-record';
import type { RuntimeTrace } from '../../../shared/runtime/runtime-slices';
import type { Problem } from '../../../shared/validation/format-issues';
import { isFailure } from '../../../shared/metrics/compute-metrics';

/** The task groups of a scenario as far as the checks need them. */
export type TaskGroups = readonly { kind: string }[];

/**
 * Where each task index was first seen. Indexes of a real run are 0..n-1, so they live in a typed array (4 bytes a
 * task, not a Map entry's tens); an index far beyond the tasks seen so far goes to a Map instead of growing it.
 */
class FirstPositions {
  #dense = new Int32Array(1024);
  readonly #sparse = new Map<number, number>();

  /** The position the index was first seen at, or undefined after noting `position` as its first. */
  seen(index: number, position: number): number | undefined {
    if (index < this.#dense.length || index < 2 * position + 1024) {
      if (index >= this.#dense.length) {
        const grown = new Int32Array(Math.max(index + 1, 2 * this.#dense.length));
        grown.set(this.#dense);
        this.#dense = grown;
      }
      const at = this.#dense[index]!;
      if (at === 0) this.#dense[index] = position + 1;
      return at === 0 ? undefined : at - 1;
    }
    const at = this.#sparse.get(index);
    if (at === undefined) this.#sparse.set(index, position);
    return at;
  }
}

/**
 * What the schema cannot see: tasks that contradict each other, their scenario or the run's counts. Fed one task at
 * a time (a run of any size), then finished with the rest of the file.
 */
export class ConsistencyCheck {
  readonly #report: (problem: Problem) => void;
  readonly #first = new FirstPositions();
  /**
   * Tasks read before the scenario (the app's own exports write the tasks first), checked at the end: as runs of
   * consecutive tasks of one group and kind, a handful for a run of millions (its tasks go group by group).
   */
  readonly #unplaced: { from: number; to: number; group: number; kind: string }[] = [];
  #failures = 0;
  #count = 0;

  constructor(report: (problem: Problem) => void) {
    this.#report = report;
  }

  /** Tasks checked so far. */
  get count(): number {
    return this.#count;
  }

  /** Tasks checked so far whose own outcome is a failure (the run's `failures`). */
  get failures(): number {
    return this.#failures;
  }

  /** Checks the `i`th task; `groups` are the scenario's task groups, or null when the file has not said them yet. */
  task(task: TaskRecord, i: number, groups: TaskGroups | null): void {
    this.#count += 1;
    if (isFailure(task.status)) this.#failures += 1;
    const seen = this.#first.seen(task.index, i);
    if (seen !== undefined) this.#report({ path: `run.tasks[${i}].index`, message: `repeats the index of run.tasks[${seen}], got ${task.index}` });
    if (task.endMs < task.startMs) {
      this.#report({ path: `run.tasks[${i}].endMs`, message: `must not be before startMs (${task.startMs}), got ${task.endMs}` });
    }
    if (groups !== null) this.#groupCheck(i, task.group, task.kind, groups);
    else {
      const last = this.#unplaced.at(-1);
      if (last !== undefined && last.to === i && last.group === task.group && last.kind === task.kind) last.to = i + 1;
      else this.#unplaced.push({ from: i, to: i + 1, group: task.group, kind: task.kind });
    }
  }

  /** The checks that need the whole file: the scenario for tasks read before it, the counts, the runtime tracks. */
  finish({ run, runtime }: RunExport): void {
    for (const { from, to, group, kind } of this.#unplaced) for (let i = from; i < to; i++) this.#groupCheck(i, group, kind, run.scenario.tasks);
    if (runtime !== undefined) runtimeProblems(runtime, this.#count).forEach(this.#report);
    if (run.failures !== this.#failures) {
      this.#report({ path: 'run.failures', message: `must equal the number of tasks that ended error, timeout or cancelled (${this.#failures}), got ${run.failures}` });
    }
    if (run.metrics !== null && run.metrics.tasks !== this.#count) {
      this.#report({ path: 'run.metrics.tasks', message: `must equal the number of tasks in the file (${this.#count}), got ${run.metrics.tasks}` });
    }
  }

  #groupCheck(i: number, index: number, kind: string, groups: TaskGroups): void {
    const group = groups[index];
    if (group === undefined) {
      this.#report({ path: `run.tasks[${i}].group`, message: `must be a task group of the scenario (0 to ${groups.length - 1}), got ${index}` });
    } else if (group.kind !== kind) {
      this.#report({ path: `run.tasks[${i}].kind`, message: `must be "${group.kind}" like task group ${index}, got "${kind}"` });
    }
  }
}

/** Runtime slices must end after they start and name tasks of the run. */
function runtimeProblems(runtime: RuntimeTrace, taskCount: number): Problem[] {
  const problems: Problem[] = [];
  for (const track of ['loop', 'threadpool', 'workers'] as const) {
    runtime[track].forEach((slice: { startMs: number; endMs: number; task: number | null }, i) => {
      if (slice.endMs < slice.startMs) problems.push({ path: `runtime.${track}[${i}].endMs`, message: `must not be before startMs (${slice.startMs}), got ${slice.endMs}` });
      if (slice.task !== null && slice.task >= taskCount) {
        problems.push({ path: `runtime.${track}[${i}].task`, message: `must be the index of a task of the run (0 to ${taskCount - 1}) or null, got ${slice.task}` });
      }
    });
  }
  return problems;
}
