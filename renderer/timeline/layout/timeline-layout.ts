/** Height of the time axis at the top. */
export const AXIS_HEIGHT_PX = 28;
/** Width of the lane-label column on the left. */
export const GUTTER_WIDTH_PX = 96;
/** Room right of the plot so the last tick label is not cut. */
export const RIGHT_PADDING_PX = 16;
/** Height of one lane when there is room. */
export const ROW_HEIGHT_PX = 24;
/** Lanes never get thinner than this; past it the lanes scroll. */
export const MIN_ROW_HEIGHT_PX = 4;
/** Lane labels are drawn only on rows at least this tall. */
export const MIN_LABELLED_ROW_HEIGHT_PX = 14;
/** Height of the event-loop delay track under the lanes. */
export const DELAY_TRACK_HEIGHT_PX = 72;
export const TRACK_GAP_PX = 10;
export const BOTTOM_PADDING_PX = 8;
/** Lane area height a component grows to by itself before it starts to scroll. */
export const MAX_AUTO_LANES_HEIGHT_PX = 480;

/** Where everything goes on the canvas (CSS px). */
export interface TimelineLayout {
  readonly widthPx: number;
  readonly heightPx: number;
  readonly laneCount: number;
  readonly plotLeftPx: number;
  readonly plotWidthPx: number;
  readonly axisHeightPx: number;
  readonly lanesTopPx: number;
  /** Visible lane area; lanes past it are reached by scrolling. */
  readonly lanesHeightPx: number;
  readonly rowHeightPx: number;
  readonly barHeightPx: number;
  readonly maxScrollTopPx: number;
  readonly delayTopPx: number;
  readonly delayHeightPx: number;
}

const fixedHeightPx = AXIS_HEIGHT_PX + TRACK_GAP_PX + DELAY_TRACK_HEIGHT_PX + BOTTOM_PADDING_PX;

/** The height a timeline of `laneCount` lanes wants when nobody gives it one. */
export function preferredHeightPx(laneCount: number): number {
  const lanes = Math.max(1, laneCount) * ROW_HEIGHT_PX;
  return fixedHeightPx + Math.min(lanes, MAX_AUTO_LANES_HEIGHT_PX);
}

export function computeLayout(widthPx: number, heightPx: number, laneCount: number): TimelineLayout {
  const available = Math.max(MIN_ROW_HEIGHT_PX, heightPx - fixedHeightPx);
  const lanes = Math.max(1, laneCount);
  const rowHeightPx = Math.max(MIN_ROW_HEIGHT_PX, Math.min(ROW_HEIGHT_PX, Math.floor(available / lanes)));
  const lanesHeightPx = Math.min(available, lanes * rowHeightPx);
  const barHeightPx = rowHeightPx >= 8 ? Math.round(rowHeightPx * 0.68) : Math.max(1, rowHeightPx - 1);
  return {
    widthPx,
    heightPx,
    laneCount,
    plotLeftPx: GUTTER_WIDTH_PX,
    plotWidthPx: Math.max(1, widthPx - GUTTER_WIDTH_PX - RIGHT_PADDING_PX),
    axisHeightPx: AXIS_HEIGHT_PX,
    lanesTopPx: AXIS_HEIGHT_PX,
    lanesHeightPx,
    rowHeightPx,
    barHeightPx,
    maxScrollTopPx: Math.max(0, lanes * rowHeightPx - lanesHeightPx),
    delayTopPx: AXIS_HEIGHT_PX + lanesHeightPx + TRACK_GAP_PX,
    delayHeightPx: DELAY_TRACK_HEIGHT_PX,
  };
}

/** Top of `lane`'s row on the canvas. */
export function laneTopPx(layout: TimelineLayout, lane: number, scrollTopPx: number): number {
  return layout.lanesTopPx + lane * layout.rowHeightPx - scrollTopPx;
}

/** The lane under canvas row `yPx`, or -1 outside the lane area. */
export function laneAtY(layout: TimelineLayout, yPx: number, scrollTopPx: number): number {
  if (yPx < layout.lanesTopPx || yPx >= layout.lanesTopPx + layout.lanesHeightPx) return -1;
  const lane = Math.floor((yPx - layout.lanesTopPx + scrollTopPx) / layout.rowHeightPx);
  return lane < layout.laneCount ? lane : -1;
}

/** First and last (inclusive) lanes with a visible pixel. */
export function visibleLanes(layout: TimelineLayout, scrollTopPx: number): { first: number; last: number } {
  const first = Math.max(0, Math.floor(scrollTopPx / layout.rowHeightPx));
  const last = Math.min(layout.laneCount - 1, Math.ceil((scrollTopPx + layout.lanesHeightPx) / layout.rowHeightPx) - 1);
  return { first, last };
}
