import type { TaskKind } from '../../../shared/scenario';
import { RUNNING_CODE, kindOfCode, statusOfCode, type TimelineStatus } from './task-codes';
import type { TimelineData } from './timeline-data';

/** One task as the tooltip, the details panel and the table show it. */
export interface TaskInfo {
  /** Position in `TimelineData`'s arrays. */
  readonly slot: number;
  /** The task's index in the run. */
  readonly index: number;
  readonly kind: TaskKind;
  readonly group: number;
  readonly groupLabel: string;
  readonly lane: number;
  /** The lane as the timeline names it ("Slot 3", "Worker 2"). */
  readonly laneLabel: string;
  readonly queuedMs: number;
  readonly startMs: number;
  /** null while the task runs. */
  readonly endMs: number | null;
  /** Start to end, or start to the run's latest time while the task runs. */
  readonly durationMs: number;
  /** Queued to start. */
  readonly waitMs: number;
  readonly status: TimelineStatus;
  /** It ended after its strategy settled. */
  readonly orphaned: boolean;
  /**
   * How long the finished task's result waited for the event loop before the strategy heard of it
   * (`observedMs - endMs`); 0 while it runs.
   */
  readonly deliveryDelayMs: number;
  readonly error: string | null;
  readonly attempts: number;
}

/**
 * A result that waited at least this long for the event loop is worth showing (a tail on the timeline, a
 * line in the details); below it, the wait is the ordinary cost of a few promise reactions.
 */
export const DELIVERY_GAP_SHOWN_MS = 2;

/** The label of task group `group`: the scenario's label when it has one. */
function groupLabelOf(group: number, groupLabels: readonly string[]): string {
  return groupLabels[group] ?? `group ${group}`;
}

/** How lanes are named when nobody says otherwise: by their number in the records. */
export function defaultLaneLabel(lane: number): string {
  return `Lane ${lane}`;
}

/** Reads one slot out of the arrays into a plain object (for a handful of tasks, never in a drawing loop). */
export function describeTask(
  data: TimelineData,
  slot: number,
  groupLabels: readonly string[] = [],
  laneLabel: (lane: number) => string = defaultLaneLabel,
): TaskInfo {
  if (!Number.isInteger(slot) || slot < 0 || slot >= data.count) {
    throw new RangeError(`slot: must be a whole number from 0 to ${data.count - 1}, got ${slot}`);
  }
  const running = data.status[slot] === RUNNING_CODE;
  const startMs = data.startMs[slot]!;
  const queuedMs = data.queuedMs[slot]!;
  const endMs = running ? null : data.endMs[slot]!;
  const group = data.group[slot]!;
  const lane = data.lane[slot]!;
  return {
    slot,
    index: data.taskIndex[slot]!,
    kind: kindOfCode(data.kind[slot]!),
    group,
    groupLabel: groupLabelOf(group, groupLabels),
    lane,
    laneLabel: laneLabel(lane),
    queuedMs,
    startMs,
    endMs,
    durationMs: Math.max(0, (endMs ?? data.nowMs) - startMs),
    waitMs: Math.max(0, startMs - queuedMs),
    status: statusOfCode(data.status[slot]!),
    orphaned: data.orphaned[slot] === 1,
    deliveryDelayMs: endMs === null ? 0 : Math.max(0, data.observedMs[slot]! - endMs),
    error: data.error(slot),
    attempts: data.attempts[slot]!,
  };
}
