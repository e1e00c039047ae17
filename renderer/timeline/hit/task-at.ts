import type { TimelineData } from '../data/timeline-data';
import { laneAtY } from '../layout/timeline-layout';
import type { TimelineView } from '../render/timeline-view';

/** How far (CSS px) from a span the pointer may be and still hit it: thin spans stay easy to point at. */
export const HIT_SLOP_PX = 3;

/**
 * The slot of the task under canvas point (`xPx`, `yPx`), or -1. Looks only at the tasks of the lane under
 * the pointer that reach the pointer's time (binary search), never at all tasks. A span containing the
 * point wins over a near one; among containing spans, the latest start (drawn on top) wins.
 */
export function taskAt(
  data: TimelineData,
  view: Pick<TimelineView, 'layout' | 'scale' | 'scrollTopPx'>,
  xPx: number,
  yPx: number,
): number {
  const { layout, scale } = view;
  if (xPx < layout.plotLeftPx || xPx > layout.plotLeftPx + layout.plotWidthPx) return -1;
  const lane = laneAtY(layout, yPx, view.scrollTopPx);
  const spans = lane < 0 ? undefined : data.laneSpans(lane);
  if (!spans) return -1;
  const timeMs = scale.pxToMs(xPx);
  const slopMs = HIT_SLOP_PX / scale.pxPerMs;
  const starts = data.startMs;
  const ends = data.endMs;
  let best = -1;
  let bestDistance = Infinity;
  for (let k = spans.firstReaching(timeMs - slopMs, ends); k < spans.slots.length; k++) {
    const slot = spans.slots[k]!;
    const start = starts[slot]!;
    if (start > timeMs + slopMs) break;
    const end = Math.max(start, Math.min(ends[slot]!, data.nowMs));
    if (end < timeMs - slopMs) continue;
    const distance = timeMs < start ? start - timeMs : timeMs > end ? timeMs - end : 0;
    if (distance < bestDistance || distance === 0) {
      best = slot;
      bestDistance = distance;
    }
  }
  return best;
}
