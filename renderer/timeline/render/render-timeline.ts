import type { TimelineData } from '../data/timeline-data';
import { timeTicks } from '../scale/time-ticks';
import { drawAxis, drawGrid } from './draw-axis';
import { drawHighlight } from './draw-highlight';
import { drawLaneGutter, drawLaneStripes } from './draw-lanes';
import { drawLoopDelay } from './draw-loop-delay';
import { drawTasks } from './draw-tasks';
import type { TimelineContext, TimelineView } from './timeline-view';

/**
 * Draws one frame: lanes, task bars, lead-ins, the loop-delay track and the time axis. Synchronous over a
 * read-only view; it never fetches, never awaits, and its cost follows the canvas size, not the task count.
 */
export function renderTimeline(ctx: TimelineContext, data: TimelineData, view: TimelineView): void {
  const { layout, theme, pixelRatio } = view;
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  ctx.globalAlpha = 1;
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, layout.widthPx, layout.heightPx);
  const ticks = timeTicks(view.scale);

  ctx.save();
  ctx.beginPath();
  ctx.rect(layout.plotLeftPx, layout.lanesTopPx, layout.plotWidthPx, layout.lanesHeightPx);
  ctx.clip();
  drawLaneStripes(ctx, view);
  drawGrid(ctx, view, ticks);
  drawTasks(ctx, data, view);
  drawNowLine(ctx, data, view);
  drawHighlight(ctx, data, view, view.hoveredSlot, theme.hover, 1);
  drawHighlight(ctx, data, view, view.selectedSlot, theme.selected, 2);
  ctx.restore();

  drawLaneGutter(ctx, view);
  drawLoopDelay(ctx, data.samples, view);
  drawAxis(ctx, view, ticks);
  if (data.count === 0) drawEmpty(ctx, view);
}

function drawNowLine(ctx: TimelineContext, data: TimelineData, view: TimelineView): void {
  if (data.runningCount === 0) return;
  const { layout, scale } = view;
  const x = Math.round(scale.msToPx(data.nowMs)) + 0.5;
  ctx.strokeStyle = view.theme.now;
  ctx.lineWidth = 1;
  ctx.setLineDash([3, 3]);
  ctx.beginPath();
  ctx.moveTo(x, layout.lanesTopPx);
  ctx.lineTo(x, layout.lanesTopPx + layout.lanesHeightPx);
  ctx.stroke();
  ctx.setLineDash([]);
}

function drawEmpty(ctx: TimelineContext, view: TimelineView): void {
  const { layout, theme } = view;
  ctx.font = theme.font;
  ctx.fillStyle = theme.mutedText;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText('No tasks yet', layout.plotLeftPx + layout.plotWidthPx / 2, layout.lanesTopPx + layout.lanesHeightPx / 2);
}
