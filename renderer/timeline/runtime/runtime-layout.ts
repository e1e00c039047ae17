import { TRACK_CODE } from '../../../shared/runtime/runtime-slices';
import type { TimeScale } from '../scale/time-scale';
import type { RuntimeRow, RuntimeTrackData } from './runtime-track-data';

/** Height of one runtime row (the loop, a pool thread, a worker thread). */
export const RUNTIME_ROW_HEIGHT_PX = 16;
/** Room above and below the rows. */
export const RUNTIME_PADDING_PX = 4;
/** A loop slice longer than this blocked the loop: it is marked. */
export const BLOCKED_LOOP_MS = 50;
/** How far (CSS px) from a slice the pointer may be and still hit it. */
const HIT_SLOP_PX = 3;

/** The tracks a user can fold away, by the name on their toggle. */
export const RUNTIME_TRACKS = [
  { code: TRACK_CODE.loop, name: 'Event loop' },
  { code: TRACK_CODE.pool, name: 'libuv pool' },
  { code: TRACK_CODE.worker, name: 'Workers' },
] as const;

/** The row's label in the gutter: "Event loop", "pool 1", "Worker 2". */
export function rowLabel(row: Pick<RuntimeRow, 'track' | 'lane'>): string {
  if (row.track === TRACK_CODE.loop) return 'Event loop';
  if (row.track === TRACK_CODE.pool) return `pool ${row.lane + 1}`;
  return `Worker ${row.lane + 1}`;
}

/** The canvas height for `rowCount` rows. */
export function runtimeHeightPx(rowCount: number): number {
  return rowCount === 0 ? 0 : rowCount * RUNTIME_ROW_HEIGHT_PX + 2 * RUNTIME_PADDING_PX;
}

/** Top of row `index`. */
export function rowTopPx(index: number): number {
  return RUNTIME_PADDING_PX + index * RUNTIME_ROW_HEIGHT_PX;
}

/** The position in `row.slots` of the first slice ending at or after `timeMs` (a row's slices never overlap). */
export function firstEndingFrom(data: RuntimeTrackData, row: RuntimeRow, timeMs: number): number {
  let low = 0;
  let high = row.count;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (data.endMs[row.slots[mid]!]! < timeMs) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The slot of the slice under (`xPx`, `yPx`), or -1: a slice containing the point wins over a near one. */
export function sliceAt(data: RuntimeTrackData, rows: readonly RuntimeRow[], scale: TimeScale, xPx: number, yPx: number): number {
  const row = rows[Math.floor((yPx - RUNTIME_PADDING_PX) / RUNTIME_ROW_HEIGHT_PX)];
  if (row === undefined || yPx < RUNTIME_PADDING_PX || xPx < scale.leftPx) return -1;
  const timeMs = scale.pxToMs(xPx);
  const slopMs = HIT_SLOP_PX / scale.pxPerMs;
  let best = -1;
  let bestDistance = Infinity;
  for (let k = firstEndingFrom(data, row, timeMs - slopMs); k < row.count; k++) {
    const slot = row.slots[k]!;
    const start = data.startMs[slot]!;
    if (start > timeMs + slopMs) break;
    const end = data.endMs[slot]!;
    const distance = timeMs < start ? start - timeMs : timeMs > end ? timeMs - end : 0;
    if (distance < bestDistance) {
      best = slot;
      bestDistance = distance;
    }
  }
  return best;
}
