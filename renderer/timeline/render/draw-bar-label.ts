import type { TimelineData } from '../data/timeline-data';
import { kindOfCode } from '../data/task-codes';
import type { TimelineContext, TimelineView } from './timeline-view';

/** Labels need this much bar height to be legible. */
export const MIN_LABEL_BAR_HEIGHT_PX = 11;
export const LABEL_PADDING_PX = 4;

/**
 * Writes "#index kind" inside a bar, or just "#index" when only that fits, or nothing. The label sticks to the
 * plot's left edge when the bar starts off-screen, so a long task keeps its name while panning.
 */
export function drawBarLabel(
  ctx: TimelineContext,
  data: TimelineData,
  view: TimelineView,
  slot: number,
  xPx: number,
  widthPx: number,
  barTopPx: number,
): void {
  const { layout, theme } = view;
  if (layout.barHeightPx < MIN_LABEL_BAR_HEIGHT_PX) return;
  const room = widthPx - 2 * LABEL_PADDING_PX;
  if (room < 16) return;
  ctx.font = theme.font;
  const short = `#${data.taskIndex[slot]}`;
  const long = `${short} ${kindOfCode(data.kind[slot]!)}`;
  const text = ctx.measureText(long).width <= room ? long : ctx.measureText(short).width <= room ? short : null;
  if (text === null) return;
  ctx.fillStyle = theme.barText;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, xPx + LABEL_PADDING_PX, barTopPx + layout.barHeightPx / 2 + 0.5);
}
