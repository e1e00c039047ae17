/**
 * Calls `callback` once the next frame has been painted (a task queued from the frame's callback), so that
 * work which can wait (charts, a large run's results) never holds up a frame that shows something now.
 * Returns a function that cancels it.
 */
export function afterNextPaint(callback: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (timer = setTimeout(callback, 0)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/** How long work put off until the page is idle waits at most, on a page that is never idle. */
const IDLE_WAIT_MS = 100;

/**
 * Like `afterNextPaint`, then once the page has nothing more urgent to do (an idle callback, at most
 * `IDLE_WAIT_MS` later; a plain task where the browser has no idle callbacks): a message that brings a run's first
 * tasks is handled, and drawn, before the charts are built, instead of waiting for them.
 */
export function whenIdleAfterPaint(callback: () => void): () => void {
  let cancelIdle = () => {};
  const frame = requestAnimationFrame(() => {
    if (typeof requestIdleCallback === 'function') {
      const idle = requestIdleCallback(callback, { timeout: IDLE_WAIT_MS });
      cancelIdle = () => cancelIdleCallback(idle);
    } else {
      const timer = setTimeout(callback, 0);
      cancelIdle = () => clearTimeout(timer);
    }
  });
  return () => {
    cancelAnimationFrame(frame);
    cancelIdle();
  };
}
