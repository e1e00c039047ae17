import type { TimelineData } from '../data/timeline-data';
import { RUNNING_CODE, STATUS_BY_CODE } from '../data/task-codes';
import { laneTopPx, visibleLanes } from '../layout/timeline-layout';
import { drawBarLabel, prepareBarLabels } from './draw-bar-label';
import { PixelColumns } from './pixel-columns';
import type { TimelineContext, TimelineView } from './timeline-view';

/** Spans at least this wide are drawn one by one; narrower ones merge into pixel columns. */
export const WIDE_SPAN_MIN_PX = 3;
/** Running tasks are drawn see-through: they are not done. */
export const RUNNING_ALPHA = 0.55;
export const LEAD_IN_HEIGHT_PX = 1;
/** The tail of a result that waited for the loop: thin, so it reads as "not work". */
export const DELIVERY_TAIL_HEIGHT_PX = 2;

const HATCHED = new Set([STATUS_BY_CODE.indexOf('cancelled'), STATUS_BY_CODE.indexOf('skipped')]);
const columns = new PixelColumns();
/** More than there are status codes, so that kind-and-status keys never collide. */
const STATUS_CODE_SPAN = 16;
/** Above every kind-and-status key, so that the keys of statuses with a colour of their own stand apart. */
const STATUS_FILL_KEY_BASE = 1000;

/** Fill of a bar: the status colour when the status has one, else the kind's. */
function barFill(view: TimelineView, status: number, kind: number): string {
  return view.theme.statusFill[status] ?? view.theme.kindFill[kind] ?? view.theme.mutedText;
}

/**
 * Draws every visible lane's tasks: one rectangle per run of equal pixel columns for narrow spans, so the
 * cost follows the canvas width and not the task count, and one bar (labelled when it fits) per wide span.
 */
export function drawTasks(ctx: TimelineContext, data: TimelineData, view: TimelineView): void {
  const { layout } = view;
  const { first, last } = visibleLanes(layout, view.scrollTopPx);
  for (let lane = first; lane <= last; lane++) {
    if (data.laneSpans(lane)) drawLane(ctx, data, view, lane);
  }
}

function drawLane(ctx: TimelineContext, data: TimelineData, view: TimelineView, lane: number): void {
  const { layout, theme } = view;
  const barTop = Math.round(laneTopPx(layout, lane, view.scrollTopPx) + (layout.rowHeightPx - layout.barHeightPx) / 2);
  columns.reset(Math.ceil(layout.plotWidthPx));
  columns.collect(data, data.laneSpans(lane)!, view.scale, WIDE_SPAN_MIN_PX);
  const left = layout.plotLeftPx;
  const leadInTop = barTop + Math.floor(layout.barHeightPx / 2);
  ctx.fillStyle = theme.leadIn;
  forEachRun(
    (c) => (columns.leadIns[c]! > 0 ? 1 : 0),
    (from, to) => ctx.fillRect(left + from, leadInTop, to - from, LEAD_IN_HEIGHT_PX),
  );
  ctx.fillStyle = theme.deliveryTail;
  const tailTop = barTop + Math.floor((layout.barHeightPx - DELIVERY_TAIL_HEIGHT_PX) / 2);
  forEachRun(
    (c) => (columns.tails[c]! > 0 ? 1 : 0),
    (from, to) => ctx.fillRect(left + from, tailTop, to - from, DELIVERY_TAIL_HEIGHT_PX),
  );
  forEachRun(
    (c) => barFillKey(view, columns.status[c]!, columns.kind[c]!),
    (from, to) => {
      const status = columns.status[from]!;
      ctx.fillStyle = barFill(view, status, columns.kind[from]!);
      ctx.globalAlpha = status === RUNNING_CODE ? RUNNING_ALPHA : 1;
      ctx.fillRect(left + from, barTop, to - from, layout.barHeightPx);
    },
  );
  ctx.globalAlpha = 1;
  if (columns.wideSlots.length > 0) prepareBarLabels(ctx, view);
  for (const slot of columns.wideSlots) drawWideBar(ctx, data, view, slot, barTop);
}

/**
 * A number that is equal for two pixel columns exactly when they are filled alike, so that adjacent equal
 * columns merge into one rectangle: 0 for an empty column (status < 0), `STATUS_FILL_KEY_BASE + status` when
 * the status has a colour of its own (every kind looks the same), else one key per kind and status.
 */
function barFillKey(view: TimelineView, status: number, kind: number): number {
  if (status < 0) return 0;
  return view.theme.statusFill[status] ? STATUS_FILL_KEY_BASE + status : 1 + kind * STATUS_CODE_SPAN + status;
}

/** Calls `draw(from, to)` once per run of adjacent columns sharing a non-zero key (`to` exclusive). */
function forEachRun(keyAt: (column: number) => number, draw: (from: number, to: number) => void): void {
  let runStart = 0;
  let runKey = 0;
  for (let c = 0; c <= columns.count; c++) {
    const key = c < columns.count ? keyAt(c) : 0;
    if (key === runKey) continue;
    if (runKey !== 0) draw(runStart, c);
    runStart = c;
    runKey = key;
  }
}

function drawWideBar(ctx: TimelineContext, data: TimelineData, view: TimelineView, slot: number, barTop: number): void {
  const { scale, layout } = view;
  const plotRight = layout.plotLeftPx + layout.plotWidthPx;
  const x0 = Math.max(layout.plotLeftPx - 1, scale.msToPx(data.startMs[slot]!));
  const x1 = Math.min(plotRight + 1, scale.msToPx(Math.min(data.endMs[slot]!, data.nowMs)));
  const status = data.status[slot]!;
  // A 1 px gap keeps back-to-back tasks apart.
  const width = Math.max(1, x1 - x0 - 1);
  ctx.fillStyle = barFill(view, status, data.kind[slot]!);
  ctx.globalAlpha = status === RUNNING_CODE ? RUNNING_ALPHA : 1;
  ctx.fillRect(x0, barTop, width, layout.barHeightPx);
  ctx.globalAlpha = 1;
  if (HATCHED.has(status) && view.theme.hatch && width >= 4) {
    ctx.fillStyle = view.theme.hatch;
    ctx.fillRect(x0, barTop, width, layout.barHeightPx);
  }
  // The orphan hatch goes over the outcome's colour: an orphaned error still reads as an error.
  if (data.orphaned[slot] === 1 && view.theme.orphanHatch && width >= 4) {
    ctx.fillStyle = view.theme.orphanHatch;
    ctx.fillRect(x0, barTop, width, layout.barHeightPx);
  }
  drawBarLabel(ctx, data, view, slot, x0, width, barTop);
}
