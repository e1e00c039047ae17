import { TRACK_CODE } from '../../../shared/runtime/runtime-slices';
import { STATUS_BY_CODE } from '../data/task-codes';
import { GUTTER_WIDTH_PX } from '../layout/timeline-layout';
import type { TimelineContext } from '../render/timeline-view';
import type { TimeScale } from '../scale/time-scale';
import type { TimelineTheme } from '../theme/timeline-theme';
import { BLOCKED_LOOP_MS, firstEndingFrom, rowLabel, rowTopPx, RUNTIME_ROW_HEIGHT_PX } from './runtime-layout';
import { rowLod } from './row-lod';
import type { RuntimeRow, RuntimeTrackData } from './runtime-track-data';

/** Slices at least this wide are drawn one by one; narrower ones merge into pixel columns. */
const WIDE_SLICE_MIN_PX = 3;
/**
 * Past this many slices per pixel column in the window, a row (but a pool lane, whose lead-ins need each
 * request) is drawn from its pyramid (`row-lod.ts`): a bin or two per column, whatever the slice count.
 */
const LOD_MIN_SLICES_PER_COLUMN = 4;
/** The engine's own work is drawn see-through: it served no task. */
const ENGINE_ALPHA = 0.45;
const BAR_INSET_PX = 3;
const BLOCKED_MARK_PX = 2;
const ERROR_CODE = STATUS_BY_CODE.indexOf('error');

/** Everything a runtime frame needs besides the slices, read-only. */
export interface RuntimeView {
  readonly widthPx: number;
  readonly heightPx: number;
  readonly pixelRatio: number;
  readonly scale: TimeScale;
  readonly theme: TimelineTheme;
  /** The kind code of task `index` (its bars' colour), or -1 when the timeline does not know it. */
  readonly kindOfTask: (task: number) => number;
  readonly hoveredSlot: number;
  /** Slots of the selected task's slices, outlined on every track. */
  readonly selectedSlots: readonly number[];
}

/** Per-pixel-column colour keys, reused across rows and frames so a frame allocates nothing. */
let columnKey = new Int32Array(0);
let columnLongest = new Float32Array(0);
let columnLeadIn = new Uint8Array(0);

function keyOf(data: RuntimeTrackData, view: RuntimeView, slot: number): number {
  const task = data.task[slot]!;
  return task < 0 ? 1 : 2 + Math.max(0, view.kindOfTask(task));
}

function fillOfKey(view: RuntimeView, key: number): string {
  return key === 1 ? view.theme.leadIn : (view.theme.kindFill[key - 2] ?? view.theme.mutedText);
}

/**
 * Draws the runtime rows: the loop's callbacks coloured like the bars of the tasks they served (the
 * engine's own greyed), idle time left empty, loop slices over `BLOCKED_LOOP_MS` marked; pool requests
 * with their queue wait as a thin lead-in; worker threads' slices. Narrow slices merge per pixel column,
 * so the cost follows the slices in the window with O(1) work each and the drawing follows the pixels.
 */
export function drawRuntimeTracks(ctx: TimelineContext, data: RuntimeTrackData, rows: readonly RuntimeRow[], view: RuntimeView): void {
  const { scale, theme } = view;
  ctx.setTransform(view.pixelRatio, 0, 0, view.pixelRatio, 0, 0);
  ctx.globalAlpha = 1;
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, view.widthPx, view.heightPx);
  ctx.fillStyle = theme.gutter;
  ctx.fillRect(0, 0, GUTTER_WIDTH_PX, view.heightPx);
  const columns = Math.ceil(scale.widthPx);
  if (columnKey.length < columns) {
    columnKey = new Int32Array(columns);
    columnLongest = new Float32Array(columns);
    columnLeadIn = new Uint8Array(columns);
  }
  ctx.font = theme.font;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  rows.forEach((row, index) => {
    const top = rowTopPx(index);
    if (index % 2 === 1) {
      ctx.fillStyle = theme.laneStripe;
      ctx.fillRect(GUTTER_WIDTH_PX, top, scale.widthPx, RUNTIME_ROW_HEIGHT_PX);
    }
    ctx.fillStyle = theme.mutedText;
    ctx.fillText(rowLabel(row), 8, top + RUNTIME_ROW_HEIGHT_PX / 2);
    ctx.save();
    ctx.beginPath();
    ctx.rect(scale.leftPx, top, scale.widthPx, RUNTIME_ROW_HEIGHT_PX);
    ctx.clip();
    drawRow(ctx, data, row, view, top, columns);
    ctx.restore();
  });
  outline(ctx, data, rows, view, view.selectedSlots, theme.selected, 2);
  if (view.hoveredSlot >= 0) outline(ctx, data, rows, view, [view.hoveredSlot], theme.hover, 1);
}

function drawRow(ctx: TimelineContext, data: RuntimeTrackData, row: RuntimeRow, view: RuntimeView, top: number, columns: number): void {
  const { scale, theme } = view;
  const { startMs: windowStart, endMs: windowEnd, pxPerMs } = scale;
  columnKey.fill(0, 0, columns);
  columnLongest.fill(0, 0, columns);
  columnLeadIn.fill(0, 0, columns);
  const barTop = top + BAR_INSET_PX;
  const barHeight = RUNTIME_ROW_HEIGHT_PX - 2 * BAR_INSET_PX;
  const isPool = row.track === TRACK_CODE.pool;
  const isLoop = row.track === TRACK_CODE.loop;
  const first = firstEndingFrom(data, row, windowStart);
  if (!isPool && firstEndingFrom(data, row, windowEnd) - first > LOD_MIN_SLICES_PER_COLUMN * columns) {
    drawRowFromLod(ctx, data, row, view, top, columns, isLoop);
    return;
  }
  const wide: number[] = [];
  for (let k = first; k < row.count; k++) {
    const slot = row.slots[k]!;
    const start = data.startMs[slot]!;
    // Pool requests are placed in submission order, so their submit times only grow along a row too.
    if ((isPool ? data.submitMs[slot]! : start) > windowEnd) break;
    const x0 = (start - windowStart) * pxPerMs;
    const x1 = (data.endMs[slot]! - windowStart) * pxPerMs;
    if (isPool && data.submitMs[slot]! < start) {
      const from = Math.max(0, Math.floor((data.submitMs[slot]! - windowStart) * pxPerMs));
      for (let c = from, to = Math.min(columns, Math.floor(x0)); c < to; c++) columnLeadIn[c] = 1;
    }
    if (start > windowEnd) continue;
    if (x1 - x0 >= WIDE_SLICE_MIN_PX) {
      wide.push(slot);
      continue;
    }
    // The longest slice of a column gives it its colour; its key is looked up only when it wins.
    const width = x1 - x0;
    const from = Math.max(0, Math.floor(x0));
    const to = Math.min(columns - 1, Math.floor(x1));
    if (from === to && width <= columnLongest[from]! && columnKey[from] !== 0) continue;
    const key = keyOf(data, view, slot);
    for (let c = from; c <= to; c++) {
      if (width > columnLongest[c]! || columnKey[c] === 0) {
        columnLongest[c] = width;
        columnKey[c] = key;
      }
    }
  }
  const left = scale.leftPx;
  ctx.fillStyle = theme.leadIn;
  forEachRun(columnLeadIn, columns, (from, to) => ctx.fillRect(left + from, top + RUNTIME_ROW_HEIGHT_PX / 2, to - from, 1));
  forEachRun(columnKey, columns, (from, to, key) => {
    ctx.fillStyle = fillOfKey(view, key);
    ctx.globalAlpha = key === 1 ? ENGINE_ALPHA : 1;
    ctx.fillRect(left + from, barTop, to - from, barHeight);
  });
  for (const slot of wide) {
    const key = keyOf(data, view, slot);
    const x0 = Math.max(left - 1, scale.msToPx(data.startMs[slot]!));
    const x1 = Math.min(left + scale.widthPx + 1, scale.msToPx(data.endMs[slot]!));
    ctx.fillStyle = fillOfKey(view, key);
    ctx.globalAlpha = key === 1 ? ENGINE_ALPHA : 1;
    ctx.fillRect(x0, barTop, Math.max(1, x1 - x0 - 1), barHeight);
    ctx.globalAlpha = 1;
    if (isLoop && data.endMs[slot]! - data.startMs[slot]! > BLOCKED_LOOP_MS) {
      ctx.fillStyle = theme.statusFill[ERROR_CODE] ?? theme.text;
      ctx.fillRect(x0, top, Math.max(1, x1 - x0 - 1), BLOCKED_MARK_PX);
    }
  }
  ctx.globalAlpha = 1;
}

/** A row with many slices per column: each column's colour from the pyramid, then the blocked marks. */
function drawRowFromLod(ctx: TimelineContext, data: RuntimeTrackData, row: RuntimeRow, view: RuntimeView, top: number, columns: number, isLoop: boolean): void {
  const { scale, theme } = view;
  const lod = rowLod(data, row);
  const columnMs = 1 / scale.pxPerMs;
  for (let c = 0; c < columns; c++) {
    const fromMs = scale.startMs + c * columnMs;
    const slot = lod.longestIn(fromMs, fromMs + columnMs, columnMs);
    columnKey[c] = slot < 0 ? 0 : keyOf(data, view, slot);
  }
  const left = scale.leftPx;
  forEachRun(columnKey, columns, (from, to, key) => {
    ctx.fillStyle = fillOfKey(view, key);
    ctx.globalAlpha = key === 1 ? ENGINE_ALPHA : 1;
    ctx.fillRect(left + from, top + BAR_INSET_PX, to - from, RUNTIME_ROW_HEIGHT_PX - 2 * BAR_INSET_PX);
  });
  ctx.globalAlpha = 1;
  if (!isLoop) return;
  ctx.fillStyle = theme.statusFill[ERROR_CODE] ?? theme.text;
  for (const slot of lod.blocked) {
    const x0 = Math.max(left - 1, scale.msToPx(data.startMs[slot]!));
    const x1 = Math.min(left + scale.widthPx + 1, scale.msToPx(data.endMs[slot]!));
    if (x1 >= left && x0 <= left + scale.widthPx) ctx.fillRect(x0, top, Math.max(1, x1 - x0 - 1), BLOCKED_MARK_PX);
  }
}

/** Calls `draw(from, to, key)` once per run of adjacent columns sharing a non-zero key (`to` exclusive). */
function forEachRun(keys: Int32Array | Uint8Array, count: number, draw: (from: number, to: number, key: number) => void): void {
  let runStart = 0;
  let runKey = 0;
  for (let c = 0; c <= count; c++) {
    const key = c < count ? keys[c]! : 0;
    if (key === runKey) continue;
    if (runKey !== 0) draw(runStart, c, runKey);
    runStart = c;
    runKey = key;
  }
}

function outline(ctx: TimelineContext, data: RuntimeTrackData, rows: readonly RuntimeRow[], view: RuntimeView, slots: readonly number[], colour: string, lineWidthPx: number): void {
  const { scale } = view;
  ctx.strokeStyle = colour;
  ctx.lineWidth = lineWidthPx;
  for (const slot of slots) {
    const index = rows.findIndex((row) => row.track === data.track[slot] && row.lane === data.lane[slot]);
    if (index < 0) continue;
    const x0 = scale.msToPx(data.startMs[slot]!);
    const x1 = Math.max(x0 + 3, scale.msToPx(data.endMs[slot]!));
    if (x1 < scale.leftPx || x0 > scale.leftPx + scale.widthPx) continue;
    ctx.strokeRect(Math.max(scale.leftPx, x0) - 1, rowTopPx(index) + 1, Math.min(x1, scale.leftPx + scale.widthPx) - Math.max(scale.leftPx, x0) + 2, RUNTIME_ROW_HEIGHT_PX - 2);
  }
}
