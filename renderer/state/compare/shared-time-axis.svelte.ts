import type { TimeWindow } from '../../timeline/state/view-window';

/**
 * One time axis for timelines stacked on top of each other: they all span the longest run, and a zoom or pan
 * in any of them moves them all (each publishes its window here and shows the one published).
 */
export class SharedTimeAxis {
  #window = $state.raw<TimeWindow | null>(null);
  /** The longest run's extent (ms): every stacked timeline spans this much, so one time sits at one x. */
  readonly extentMs: number;

  constructor(extentMs: number) {
    this.extentMs = Math.max(0, extentMs);
  }

  /** The window every timeline shows; null until the first one has drawn. */
  get window(): TimeWindow | null { return this.#window; }

  publish(window: TimeWindow): void {
    const current = this.#window;
    if (current !== null && current.startMs === window.startMs && current.endMs === window.endMs) return;
    this.#window = window;
  }
}
