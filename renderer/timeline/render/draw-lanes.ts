import { MIN_LABELLED_ROW_HEIGHT_PX, laneTopPx, visibleLanes } from '../layout/timeline-layout';
import type { TimelineContext, TimelineView } from './timeline-view';

/** Rows thinner than this get no stripes: at that density they would only add noise. */
const MIN_STRIPED_ROW_HEIGHT_PX = 8;
const SCROLLBAR_WIDTH_PX = 4;
const LABEL_RIGHT_PADDING_PX = 10;
const HALF_LABEL_HEIGHT_PX = 7;
/** Centre-to-centre distance two lane labels need to read as two. */
const MIN_LABEL_GAP_PX = 18;

/** Lanes below this many rows per label get every n-th label, n a round number. */
function labelEvery(rowHeightPx: number): number {
  const needed = Math.ceil(MIN_LABELLED_ROW_HEIGHT_PX / rowHeightPx);
  if (needed <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(needed));
  return [1, 2, 5, 10].map((f) => f * power).find((n) => n >= needed) ?? needed;
}

/** Alternating lane backgrounds across the plot area. */
export function drawLaneStripes(ctx: TimelineContext, view: TimelineView): void {
  const { layout, theme } = view;
  if (layout.rowHeightPx < MIN_STRIPED_ROW_HEIGHT_PX) return;
  const { first, last } = visibleLanes(layout, view.scrollTopPx);
  ctx.fillStyle = theme.laneStripe;
  for (let lane = first; lane <= last; lane++) {
    if (lane % 2 === 1) {
      ctx.fillRect(layout.plotLeftPx, laneTopPx(layout, lane, view.scrollTopPx), layout.plotWidthPx, layout.rowHeightPx);
    }
  }
}

/** The lane-label column, and a scroll indicator when there are more lanes than fit. */
export function drawLaneGutter(ctx: TimelineContext, view: TimelineView): void {
  const { layout, theme } = view;
  ctx.fillStyle = theme.gutter;
  ctx.fillRect(0, layout.lanesTopPx, layout.plotLeftPx, layout.lanesHeightPx);
  const { first, last } = visibleLanes(layout, view.scrollTopPx);
  const every = labelEvery(layout.rowHeightPx);
  ctx.font = theme.font;
  ctx.fillStyle = theme.mutedText;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (let lane = Math.ceil(first / every) * every; lane <= last; lane += every) {
    const centre = laneTopPx(layout, lane, view.scrollTopPx) + layout.rowHeightPx / 2;
    // A label is taller than a thin row: keep it whole inside the lane area, unless it then crowds its neighbour.
    const y = Math.min(layout.lanesTopPx + layout.lanesHeightPx - HALF_LABEL_HEIGHT_PX, Math.max(layout.lanesTopPx + HALF_LABEL_HEIGHT_PX, centre));
    if (y !== centre && every * layout.rowHeightPx - Math.abs(y - centre) < MIN_LABEL_GAP_PX) continue;
    ctx.fillText(view.laneLabel(lane), layout.plotLeftPx - LABEL_RIGHT_PADDING_PX, y);
  }
  if (layout.maxScrollTopPx > 0) drawScrollIndicator(ctx, view);
}

function drawScrollIndicator(ctx: TimelineContext, view: TimelineView): void {
  const { layout, theme } = view;
  const contentPx = layout.lanesHeightPx + layout.maxScrollTopPx;
  const thumbPx = Math.max(16, (layout.lanesHeightPx * layout.lanesHeightPx) / contentPx);
  const thumbTop = layout.lanesTopPx + (view.scrollTopPx / layout.maxScrollTopPx) * (layout.lanesHeightPx - thumbPx);
  ctx.fillStyle = theme.grid;
  ctx.fillRect(layout.widthPx - SCROLLBAR_WIDTH_PX - 2, layout.lanesTopPx, SCROLLBAR_WIDTH_PX, layout.lanesHeightPx);
  ctx.fillStyle = theme.mutedText;
  ctx.fillRect(layout.widthPx - SCROLLBAR_WIDTH_PX - 2, thumbTop, SCROLLBAR_WIDTH_PX, thumbPx);
}
