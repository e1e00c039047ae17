/** Which direction of a metric is the good one. */
export type BetterDirection = 'lower' | 'higher';

/** How a value compares with the baseline's, taking into account which direction is better. */
export type Verdict = 'better' | 'worse' | 'same';

/**
 * Values within this fraction of the baseline count as `same` when there are no repeats to test: one run's
 * noise is larger than that, and the ratio is shown to about this precision anyway.
 */
export const SAME_WITHIN_FRACTION = 0.05;

/** `value / baseline`; 1 when both are 0, null when only the baseline is 0 (no finite ratio). */
export function ratioOf(baseline: number, value: number): number | null {
  if (baseline === 0) return value === 0 ? 1 : null;
  return value / baseline;
}

/** `2.4x`, `12x`, `0.43x`; `n/a` for a ratio that does not exist. */
export function formatRatio(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return 'n/a';
  if (ratio >= 10) return `${Math.round(ratio)}x`;
  if (ratio >= 1) return `${ratio.toFixed(1)}x`;
  return `${ratio === 0 ? 0 : ratio.toPrecision(2)}x`;
}

/** Better or worse than the baseline, or `same` within `SAME_WITHIN_FRACTION`. */
export function verdictOf(better: BetterDirection, baseline: number, value: number): Verdict {
  const ratio = ratioOf(baseline, value);
  if (ratio !== null && Math.abs(ratio - 1) < SAME_WITHIN_FRACTION) return 'same';
  return directionOf(better, baseline, value);
}

/** Better or worse by direction alone (`same` only when equal). */
export function directionOf(better: BetterDirection, baseline: number, value: number): Verdict {
  if (value === baseline) return 'same';
  return (value < baseline) === (better === 'lower') ? 'better' : 'worse';
}
