import { tickFormatter } from './format-time';
import type { TimeScale } from './time-scale';

/** Ticks closer than this would make their labels collide. */
export const MIN_TICK_SPACING_PX = 90;

export interface TimeTick {
  readonly ms: number;
  readonly xPx: number;
  readonly label: string;
}

/** The smallest 1, 2 or 5 × 10^k ms step that keeps ticks at least `minSpacingPx` apart. */
export function tickStepMs(pxPerMs: number, minSpacingPx = MIN_TICK_SPACING_PX): number {
  const minStep = minSpacingPx / pxPerMs;
  const power = 10 ** Math.floor(Math.log10(minStep));
  for (const factor of [1, 2, 5, 10]) {
    if (power * factor >= minStep) return power * factor;
  }
  return power * 10;
}

/** Round-numbered ticks across the visible window. */
export function timeTicks(scale: TimeScale, minSpacingPx = MIN_TICK_SPACING_PX): TimeTick[] {
  const step = tickStepMs(scale.pxPerMs, minSpacingPx);
  // Nothing happens before the run starts: no ticks left of 0.
  const first = Math.max(0, Math.ceil(scale.startMs / step));
  const last = Math.floor(scale.endMs / step);
  const label = tickFormatter(step, last * step);
  const ticks: TimeTick[] = [];
  for (let n = first; n <= last; n++) {
    const ms = n * step;
    ticks.push({ ms, xPx: scale.msToPx(ms), label: label(ms) });
  }
  return ticks;
}
