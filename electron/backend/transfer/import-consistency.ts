import type { RunExport } from '../../../shared/run/run-schema';
import type { RuntimeTrace } from '../../../shared/runtime/runtime-slices';
import type { Problem } from '../../../shared/validation/format-issues';
import { countFailures } from '../history/run-rows';

/** What the schema cannot see: tasks that contradict each other, their scenario or the run's counts. */
export function consistencyProblems({ run, runtime }: RunExport): Problem[] {
  const problems: Problem[] = runtime === undefined ? [] : runtimeProblems(runtime, run.tasks.length);
  const firstAt = new Map<number, number>();
  const groups = run.scenario.tasks;
  run.tasks.forEach((task, i) => {
    const seen = firstAt.get(task.index);
    if (seen === undefined) firstAt.set(task.index, i);
    else problems.push({ path: `run.tasks[${i}].index`, message: `repeats the index of run.tasks[${seen}], got ${task.index}` });
    if (task.endMs < task.startMs) {
      problems.push({ path: `run.tasks[${i}].endMs`, message: `must not be before startMs (${task.startMs}), got ${task.endMs}` });
    }
    const group = groups[task.group];
    if (group === undefined) {
      problems.push({ path: `run.tasks[${i}].group`, message: `must be a task group of the scenario (0 to ${groups.length - 1}), got ${task.group}` });
    } else if (group.kind !== task.kind) {
      problems.push({ path: `run.tasks[${i}].kind`, message: `must be "${group.kind}" like task group ${task.group}, got "${task.kind}"` });
    }
  });
  const failures = countFailures(run.tasks);
  if (run.failures !== failures) {
    problems.push({ path: 'run.failures', message: `must equal the number of tasks that ended error, timeout or cancelled (${failures}), got ${run.failures}` });
  }
  if (run.metrics !== null && run.metrics.tasks !== run.tasks.length) {
    problems.push({ path: 'run.metrics.tasks', message: `must equal the number of tasks in the file (${run.tasks.length}), got ${run.metrics.tasks}` });
  }
  return problems;
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
