import type { FindingColumns } from './finding-schema';
import { MAX_FINDING_TASKS } from './thresholds';
import type { Scenario, TaskGroup } from '../scenario';

/*
 * Facts about a run that several rules need: where each task's work runs, which tasks ran (read from the task
 * columns entry by entry), and numbers written the way a finding's sentence reads them.
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
export function placeOf(scenario: Scenario, task: { group: number }): WorkPlace {
  const group = scenario.tasks[task.group];
  return group === undefined ? 'elsewhere' : workPlace(group);
}

/** The place of each group's work, by group index, for a rule that asks it of every task. */
export function groupPlaces(scenario: Scenario): WorkPlace[] {
  return scenario.tasks.map(workPlace);
}

/** The place of the work of the task at entry `i`. */
export function placeAt(places: readonly WorkPlace[], tasks: FindingColumns, i: number): WorkPlace {
  return places[tasks.group[i]!] ?? 'elsewhere';
}

/** Entries of the tasks for which `keep` holds, in index order. */
export function entriesWhere(tasks: FindingColumns, keep: (i: number) => boolean): Uint32Array {
  const entries = new Uint32Array(tasks.count);
  let n = 0;
  for (let i = 0; i < tasks.count; i++) if (keep(i)) entries[n++] = i;
  return entries.slice(0, n);
}

/** Whether the task at entry `i` started (a task that never started has `attempts: 0`). */
export function ran(tasks: FindingColumns, i: number): boolean {
  return tasks.attempts[i]! > 0;
}

/** The indexes of the tasks at `entries`, the first `MAX_FINDING_TASKS` of them: what a finding lists. */
export function listedIndexes(tasks: FindingColumns, entries: Uint32Array): number[] {
  return Array.from(entries.subarray(0, MAX_FINDING_TASKS), (i) => tasks.index[i]!);
}

/** The starts and ends of the tasks at `entries`, as two new columns. */
export function spansAt(tasks: FindingColumns, entries: Uint32Array): { starts: Float64Array; ends: Float64Array } {
  const starts = new Float64Array(entries.length);
  const ends = new Float64Array(entries.length);
  entries.forEach((i, at) => {
    starts[at] = tasks.startMs[i]!;
    ends[at] = tasks.endMs[i]!;
  });
  return { starts, ends };
}

/**
 * How long at least `level` spans were open at once, in ms (an end at the same time as a start does not overlap),
 * of spans given as columns (entry `i` of each is one span); the arrays are sorted in place.
 */
export function timeAtOrAbove(starts: Float64Array, ends: Float64Array, level: number): number {
  // Starts and ends as two sorted typed arrays, merged with an end before a start at the same time: no object per
  // edge, which for a run of a million tasks would take hundreds of MB.
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
