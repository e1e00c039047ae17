import { STATUS_BY_CODE, kindCode, kindOfCode, statusCode, statusOfCode, type TimelineStatus } from '../data/task-codes';
import type { TimelineData } from '../data/timeline-data';
import type { TaskKind } from '../../../shared/scenario';

/** The statuses that count as "did not end ok" (every final status but `ok`). */
const NOT_OK_CODES = new Set(STATUS_BY_CODE.flatMap((status, code) => (status === 'ok' || status === 'running' ? [] : [code])));

/** A status to filter by: one status, every one that did not end ok, or the tasks orphaned whatever their outcome. */
export type StatusFilter = TimelineStatus | 'not-ok' | 'orphaned';

/** Which tasks the table lists and the timeline highlights. Empty text and null mean "any". */
export interface TaskFilterValues {
  readonly kind: TaskKind | null;
  readonly status: StatusFilter | null;
  /** Part of the error message, any case. */
  readonly errorText: string;
  /** `#12` or `12` finds task index 12; other text finds tasks whose group or lane label contains it. */
  readonly search: string;
}

/** The table's columns, each sortable. */
export const SORT_COLUMNS = ['task', 'kind', 'group', 'lane', 'queued', 'start', 'end', 'took', 'status', 'error'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

export interface TaskSort {
  readonly column: SortColumn;
  readonly descending: boolean;
}

/** How labels are read: the scenario's group labels and the timeline's lane names. */
export interface TaskLabels {
  readonly groupLabels: readonly string[];
  readonly laneLabel: (lane: number) => string;
}

/** The message a failed task is listed under: its error, or what stands in for a missing one. */
export function failureMessage(error: string | null, status: TimelineStatus): string {
  if (error !== null) return error;
  if (status === 'timeout') return 'timed out';
  return status === 'error' ? 'failed without a message' : '';
}

/** True when the filter lets every task through. */
export function isEmptyFilter(filter: TaskFilterValues): boolean {
  return filter.kind === null && filter.status === null && filter.errorText.trim() === '' && filter.search.trim() === '';
}

/**
 * One byte per slot, 1 for the tasks `filter` lets through, in one pass over the typed arrays (labels and
 * messages are looked at once per group, lane and task with an error, never as an object per task).
 * Null when the filter is empty: every task matches.
 */
export function matchMask(data: TimelineData, filter: TaskFilterValues, labels: TaskLabels): Uint8Array | null {
  if (isEmptyFilter(filter)) return null;
  const count = data.count;
  const mask = new Uint8Array(count).fill(1);
  const { kind, status, lane, group, taskIndex } = data;
  if (filter.kind !== null) {
    const code = kindCode(filter.kind);
    for (let slot = 0; slot < count; slot++) if (kind[slot] !== code) mask[slot] = 0;
  }
  if (filter.status === 'orphaned') {
    const orphaned = data.orphaned;
    for (let slot = 0; slot < count; slot++) if (orphaned[slot] !== 1) mask[slot] = 0;
  } else if (filter.status !== null) {
    const wanted = filter.status === 'not-ok' ? NOT_OK_CODES : new Set([statusCode(filter.status)]);
    for (let slot = 0; slot < count; slot++) if (!wanted.has(status[slot]!)) mask[slot] = 0;
  }
  const errorText = filter.errorText.trim().toLowerCase();
  if (errorText !== '') {
    for (let slot = 0; slot < count; slot++) {
      if (mask[slot] === 0) continue;
      const message = failureMessage(data.error(slot), statusOfCode(status[slot]!));
      if (!message.toLowerCase().includes(errorText)) mask[slot] = 0;
    }
  }
  const search = filter.search.trim();
  if (search !== '') {
    const index = /^#?(\d+)$/.exec(search);
    if (index !== null) {
      const wanted = Number(index[1]);
      for (let slot = 0; slot < count; slot++) if (taskIndex[slot] !== wanted) mask[slot] = 0;
    } else {
      const text = search.toLowerCase();
      const groupHit = labels.groupLabels.map((label) => label.toLowerCase().includes(text));
      const laneHit = new Uint8Array(data.laneCount);
      for (let l = 0; l < data.laneCount; l++) laneHit[l] = labels.laneLabel(l).toLowerCase().includes(text) ? 1 : 0;
      for (let slot = 0; slot < count; slot++) if (!groupHit[group[slot]!] && laneHit[lane[slot]!] === 0) mask[slot] = 0;
    }
  }
  return mask;
}

/**
 * The slots the table lists, in order: those `mask` lets through (all when null), sorted by `sort` (slot
 * order when null, ties in slot order too). Null when that is every slot in slot order, so that nothing is
 * built for the common case. Sorting keys are numbers in a typed array; text columns sort by the rank of
 * their distinct values.
 */
export function orderedSlots(data: TimelineData, mask: Uint8Array | null, sort: TaskSort | null, labels: TaskLabels): Uint32Array | null {
  if (mask === null && sort === null) return null;
  const slots = maskedSlots(data.count, mask);
  if (sort === null) return slots;
  const key = sortKeys(data, sort.column, labels);
  const sign = sort.descending ? -1 : 1;
  return slots.sort((a, b) => sign * (key[a]! - key[b]!) || a - b);
}

function maskedSlots(count: number, mask: Uint8Array | null): Uint32Array {
  if (mask === null) return Uint32Array.from({ length: count }, (_, slot) => slot);
  let matched = 0;
  for (let slot = 0; slot < count; slot++) matched += mask[slot]!;
  const slots = new Uint32Array(matched);
  let next = 0;
  for (let slot = 0; slot < count; slot++) if (mask[slot] === 1) slots[next++] = slot;
  return slots;
}

/** A number per slot that orders the slots as `column` does; a running task's end sorts after every end. */
function sortKeys(data: TimelineData, column: SortColumn, labels: TaskLabels): Float64Array {
  const count = data.count;
  const key = new Float64Array(count);
  const { startMs, endMs, queuedMs } = data;
  switch (column) {
    case 'task':
      return Float64Array.from(data.taskIndex.subarray(0, count));
    case 'queued':
      return Float64Array.from(queuedMs.subarray(0, count));
    case 'start':
      return Float64Array.from(startMs.subarray(0, count));
    case 'end':
      return Float64Array.from(endMs.subarray(0, count));
    case 'took':
      for (let slot = 0; slot < count; slot++) key[slot] = Math.min(endMs[slot]!, data.nowMs) - startMs[slot]!;
      return key;
    case 'lane':
      return Float64Array.from(data.lane.subarray(0, count));
    case 'kind':
      return rankedBy(count, data.kind, (code) => kindOfCode(code));
    case 'status':
      return rankedBy(count, data.status, (code) => statusOfCode(code));
    case 'group':
      return rankedBy(count, data.group, (group) => labels.groupLabels[group] ?? `group ${group}`);
    case 'error': {
      const messages = new Map<string, number>();
      const slotMessage: string[] = new Array<string>(count);
      for (let slot = 0; slot < count; slot++) {
        const message = data.error(slot) ?? '';
        slotMessage[slot] = message;
        messages.set(message, 0);
      }
      const ranks = rankOf([...messages.keys()]);
      for (let slot = 0; slot < count; slot++) key[slot] = ranks.get(slotMessage[slot]!)!;
      return key;
    }
  }
}

/** Keys from small integer codes, ranked by the text each code stands for. */
function rankedBy(count: number, codes: ArrayLike<number>, text: (code: number) => string): Float64Array {
  const distinct = new Map<number, string>();
  for (let slot = 0; slot < count; slot++) if (!distinct.has(codes[slot]!)) distinct.set(codes[slot]!, text(codes[slot]!));
  const ranks = rankOf([...distinct.values()]);
  const key = new Float64Array(count);
  for (let slot = 0; slot < count; slot++) key[slot] = ranks.get(distinct.get(codes[slot]!)!)!;
  return key;
}

function rankOf(values: string[]): Map<string, number> {
  const sorted = [...new Set(values)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return new Map(sorted.map((value, rank) => [value, rank]));
}
