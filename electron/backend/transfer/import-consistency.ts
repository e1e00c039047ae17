import type { RunExport } from '../../../shared/run/run-schema';
import type { Problem } from '../../../shared/validation/format-issues';
import { countFailures } from '../history/run-rows';

/** What the schema cannot see: tasks that contradict each other, their scenario or the run's counts. */
export function consistencyProblems({ run }: RunExport): Problem[] {
  const problems: Problem[] = [];
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
