import type { TaskRecord } from '../../../shared/protocol/task-record';
import { failureMessage } from '../../timeline/table/task-query';

/** The failed tasks that share one error message. */
export interface ErrorGroup {
  message: string;
  count: number;
  /** Task kinds that failed with it, sorted. */
  kinds: string[];
  /** `error`, `timeout`, or both. */
  statuses: string[];
  /** The first few task indexes, to find them on the timeline. */
  sampleTasks: number[];
}

const SAMPLE_TASKS = 5;

/** Failed and timed-out tasks grouped by message, most frequent first. */
export function errorGroups(tasks: readonly TaskRecord[]): ErrorGroup[] {
  const groups = new Map<string, { count: number; kinds: Set<string>; statuses: Set<string>; sampleTasks: number[] }>();
  for (const task of tasks) {
    if (task.status !== 'error' && task.status !== 'timeout') continue;
    const message = failureMessage(task.error, task.status);
    let group = groups.get(message);
    if (group === undefined) {
      group = { count: 0, kinds: new Set(), statuses: new Set(), sampleTasks: [] };
      groups.set(message, group);
    }
    group.count++;
    group.kinds.add(task.kind);
    group.statuses.add(task.status);
    if (group.sampleTasks.length < SAMPLE_TASKS) group.sampleTasks.push(task.index);
  }
  return [...groups.entries()]
    .map(([message, g]) => ({ message, count: g.count, kinds: [...g.kinds].sort(), statuses: [...g.statuses].sort(), sampleTasks: g.sampleTasks }))
    .sort((a, b) => b.count - a.count || a.message.localeCompare(b.message));
}

/**
 * The `max` most frequent groups, and how many messages and tasks the rest hold. Messages that name their task
 * (a path, a request number) make a group each: a table of thousands of them is slow to draw and read by nobody.
 */
export function topErrorGroups(groups: readonly ErrorGroup[], max: number): { shown: ErrorGroup[]; more: { messages: number; tasks: number } } {
  const rest = groups.slice(max);
  return { shown: groups.slice(0, max), more: { messages: rest.length, tasks: rest.reduce((sum, group) => sum + group.count, 0) } };
}

/** Tasks that were still running after their strategy had settled (e.g. `Promise.all` failed fast), whatever their outcome. */
export function orphanedTasks(tasks: readonly TaskRecord[]): TaskRecord[] {
  return tasks.filter((t) => t.orphaned);
}
