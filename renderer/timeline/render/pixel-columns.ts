/**
 * Scratch per-pixel-column aggregates for one lane of one frame: the worst status and the kind of the
 * longest span in each column, and which columns a queued lead-in crosses. Reused across lanes and
 * frames so a frame allocates nothing.
 */
export class PixelColumns {
  /** Worst status code in the column, -1 for an empty column. */
  status = new Int8Array(0);
  kind = new Uint8Array(0);
  /** Length (px) of the longest span seen in the column: the one whose kind the column shows. */
  longestPx = new Float32Array(0);
  /** While collecting: +1 where a lead-in starts, -1 past its end; after `resolveLeadIns`: lead-ins per column. */
  leadInDelta = new Int32Array(0);
  count = 0;

  reset(columns: number): void {
    if (this.status.length < columns) {
      this.status = new Int8Array(columns);
      this.kind = new Uint8Array(columns);
      this.longestPx = new Float32Array(columns);
      this.leadInDelta = new Int32Array(columns + 1);
    }
    this.count = columns;
    this.status.fill(-1, 0, columns);
    this.longestPx.fill(0, 0, columns);
    this.leadInDelta.fill(0, 0, columns + 1);
  }

  /** Adds a span from `x0` to `x1` (px from the plot's left edge, already known to overlap it). */
  addSpan(x0: number, x1: number, status: number, kind: number): void {
    const last = this.count - 1;
    const from = Math.max(0, Math.floor(x0));
    const to = Math.min(last, Math.floor(x1));
    const length = x1 - x0;
    for (let c = from; c <= to; c++) {
      if (status > this.status[c]!) this.status[c] = status;
      if (length >= this.longestPx[c]!) {
        this.longestPx[c] = length;
        this.kind[c] = kind;
      }
    }
  }

  addLeadIn(x0: number, x1: number): void {
    const from = Math.max(0, Math.floor(x0));
    const to = Math.min(this.count, Math.floor(x1));
    if (to <= from) return;
    this.leadInDelta[from] = this.leadInDelta[from]! + 1;
    this.leadInDelta[to] = this.leadInDelta[to]! - 1;
  }

  /** Turns the lead-in deltas into per-column counts (call once, after the last `addLeadIn`). */
  resolveLeadIns(): void {
    let covered = 0;
    for (let c = 0; c < this.count; c++) {
      covered += this.leadInDelta[c]!;
      this.leadInDelta[c] = covered;
    }
  }
}
