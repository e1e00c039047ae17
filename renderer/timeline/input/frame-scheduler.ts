/** The browser's frame callbacks, passed in so tests can drive frames by hand. */
export interface FrameClock {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

/** Coalesces any number of redraw requests into one `draw` on the next animation frame. */
export interface FrameScheduler {
  request(): void;
  cancel(): void;
}

/** The browser's own animation frames. */
export const ANIMATION_FRAMES: FrameClock = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

export function createFrameScheduler(draw: () => void, clock: FrameClock): FrameScheduler {
  let pending: number | null = null;
  return {
    request() {
      if (pending !== null) return;
      pending = clock.request(() => {
        pending = null;
        draw();
      });
    },
    cancel() {
      if (pending !== null) clock.cancel(pending);
      pending = null;
    },
  };
}
