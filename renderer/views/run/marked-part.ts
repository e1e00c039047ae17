import type { TimelineData } from '../../timeline/data/timeline-data';
import type { TimeWindow } from '../../timeline/state/view-window';

/** A part of a run to point out on its timeline: some tasks (by index in the run) and a time range (ms from its start). */
export interface MarkedPart {
  tasks?: readonly number[];
  fromMs?: number;
  toMs?: number;
}

/** The timeline's highlight mask (one byte per slot, 1 = stands out) for tasks given by their index in the run. */
export function markedTasks(timeline: TimelineData, tasks: readonly number[]): Uint8Array {
  const mask = new Uint8Array(timeline.count);
  for (const task of tasks) {
    const slot = timeline.slotOfTask(task);
    if (slot >= 0 && slot < mask.length) mask[slot] = 1;
  }
  return mask;
}

/** The part's time range, up to the run's end when it has only a start; null when it has none or it is empty. */
export function markedWindow(part: MarkedPart, runEndMs: number): TimeWindow | null {
  if (part.fromMs === undefined) return null;
  const endMs = part.toMs ?? runEndMs;
  return endMs > part.fromMs ? { startMs: part.fromMs, endMs } : null;
}
