/** A visible time range, ms from run start. */
export interface TimeWindow {
  readonly startMs: number;
  readonly endMs: number;
}

/** The narrowest window: finer than a microsecond says nothing the engine's clock can tell. */
export const MIN_WINDOW_MS = 0.001;
/** An empty or instant run still gets a window this wide. */
export const MIN_EXTENT_MS = 1;
/** Fit leaves this share of the extent free on the left and twice that on the right. */
export const FIT_PADDING_RATIO = 0.01;

/** The whole run with a little room either side; also how far zoom-out and panning may go. */
export function fitWindow(extentMs: number): TimeWindow {
  const extent = Math.max(MIN_EXTENT_MS, Number.isFinite(extentMs) ? extentMs : 0);
  const padding = extent * FIT_PADDING_RATIO;
  return { startMs: -padding, endMs: extent + 2 * padding };
}

/** `window` made no narrower than `MIN_WINDOW_MS`, no wider than `bounds`, and moved inside `bounds`. */
export function clampWindow(window: TimeWindow, bounds: TimeWindow): TimeWindow {
  const maxSpan = bounds.endMs - bounds.startMs;
  const span = Math.min(maxSpan, Math.max(MIN_WINDOW_MS, window.endMs - window.startMs));
  const startMs = Math.min(bounds.endMs - span, Math.max(bounds.startMs, window.startMs));
  return { startMs, endMs: startMs + span };
}

/** Zooms by `factor` (> 1 in, < 1 out) keeping `anchorMs` where it is on screen. */
export function zoomWindow(window: TimeWindow, factor: number, anchorMs: number, bounds: TimeWindow): TimeWindow {
  if (!(factor > 0) || !Number.isFinite(factor)) return window;
  const span = window.endMs - window.startMs;
  const anchor = Math.min(window.endMs, Math.max(window.startMs, anchorMs));
  const nextSpan = Math.min(bounds.endMs - bounds.startMs, Math.max(MIN_WINDOW_MS, span / factor));
  const startMs = anchor - ((anchor - window.startMs) / span) * nextSpan;
  return clampWindow({ startMs, endMs: startMs + nextSpan }, bounds);
}

/** Moves the window `deltaMs` later (earlier when negative), stopping at the bounds. */
export function panWindow(window: TimeWindow, deltaMs: number, bounds: TimeWindow): TimeWindow {
  if (!Number.isFinite(deltaMs)) return window;
  return clampWindow({ startMs: window.startMs + deltaMs, endMs: window.endMs + deltaMs }, bounds);
}
