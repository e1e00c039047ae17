import { ensureLength } from '../../../shared/arrays/ensure-length';
import { lowerBound } from './lower-bound';

const NO_ENDS = new Float64Array(0);

/**
 * The tasks of one lane in start order, with a running maximum of their ends. Spans in a lane may overlap
 * (a lane of `all`), so the first task that reaches into a time window is the first whose running maximum
 * end is inside it: a binary search, never a scan of the lane.
 */
export class LaneSpans {
  /** Task slots (positions in `TimelineData`'s arrays), sorted by start. */
  readonly slots: number[] = [];
  // Allocated on first draw: a run of `all` has a lane per task, most never on screen.
  #maxEndMs = NO_ENDS;
  #validPrefix = 0;
  #sorted = true;

  get count(): number {
    return this.slots.length;
  }

  /**
   * Adds a slot at the end. Returns true when that put the lane out of start order (for the first time
   * since it was last settled): the caller must `settle` it before anything reads it.
   */
  push(slot: number, startMs: number, startOf: Float64Array): boolean {
    const last = this.slots[this.slots.length - 1];
    this.slots.push(slot);
    if (!this.#sorted || last === undefined || startOf[last]! <= startMs) return false;
    this.#sorted = false;
    return true;
  }

  remove(slot: number): void {
    const position = this.slots.indexOf(slot);
    if (position < 0) return;
    this.slots.splice(position, 1);
    this.#validPrefix = Math.min(this.#validPrefix, position);
  }

  /** The task starting at `startMs` changed its end: the running maximum is stale from its position on. */
  endChanged(startMs: number, startOf: Float64Array): void {
    if (!this.#sorted) return;
    const position = lowerBound(this.slots.length, (i) => startOf[this.slots[i]!]!, startMs);
    this.#validPrefix = Math.min(this.#validPrefix, position);
  }

  /** Restores start order after out-of-order appends (V8's sort is adaptive: nearly sorted input is linear). */
  settle(startOf: Float64Array): void {
    if (this.#sorted) return;
    this.slots.sort((a, b) => startOf[a]! - startOf[b]! || a - b);
    this.#sorted = true;
    this.#validPrefix = 0;
  }

  /** Position of the first task whose span reaches `timeMs` or later (running tasks reach forever). */
  firstReaching(timeMs: number, endOf: Float64Array): number {
    this.#refresh(endOf);
    const maxEnd = this.#maxEndMs;
    return lowerBound(this.slots.length, (i) => maxEnd[i]!, timeMs);
  }

  /** Position of the first task that starts after `timeMs`. */
  firstStartingAfter(timeMs: number, startOf: Float64Array, from = 0): number {
    return lowerBound(this.slots.length, (i) => (startOf[this.slots[i]!]! > timeMs ? 1 : 0), 1, from);
  }

  #refresh(endOf: Float64Array): void {
    const slots = this.slots;
    if (this.#validPrefix === slots.length) return;
    const maxEnd = (this.#maxEndMs = ensureLength(this.#maxEndMs, slots.length));
    let running = this.#validPrefix > 0 ? maxEnd[this.#validPrefix - 1]! : -Infinity;
    for (let i = this.#validPrefix; i < slots.length; i++) {
      const end = endOf[slots[i]!]!;
      if (end > running) running = end;
      maxEnd[i] = running;
    }
    this.#validPrefix = slots.length;
  }
}
