import { formatMs } from '../scale/format-time';
import type { TimeTick } from '../scale/time-ticks';
import type { TimelineContext, TimelineView } from './timeline-view';

const TICK_LENGTH_PX = 5;
const TICK_LABEL_OFFSET_PX = 4;

/** Vertical grid lines through the lanes and the delay track, one path for all of them. */
export function drawGrid(ctx: TimelineContext, view: TimelineView, ticks: readonly TimeTick[]): void {
  const { layout, theme } = view;
  const bottom = layout.delayTopPx + layout.delayHeightPx;
  ctx.strokeStyle = theme.grid;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const tick of ticks) {
    const x = Math.round(tick.xPx) + 0.5;
    ctx.moveTo(x, layout.lanesTopPx);
    ctx.lineTo(x, bottom);
  }
  ctx.stroke();
}

/** The time axis along the top: tick marks, labels with units, and the visible span in the corner. */
export function drawAxis(ctx: TimelineContext, view: TimelineView, ticks: readonly TimeTick[]): void {
  const { layout, theme, scale } = view;
  const bottom = layout.axisHeightPx;
  ctx.fillStyle = theme.gutter;
  ctx.fillRect(0, 0, layout.widthPx, bottom);
  ctx.strokeStyle = theme.grid;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(0, bottom - 0.5);
  ctx.lineTo(layout.widthPx, bottom - 0.5);
  for (const tick of ticks) {
    const x = Math.round(tick.xPx) + 0.5;
    ctx.moveTo(x, bottom - TICK_LENGTH_PX);
    ctx.lineTo(x, bottom);
  }
  ctx.stroke();
  ctx.font = theme.font;
  ctx.fillStyle = theme.text;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  const labelY = (bottom - TICK_LENGTH_PX) / 2 + 1;
  const plotRight = layout.plotLeftPx + layout.plotWidthPx;
  for (const tick of ticks) {
    if (tick.xPx < layout.plotLeftPx - 1 || tick.xPx > plotRight) continue;
    if (tick.xPx + TICK_LABEL_OFFSET_PX + ctx.measureText(tick.label).width > layout.widthPx) continue;
    ctx.fillText(tick.label, tick.xPx + TICK_LABEL_OFFSET_PX, labelY);
  }
  ctx.fillStyle = theme.mutedText;
  ctx.textAlign = 'right';
  // The visible time window, named as such where the lane labels leave room (it is not the run's duration).
  const shown = formatMs(scale.endMs - scale.startMs);
  const named = `in view ${shown}`;
  ctx.fillText(ctx.measureText(named).width <= layout.plotLeftPx - 14 ? named : shown, layout.plotLeftPx - 10, labelY);
}
