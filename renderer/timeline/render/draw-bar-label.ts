import { TASK_KINDS } from '../../../shared/scenario';
import type { TimelineData } from '../data/timeline-data';
import { kindOfCode } from '../data/task-codes';
import type { TimelineContext, TimelineView } from './timeline-view';

/** Labels need this much bar height to be legible. */
export const MIN_LABEL_BAR_HEIGHT_PX = 11;
export const LABEL_PADDING_PX = 4;

/**
 * Label widths from a few measurements per font (digits share one width in UI fonts' tabular figures),
 * so a frame with hundreds of labelled bars does not measure hundreds of strings.
 */
class LabelMetrics {
  #font = '';
  #digitPx = 0;
  #hashPx = 0;
  #spacePx = 0;
  #kindPx: number[] = [];

  widths(ctx: TimelineContext, font: string, taskIndex: number, kind: number): { short: number; long: number } {
    if (font !== this.#font) {
      this.#font = font;
      this.#digitPx = ctx.measureText('0').width;
      this.#hashPx = ctx.measureText('#').width;
      this.#spacePx = ctx.measureText(' ').width;
      this.#kindPx = TASK_KINDS.map((name) => ctx.measureText(name).width);
    }
    const short = this.#hashPx + String(taskIndex).length * this.#digitPx;
    return { short, long: short + this.#spacePx + (this.#kindPx[kind] ?? 0) };
  }
}

const metrics = new LabelMetrics();

/** Sets the text state bar labels share; call before a lane's `drawBarLabel`s (setting a font is not free). */
export function prepareBarLabels(ctx: TimelineContext, view: TimelineView): void {
  ctx.font = view.theme.font;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
}

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
  const taskIndex = data.taskIndex[slot]!;
  const kind = data.kind[slot]!;
  const { short, long } = metrics.widths(ctx, theme.font, taskIndex, kind);
  if (short > room) return;
  ctx.fillStyle = theme.barText;
  const text = long <= room ? `#${taskIndex} ${kindOfCode(kind)}` : `#${taskIndex}`;
  ctx.fillText(text, xPx + LABEL_PADDING_PX, barTopPx + layout.barHeightPx / 2 + 0.5);
}
