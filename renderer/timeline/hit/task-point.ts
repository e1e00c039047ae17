import type { TimelineData } from '../data/timeline-data';
import { laneTopPx } from '../layout/timeline-layout';
import type { TimelineView } from '../render/timeline-view';

/** Where task `slot` is drawn: the middle of its bar (CSS px from the canvas' top left), or null when off-screen. */
export function taskPoint(
  data: TimelineData,
  view: Pick<TimelineView, 'layout' | 'scale' | 'scrollTopPx'>,
  slot: number,
): { xPx: number; yPx: number } | null {
  if (slot < 0 || slot >= data.count) return null;
  const { layout, scale } = view;
  const start = data.startMs[slot]!;
  const end = Math.max(start, Math.min(data.endMs[slot]!, data.nowMs));
  const xPx = scale.msToPx((start + end) / 2);
  const yPx = laneTopPx(layout, data.lane[slot]!, view.scrollTopPx) + layout.rowHeightPx / 2;
  const inPlot = xPx >= layout.plotLeftPx && xPx <= layout.plotLeftPx + layout.plotWidthPx;
  const inLanes = yPx >= layout.lanesTopPx && yPx <= layout.lanesTopPx + layout.lanesHeightPx;
  return inPlot && inLanes ? { xPx, yPx } : null;
}
