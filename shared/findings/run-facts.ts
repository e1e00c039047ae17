import type { Span } from '../metrics/peak-overlap';
import type { FindingTask } from './finding-schema';
import type { Scenario, TaskGroup } from '../scenario';

/*
 * Facts about a run that several rules need: where each task's work runs, which tasks ran, and numbers
 * written the way a finding's sentence reads them.
 */

/** Where a task's work happens: on the one event loop, on the libuv thread pool, or elsewhere (a server, a timer). */
export type WorkPlace = 'loop' | 'threadpool' | 'elsewhere';

/** Loop-bound: CPU work, synchronous file calls and better-sqlite3; thread pool: async fs and pbkdf2. */
export function workPlace(group: TaskGroup): WorkPlace {
  switch (group.kind) {
    case 'cpu':
    case 'sqlite':
      return 'loop';
    case 'file-read':
    case 'file-write':
      return group.sync ? 'loop' : 'threadpool';
    case 'crypto':
      return 'threadpool';
    default:
      return 'elsewhere';
  }
}

/** The place of each task's work, by its group. */
export function placeOf(scenario: Scenario, task: Pick<FindingTask, 'group'>): WorkPlace {
  const group = scenario.tasks[task.group];
  return group === undefined ? 'elsewhere' : workPlace(group);
}

/** Tasks that started (a task that never started has `attempts: 0`). */
export function ranTasks<T extends Pick<FindingTask, 'attempts'>>(tasks: readonly T[]): T[] {
  return tasks.filter((task) => task.attempts > 0);
}

/** Tasks whose work overlapped `fromMs..toMs`. */
export function tasksDuring(tasks: readonly FindingTask[], fromMs: number, toMs: number): number[] {
  return ranTasks(tasks)
    .filter((task) => task.startMs < toMs && task.endMs > fromMs)
    .map((task) => task.index);
}

/** How long at least `level` spans were open at once, in ms (an end at the same time as a start does not overlap). */
export function timeAtOrAbove(spans: readonly Span[], level: number): number {
  // Starts and ends as two sorted typed arrays, merged with an end before a start at the same time: no object per
  // edge, which for a run of a million tasks would take hundreds of MB.
  const starts = new Float64Array(spans.length);
  const ends = new Float64Array(spans.length);
  spans.forEach((span, i) => {
    starts[i] = span.startMs;
    ends[i] = span.endMs;
  });
  starts.sort();
  ends.sort();
  let open = 0;
  let since = 0;
  let total = 0;
  let s = 0;
  let e = 0;
  while (s < starts.length || e < ends.length) {
    const isEnd = s === starts.length || (e < ends.length && ends[e]! <= starts[s]!);
    const atMs = isEnd ? ends[e++]! : starts[s++]!;
    if (open >= level) total += atMs - since;
    open += isEnd ? -1 : 1;
    since = atMs;
  }
  return total;
}

/** A number rounded for evidence: whole above 100, one decimal above 1, else two. */
export function rounded(value: number): number {
  if (Math.abs(value) >= 100) return Math.round(value);
  if (Math.abs(value) >= 1) return Math.round(value * 10) / 10;
  return Math.round(value * 100) / 100;
}

/** `12 ms`, `1.2 s`: a duration in a sentence. */
export function msText(ms: number): string {
  return ms >= 1000 ? `${rounded(ms / 1000)} s` : `${rounded(ms)} ms`;
}

/** `1 task`, `3 tasks`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
