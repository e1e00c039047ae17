import type { FrameScheduler } from './run/frame-coalescer';

/** How often the shown frame rate is recomputed. */
export const FRAME_RATE_WINDOW_MS = 500;

/**
 * Measures the UI's own frame rate from `requestAnimationFrame`, so the status bar can show that the
 * window stays responsive whatever a run does.
 */
export class FrameRateMeter {
  #fps = $state(0);
  #worstGapMs = $state(0);
  #running = false;
  #frames = 0;
  #windowStartMs = 0;
  #lastFrameMs = 0;
  #windowWorstMs = 0;
  readonly #schedule: FrameScheduler;
  readonly #now: () => number;

  constructor(schedule: FrameScheduler, now: () => number = () => performance.now()) {
    this.#schedule = schedule;
    this.#now = now;
  }

  /** Frames per second over the last window. */
  get fps(): number { return this.#fps; }
  /** The longest gap between two frames in the last window. */
  get worstGapMs(): number { return this.#worstGapMs; }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#windowStartMs = this.#lastFrameMs = this.#now();
    this.#frames = 0;
    this.#windowWorstMs = 0;
    this.#schedule(() => this.#tick());
  }

  stop(): void {
    this.#running = false;
  }

  #tick(): void {
    if (!this.#running) return;
    const now = this.#now();
    this.#frames++;
    this.#windowWorstMs = Math.max(this.#windowWorstMs, now - this.#lastFrameMs);
    this.#lastFrameMs = now;
    const windowMs = now - this.#windowStartMs;
    if (windowMs >= FRAME_RATE_WINDOW_MS) {
      this.#fps = Math.round((this.#frames * 1000) / windowMs);
      this.#worstGapMs = this.#windowWorstMs;
      this.#frames = 0;
      this.#windowWorstMs = 0;
      this.#windowStartMs = now;
    }
    this.#schedule(() => this.#tick());
  }
}
