import { RUNNING_CODE, statusCode } from './task-codes';
import type { TimelineData } from './timeline-data';

const FAILED_CODES = new Set([statusCode('error'), statusCode('timeout')]);

/** What happened in a time range of a run, like Perfetto's area selection. */
export interface RangeTotals {
  readonly startMs: number;
  readonly endMs: number;
  /** Tasks whose start lies in the range. */
  readonly started: number;
  /** Tasks whose end lies in the range (running tasks have none yet). */
  readonly ended: number;
  /** Of those, the ones that failed or timed out. */
  readonly failed: number;
  /** Task time inside the range, summed over every task (a running task counts up to the run's latest time). */
  readonly busyMs: number;
  /** `busyMs` over the range's length: how many tasks were in flight on average. */
  readonly meanInFlight: number;
}

/**
 * The totals of `startMs`..`endMs` (either order; clamped to nothing below 0), in one pass over the typed
 * arrays: cost follows the task count, with no object per task.
 */
export function rangeTotals(data: TimelineData, fromMs: number, toMs: number): RangeTotals {
  const startMs = Math.max(0, Math.min(fromMs, toMs));
  const endMs = Math.max(0, fromMs, toMs);
  const starts = data.startMs;
  const ends = data.endMs;
  const status = data.status;
  const now = data.nowMs;
  let started = 0;
  let ended = 0;
  let failed = 0;
  let busyMs = 0;
  for (let slot = 0; slot < data.count; slot++) {
    const start = starts[slot]!;
    const running = status[slot] === RUNNING_CODE;
    const end = running ? now : ends[slot]!;
    if (start >= startMs && start <= endMs) started++;
    if (!running && end >= startMs && end <= endMs) {
      ended++;
      if (FAILED_CODES.has(status[slot]!)) failed++;
    }
    const overlap = Math.min(end, endMs) - Math.max(start, startMs);
    if (overlap > 0) busyMs += overlap;
  }
  const lengthMs = endMs - startMs;
  return { startMs, endMs, started, ended, failed, busyMs, meanInFlight: lengthMs > 0 ? busyMs / lengthMs : 0 };
}
