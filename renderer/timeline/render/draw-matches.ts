import type { TimelineData } from '../data/timeline-data';
import { laneTopPx, visibleLanes } from '../layout/timeline-layout';
import type { TimelineContext, TimelineView } from './timeline-view';

/** How strongly the tasks a filter leaves out are faded: enough to make the matches stand out, not vanish. */
export const FADED_ALPHA = 0.75;
/** A matching task keeps at least this many pixels unfaded, so one short task among thousands still shows. */
const MIN_MATCH_WIDTH_PX = 2;

let covered = new Uint8Array(0);

/**
 * Fades every part of the visible lanes that no matching task covers (`mask`: one byte per slot, 1 for a
 * match), so the tasks a filter found keep their colours and the rest recede. Per lane, one pass over its
 * tasks in the window marks the covered pixel columns; the uncovered runs get one rectangle each.
 */
export function drawMatches(ctx: TimelineContext, data: TimelineData, view: TimelineView, mask: Uint8Array): void {
  const { layout, scale, theme } = view;
  const width = Math.ceil(layout.plotWidthPx);
  if (covered.length < width) covered = new Uint8Array(width);
  const { first, last } = visibleLanes(layout, view.scrollTopPx);
  ctx.save();
  ctx.beginPath();
  ctx.rect(layout.plotLeftPx, layout.lanesTopPx, layout.plotWidthPx, layout.lanesHeightPx);
  ctx.clip();
  ctx.fillStyle = theme.background;
  ctx.globalAlpha = FADED_ALPHA;
  for (let lane = first; lane <= last; lane++) {
    covered.fill(0, 0, width);
    const spans = data.laneSpans(lane);
    if (spans !== undefined) markMatches(data, spans.slots, spans.firstReaching(scale.startMs, data.endMs), view, mask, width);
    const top = laneTopPx(layout, lane, view.scrollTopPx);
    let runStart = -1;
    for (let c = 0; c <= width; c++) {
      const open = c < width && covered[c] === 0;
      if (open && runStart < 0) runStart = c;
      else if (!open && runStart >= 0) {
        ctx.fillRect(layout.plotLeftPx + runStart, top, c - runStart, layout.rowHeightPx);
        runStart = -1;
      }
    }
  }
  ctx.restore();
}

function markMatches(data: TimelineData, slots: readonly number[], from: number, view: TimelineView, mask: Uint8Array, width: number): void {
  const { scale, layout } = view;
  const { startMs, endMs } = data;
  for (let i = from; i < slots.length; i++) {
    const slot = slots[i]!;
    const start = startMs[slot]!;
    if (start > scale.endMs) break;
    if (mask[slot] !== 1) continue;
    const end = Math.min(endMs[slot]!, data.nowMs);
    const x0 = Math.floor(scale.msToPx(start) - layout.plotLeftPx);
    const x1 = Math.max(x0 + MIN_MATCH_WIDTH_PX, Math.ceil(scale.msToPx(end) - layout.plotLeftPx));
    covered.fill(1, Math.max(0, x0), Math.min(width, x1));
  }
}
