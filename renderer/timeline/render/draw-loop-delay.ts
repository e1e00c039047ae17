import type { SampleSeries } from '../data/sample-series';
import { formatMs } from '../scale/format-time';
import type { TimelineContext, TimelineView } from './timeline-view';

/** The delay axis never goes below this, so a quiet loop looks quiet instead of scaled-up noise. */
export const MIN_DELAY_SCALE_MS = 1;
const TRACK_PADDING_TOP_PX = 16;

let xs = new Float64Array(0);
let ys = new Float64Array(0);

/** 1, 2 or 5 × 10^k at or above `ms`. */
function niceCeiling(ms: number): number {
  const power = 10 ** Math.floor(Math.log10(ms));
  return [1, 2, 5, 10].map((f) => f * power).find((n) => n >= ms - 1e-9) ?? ms;
}

/**
 * The event-loop delay track under the lanes: an area chart of `loopDelayMs` over time, one point per pixel
 * column (the column's highest sample), scaled to the highest value in view.
 */
export function drawLoopDelay(ctx: TimelineContext, samples: SampleSeries, view: TimelineView): void {
  const { layout, theme } = view;
  const top = layout.delayTopPx;
  const height = layout.delayHeightPx;
  const bottom = top + height;
  ctx.fillStyle = theme.gutter;
  ctx.fillRect(0, top, layout.plotLeftPx, height);
  ctx.font = theme.font;
  ctx.fillStyle = theme.mutedText;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  ctx.fillText('Loop delay', layout.plotLeftPx - 10, top + height / 2);
  ctx.strokeStyle = theme.grid;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(layout.plotLeftPx, bottom - 0.5);
  ctx.lineTo(layout.plotLeftPx + layout.plotWidthPx, bottom - 0.5);
  ctx.stroke();

  const points = columnMaxima(samples, view);
  ctx.textAlign = 'left';
  if (points.count === 0) {
    ctx.fillText('no samples in view', layout.plotLeftPx + 8, top + height / 2);
    return;
  }
  const scaleMax = niceCeiling(Math.max(MIN_DELAY_SCALE_MS, points.maxMs));
  const yOf = (ms: number): number => bottom - (ms / scaleMax) * (height - TRACK_PADDING_TOP_PX);
  ctx.save();
  ctx.beginPath();
  ctx.rect(layout.plotLeftPx, top, layout.plotWidthPx, height);
  ctx.clip();
  ctx.beginPath();
  ctx.moveTo(xs[0]!, bottom);
  for (let i = 0; i < points.count; i++) ctx.lineTo(xs[i]!, yOf(ys[i]!));
  ctx.lineTo(xs[points.count - 1]!, bottom);
  ctx.closePath();
  ctx.fillStyle = theme.delayFill;
  ctx.fill();
  ctx.beginPath();
  ctx.moveTo(xs[0]!, yOf(ys[0]!));
  for (let i = 1; i < points.count; i++) ctx.lineTo(xs[i]!, yOf(ys[i]!));
  ctx.strokeStyle = theme.delayLine;
  ctx.lineWidth = 1.5;
  ctx.stroke();
  if (points.count === 1) {
    ctx.fillStyle = theme.delayLine;
    ctx.fillRect(xs[0]! - 2, yOf(ys[0]!) - 2, 4, 4);
  }
  ctx.restore();
  ctx.fillStyle = theme.mutedText;
  ctx.textBaseline = 'top';
  ctx.fillText(`scale ${formatMs(scaleMax)} · peak ${formatMs(points.maxMs)}`, layout.plotLeftPx + 6, top + 2);
}

/** The visible samples (plus one each side, so the line reaches the edges), one point per pixel column. */
function columnMaxima(samples: SampleSeries, view: TimelineView): { count: number; maxMs: number } {
  const { scale } = view;
  if (samples.count === 0) return { count: 0, maxMs: 0 };
  const from = Math.max(0, samples.firstAtOrAfter(scale.startMs) - 1);
  const to = Math.min(samples.count - 1, samples.firstAtOrAfter(scale.endMs));
  if (xs.length < to - from + 1) {
    xs = new Float64Array(to - from + 1);
    ys = new Float64Array(to - from + 1);
  }
  const times = samples.timeMs;
  const delays = samples.loopDelayMs;
  let count = 0;
  let maxMs = 0;
  for (let i = from; i <= to; i++) {
    const x = scale.msToPx(times[i]!);
    const delay = delays[i]!;
    maxMs = Math.max(maxMs, delay);
    if (count > 0 && Math.floor(x) === Math.floor(xs[count - 1]!)) {
      ys[count - 1] = Math.max(ys[count - 1]!, delay);
      continue;
    }
    xs[count] = x;
    ys[count] = delay;
    count++;
  }
  return { count, maxMs };
}
