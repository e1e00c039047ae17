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
