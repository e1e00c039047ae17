/**
 * Maps run time (ms from run start) to CSS pixels in the plot area and back. Built once per frame from
 * the visible window; every drawing and hit-testing function takes it rather than doing its own math.
 */
export interface TimeScale {
  readonly startMs: number;
  readonly endMs: number;
  /** Left edge of the plot area (CSS px). */
  readonly leftPx: number;
  readonly widthPx: number;
  readonly pxPerMs: number;
  msToPx(ms: number): number;
  pxToMs(px: number): number;
}

export function createTimeScale(startMs: number, endMs: number, leftPx: number, widthPx: number): TimeScale {
  if (!(endMs > startMs)) throw new RangeError(`time window: end (${endMs}) must be after start (${startMs})`);
  const width = Math.max(1, widthPx);
  const pxPerMs = width / (endMs - startMs);
  return {
    startMs,
    endMs,
    leftPx,
    widthPx: width,
    pxPerMs,
    msToPx: (ms) => leftPx + (ms - startMs) * pxPerMs,
    pxToMs: (px) => startMs + (px - leftPx) / pxPerMs,
  };
}
