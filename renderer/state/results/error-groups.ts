import type { TaskRecord } from '../../../shared/protocol/task-record';
import { kindOfCode, STATUS_BY_CODE } from '../../timeline/data/task-codes';
import type { TimelineData } from '../../timeline/data/timeline-data';
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

const ERROR_CODE = STATUS_BY_CODE.indexOf('error');
const TIMEOUT_CODE = STATUS_BY_CODE.indexOf('timeout');

/**
 * Failed and timed-out tasks grouped by message, most frequent first; read from the timeline's columns (no
 * object per task: a run of a million tasks is grouped in a few milliseconds).
 */
export function errorGroups(tasks: TimelineData): ErrorGroup[] {
  const groups = new Map<string, { count: number; kinds: Set<string>; statuses: Set<string>; sampleTasks: number[] }>();
  const statusCodes = tasks.status;
  for (let slot = 0; slot < tasks.count; slot++) {
    const code = statusCodes[slot]!;
    if (code !== ERROR_CODE && code !== TIMEOUT_CODE) continue;
    const task = { status: STATUS_BY_CODE[code] as TaskRecord['status'], kind: kindOfCode(tasks.kind[slot]!), index: tasks.taskIndex[slot]! };
    const message = failureMessage(tasks.error(slot), task.status);
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

/** What the results say of an orphaned task. */
export type OrphanedTask = Pick<TaskRecord, 'index' | 'status' | 'endMs'>;

/** Tasks that were still running after their strategy had settled (e.g. `Promise.all` failed fast), whatever their outcome. */
export function orphanedTasks(tasks: TimelineData): OrphanedTask[] {
  const orphans: OrphanedTask[] = [];
  for (let slot = 0; slot < tasks.count; slot++) {
    if (tasks.orphaned[slot] === 1) orphans.push({ index: tasks.taskIndex[slot]!, status: STATUS_BY_CODE[tasks.status[slot]!] as TaskRecord['status'], endMs: tasks.endMs[slot]! });
  }
  return orphans;
}
