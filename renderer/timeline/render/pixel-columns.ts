import { TASK_KINDS } from '../../../shared/scenario';
import { STATUS_BY_CODE } from '../data/task-codes';
import type { LaneSpans } from '../data/lane-spans';
import type { TimelineData } from '../data/timeline-data';
import type { TimeScale } from '../scale/time-scale';
import { DELIVERY_GAP_SHOWN_MS } from '../data/task-info';

/**
 * A lane never gets more bars drawn one by one than this many per pixel of width: only a lane whose spans
 * pile on top of each other (all tasks in one lane) reaches it, and there the rest merge into columns.
 */
export const MAX_WIDE_SPANS_PER_PX = 2;

/**
 * Scratch per-pixel-column aggregates for one lane of one frame: the worst status and the kind of the
 * longest span in each column, and how many queued lead-ins cross it. Reused across lanes and frames so
 * a frame allocates nothing.
 */
export class PixelColumns {
  /** Worst status code in the column, -1 for an empty column. */
  status = new Int8Array(0);
  kind = new Uint8Array(0);
  /** Length (px) of the longest span seen in the column: the one whose kind the column shows. */
  longestPx = new Float32Array(0);
  /** Lead-ins crossing each column (after `collect`). */
  leadIns = new Int32Array(0);
  /** Delivery tails (a finished task's result waiting for the loop) crossing each column (after `collect`). */
  tails = new Int32Array(0);
  count = 0;
  /** Spans too wide to merge: drawn one by one. */
  readonly wideSlots: number[] = [];
  /** Per status code, then per kind code: +1 where an overflowing wide span starts, -1 past its end. */
  #overflowStatus = new Int32Array(0);
  #overflowKind = new Int32Array(0);
  #overflowed = false;

  reset(columns: number): void {
    if (this.status.length < columns) {
      this.status = new Int8Array(columns);
      this.kind = new Uint8Array(columns);
      this.longestPx = new Float32Array(columns);
      this.leadIns = new Int32Array(columns + 1);
      this.tails = new Int32Array(columns + 1);
    }
    this.count = columns;
    this.status.fill(-1, 0, columns);
    this.longestPx.fill(0, 0, columns);
    this.leadIns.fill(0, 0, columns + 1);
    this.tails.fill(0, 0, columns + 1);
    this.wideSlots.length = 0;
    this.#overflowed = false;
  }

  /**
   * One pass over a lane's tasks in the visible window: spans narrower than `wideMinPx`, every lead-in and
   * every delivery tail go into the columns, wider spans into `wideSlots`. The hot loop of a frame, hence the
   * plain locals.
   */
  collect(data: TimelineData, spans: LaneSpans, scale: TimeScale, wideMinPx: number): void {
    const { startMs, endMs, pxPerMs } = scale;
    const starts = data.startMs;
    const ends = data.endMs;
    const queued = data.queuedMs;
    const observed = data.observedMs;
    const tails = this.tails;
    const statuses = data.status;
    const kinds = data.kind;
    const now = data.nowMs;
    const slots = spans.slots;
    const status = this.status;
    const kind = this.kind;
    const longest = this.longestPx;
    const leadIns = this.leadIns;
    const last = this.count - 1;
    const maxWide = this.count * MAX_WIDE_SPANS_PER_PX;
    for (let k = spans.firstReaching(startMs, ends); k < slots.length; k++) {
      const slot = slots[k]!;
      const start = starts[slot]!;
      if (start > endMs) break;
      const end = Math.max(start, Math.min(ends[slot]!, now));
      if (end < startMs) continue;
      const x0 = (start - startMs) * pxPerMs;
      const x1 = (end - startMs) * pxPerMs;
      const queuedAt = queued[slot]!;
      if (queuedAt < start && x0 >= 1) {
        const from = queuedAt <= startMs ? 0 : Math.floor((queuedAt - startMs) * pxPerMs);
        const to = Math.min(this.count, Math.floor(x0));
        if (to > from) {
          leadIns[from]!++;
          leadIns[to]!--;
        }
      }
      const observedAt = observed[slot]!;
      if (observedAt - end >= DELIVERY_GAP_SHOWN_MS && observedAt < Infinity) {
        const from = x1 <= 0 ? 0 : Math.ceil(x1);
        const to = Math.min(this.count, Math.ceil((Math.min(observedAt, endMs) - startMs) * pxPerMs));
        if (to > from) {
          tails[from]!++;
          tails[to]!--;
        }
      }
      const width = x1 - x0;
      const code = statuses[slot]!;
      const kindCode = kinds[slot]!;
      const to = Math.min(last, Math.floor(x1));
      if (width >= wideMinPx) {
        if (this.wideSlots.length < maxWide) this.wideSlots.push(slot);
        else this.#addOverflow(x0 <= 0 ? 0 : Math.floor(x0), to, code, kindCode);
        continue;
      }
      for (let c = x0 <= 0 ? 0 : Math.floor(x0); c <= to; c++) {
        if (code > status[c]!) status[c] = code;
        if (width >= longest[c]!) {
          longest[c] = width;
          kind[c] = kindCode;
        }
      }
    }
    let covered = 0;
    let tailed = 0;
    for (let c = 0; c <= last; c++) {
      covered += leadIns[c]!;
      leadIns[c] = covered;
      tailed += tails[c]!;
      tails[c] = tailed;
    }
    if (this.#overflowed) this.#resolveOverflow();
  }

  #addOverflow(from: number, to: number, status: number, kind: number): void {
    const stride = this.count + 1;
    if (!this.#overflowed) {
      this.#overflowed = true;
      if (this.#overflowStatus.length < STATUS_BY_CODE.length * stride) {
        this.#overflowStatus = new Int32Array(STATUS_BY_CODE.length * stride);
        this.#overflowKind = new Int32Array(TASK_KINDS.length * stride);
      }
      this.#overflowStatus.fill(0);
      this.#overflowKind.fill(0);
    }
    this.#overflowStatus[status * stride + from]!++;
    this.#overflowStatus[status * stride + to + 1]!--;
    this.#overflowKind[kind * stride + from]!++;
    this.#overflowKind[kind * stride + to + 1]!--;
  }

  /** Folds the overflowing spans in: the worst status covering a column, and the kind most of them have. */
  #resolveOverflow(): void {
    const stride = this.count + 1;
    const statusCount = new Int32Array(STATUS_BY_CODE.length);
    const kindCount = new Int32Array(TASK_KINDS.length);
    for (let c = 0; c < this.count; c++) {
      let worst = -1;
      for (let s = 0; s < statusCount.length; s++) {
        statusCount[s]! += this.#overflowStatus[s * stride + c]!;
        if (statusCount[s]! > 0) worst = s;
      }
      let dominant = 0;
      for (let k = 0; k < kindCount.length; k++) {
        kindCount[k]! += this.#overflowKind[k * stride + c]!;
        if (kindCount[k]! > kindCount[dominant]!) dominant = k;
      }
      if (worst < 0) continue;
      if (worst > this.status[c]!) this.status[c] = worst;
      this.kind[c] = dominant;
      this.longestPx[c] = Infinity;
    }
  }
}
