import type { TimelineData } from '../data/timeline-data';
import type { LaneSpans } from '../data/lane-spans';
import type { TimeScale } from '../scale/time-scale';

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
  count = 0;
  /** Spans too wide to merge: drawn one by one. */
  readonly wideSlots: number[] = [];

  reset(columns: number): void {
    if (this.status.length < columns) {
      this.status = new Int8Array(columns);
      this.kind = new Uint8Array(columns);
      this.longestPx = new Float32Array(columns);
      this.leadIns = new Int32Array(columns + 1);
    }
    this.count = columns;
    this.status.fill(-1, 0, columns);
    this.longestPx.fill(0, 0, columns);
    this.leadIns.fill(0, 0, columns + 1);
    this.wideSlots.length = 0;
  }

  /**
   * One pass over a lane's tasks in the visible window: spans narrower than `wideMinPx` and every lead-in
   * go into the columns, wider spans into `wideSlots`. The hot loop of a frame, hence the plain locals.
   */
  collect(data: TimelineData, spans: LaneSpans, scale: TimeScale, wideMinPx: number): void {
    const { startMs, endMs, pxPerMs } = scale;
    const starts = data.startMs;
    const ends = data.endMs;
    const queued = data.queuedMs;
    const statuses = data.status;
    const kinds = data.kind;
    const now = data.nowMs;
    const slots = spans.slots;
    const status = this.status;
    const kind = this.kind;
    const longest = this.longestPx;
    const leadIns = this.leadIns;
    const last = this.count - 1;
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
      const width = x1 - x0;
      if (width >= wideMinPx) {
        this.wideSlots.push(slot);
        continue;
      }
      const code = statuses[slot]!;
      const kindCode = kinds[slot]!;
      const to = Math.min(last, Math.floor(x1));
      for (let c = x0 <= 0 ? 0 : Math.floor(x0); c <= to; c++) {
        if (code > status[c]!) status[c] = code;
        if (width >= longest[c]!) {
          longest[c] = width;
          kind[c] = kindCode;
        }
      }
    }
    let covered = 0;
    for (let c = 0; c <= last; c++) {
      covered += leadIns[c]!;
      leadIns[c] = covered;
    }
  }
}
