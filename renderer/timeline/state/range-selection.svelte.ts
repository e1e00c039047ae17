import type { TimeWindow } from './view-window';

/**
 * A time range picked on the timeline with shift+drag: the anchor where the drag began and the edge the
 * pointer is at. Escape (or `clear`) removes it; a press without a drag selects nothing.
 */
export class RangeSelection {
  #anchorMs = $state<number | null>(null);
  #edgeMs = $state(0);
  #dragging = $state(false);

  /** True between the shift+press and the release. */
  get dragging(): boolean {
    return this.#dragging;
  }

  /** The selected range, earliest first, or null when none (or while it is still empty). */
  get range(): TimeWindow | null {
    if (this.#anchorMs === null || this.#anchorMs === this.#edgeMs) return null;
    return { startMs: Math.min(this.#anchorMs, this.#edgeMs), endMs: Math.max(this.#anchorMs, this.#edgeMs) };
  }

  begin(timeMs: number): void {
    this.#anchorMs = timeMs;
    this.#edgeMs = timeMs;
    this.#dragging = true;
  }

  extend(timeMs: number): void {
    if (this.#dragging) this.#edgeMs = timeMs;
  }

  finish(): void {
    this.#dragging = false;
    if (this.range === null) this.#anchorMs = null;
  }

  /** Selects `range` as if it had been dragged (a finding's time range, say). */
  set(range: TimeWindow): void {
    this.#anchorMs = range.startMs;
    this.#edgeMs = range.endMs;
    this.#dragging = false;
  }

  clear(): void {
    this.#anchorMs = null;
    this.#dragging = false;
  }
}
