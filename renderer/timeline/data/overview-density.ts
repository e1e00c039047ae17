import { RUNNING_CODE, statusCode } from './task-codes';
import type { TimelineData } from './timeline-data';
import type { TimeWindow } from '../state/view-window';

const FAILED_CODES = new Set([statusCode('error'), statusCode('timeout')]);

/** A whole run squeezed into `columns` pixel columns: tasks in flight per column, and where failures ended. */
export interface OverviewDensity {
  /** Tasks whose span touches each column. */
  readonly inFlight: Float64Array;
  /** 1 where a task failed or timed out within the column. */
  readonly failures: Uint8Array;
  /** The highest `inFlight`, to scale the columns by. */
  readonly peak: number;
}

/**
 * Buckets every task of `data` over `bounds` into `columns` columns in one pass over the typed arrays (a
 * difference array: +1 at a task's first column, -1 past its last), so the cost is tasks + columns.
 */
export function overviewDensity(data: TimelineData, bounds: TimeWindow, columns: number): OverviewDensity {
  const width = Math.max(1, Math.floor(columns));
  const diff = new Float64Array(width + 1);
  const failures = new Uint8Array(width);
  const perMs = width / Math.max(1e-9, bounds.endMs - bounds.startMs);
  const column = (ms: number) => Math.max(0, Math.min(width - 1, Math.floor((ms - bounds.startMs) * perMs)));
  const { startMs, endMs, status } = data;
  for (let slot = 0; slot < data.count; slot++) {
    const code = status[slot]!;
    const end = code === RUNNING_CODE ? data.nowMs : endMs[slot]!;
    const last = column(end);
    diff[column(startMs[slot]!)]! += 1;
    diff[last + 1]! -= 1;
    if (FAILED_CODES.has(code)) failures[last] = 1;
  }
  const inFlight = new Float64Array(width);
  let running = 0;
  let peak = 0;
  for (let c = 0; c < width; c++) {
    running += diff[c]!;
    inFlight[c] = running;
    if (running > peak) peak = running;
  }
  return { inFlight, failures, peak };
}
