/** Runs a callback before the next frame is drawn (`requestAnimationFrame` in a browser). */
export type FrameScheduler = (callback: () => void) => void;

/** `requestAnimationFrame` where there is one, else a timer at about 60 Hz. */
export const nextFrame: FrameScheduler = (callback) => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => callback());
  else setTimeout(callback, 16);
};

/**
 * Collects items as they arrive and hands them over together, at most once per frame: however many
 * batches the backend sends, the UI does the work of one update per frame.
 */
export class FrameCoalescer<T> {
  #pending: T[] = [];
  #scheduled = false;
  readonly #schedule: FrameScheduler;
  readonly #flush: (items: T[]) => void;

  constructor(schedule: FrameScheduler, flush: (items: T[]) => void) {
    this.#schedule = schedule;
    this.#flush = flush;
  }

  push(item: T): void {
    this.#pending.push(item);
    if (this.#scheduled) return;
    this.#scheduled = true;
    this.#schedule(() => {
      this.#scheduled = false;
      this.flushNow();
    });
  }

  /** Hands over what is pending right away (e.g. when the run finishes). */
  flushNow(): void {
    if (this.#pending.length === 0) return;
    const items = this.#pending;
    this.#pending = [];
    this.#flush(items);
  }

  /** Drops what is pending (the run it belonged to is gone). */
  clear(): void {
    this.#pending = [];
  }
}
