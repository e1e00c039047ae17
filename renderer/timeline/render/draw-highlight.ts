import type { TimelineData } from '../data/timeline-data';
import { laneTopPx } from '../layout/timeline-layout';
import type { TimelineContext, TimelineView } from './timeline-view';

/** A highlighted span is outlined at least this wide, so a sub-pixel task can still be seen. */
const MIN_OUTLINE_WIDTH_PX = 4;

/** Outlines one task and draws its own lead-in boldly: the hovered one thin, the selected one thick. */
export function drawHighlight(
  ctx: TimelineContext,
  data: TimelineData,
  view: TimelineView,
  slot: number,
  colour: string,
  lineWidthPx: number,
): void {
  if (slot < 0 || slot >= data.count) return;
  const { layout, scale } = view;
  const barTop = Math.round(laneTopPx(layout, data.lane[slot]!, view.scrollTopPx) + (layout.rowHeightPx - layout.barHeightPx) / 2);
  const start = data.startMs[slot]!;
  const end = Math.max(start, Math.min(data.endMs[slot]!, data.nowMs));
  let x0 = scale.msToPx(start);
  let x1 = scale.msToPx(end);
  if (x1 - x0 < MIN_OUTLINE_WIDTH_PX) {
    const centre = (x0 + x1) / 2;
    x0 = centre - MIN_OUTLINE_WIDTH_PX / 2;
    x1 = centre + MIN_OUTLINE_WIDTH_PX / 2;
  }
  const queuedX = scale.msToPx(data.queuedMs[slot]!);
  ctx.fillStyle = colour;
  if (queuedX < x0) ctx.fillRect(queuedX, barTop + Math.floor(layout.barHeightPx / 2) - 1, x0 - queuedX, 2);
  ctx.strokeStyle = colour;
  ctx.lineWidth = lineWidthPx;
  const inset = lineWidthPx / 2;
  ctx.strokeRect(x0 - inset, barTop - inset, x1 - x0 + lineWidthPx, layout.barHeightPx + lineWidthPx);
}
