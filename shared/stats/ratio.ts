/** Which direction of a metric is the good one. */
export type BetterDirection = 'lower' | 'higher';

/**
 * How a value compares with the baseline's, taking into account which direction is better; `incomplete` when
 * either run was cancelled, failed or interrupted: its numbers describe part of a run, so no verdict is given.
 */
export type Verdict = 'better' | 'worse' | 'same' | 'incomplete';

/**
 * Single runs within this fraction of the baseline (±5%, bounds included, on the ratio as shown) count as
 * `same`: one run's noise is about that large. Where repeats exist, Welch's t-test decides instead.
 */
export const SAME_WITHIN_FRACTION = 0.05;

/** `value / baseline`; 1 when both are 0, null when only the baseline is 0 (no finite ratio). */
export function ratioOf(baseline: number, value: number): number | null {
  if (baseline === 0) return value === 0 ? 1 : null;
  return value / baseline;
}

/** `2.4x`, `12x`, `1.05x`, `0.43x`; `n/a` for a ratio that does not exist. Near 1, two decimals: the noise band's precision. */
export function formatRatio(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return 'n/a';
  if (ratio >= 10) return `${Math.round(ratio)}x`;
  if (ratio >= 2) return `${ratio.toFixed(1)}x`;
  if (ratio >= 1) return `${ratio.toFixed(2)}x`;
  return `${ratio === 0 ? 0 : ratio.toPrecision(2)}x`;
}

/** Better or worse than the baseline, or `same` within `SAME_WITHIN_FRACTION` of the ratio as shown (0.95x and 1.05x are `same`). */
export function verdictOf(better: BetterDirection, baseline: number, value: number): Verdict {
  const ratio = ratioOf(baseline, value);
  // In whole percent, so that 0.95 is not 0.0500000001 away from 1.
  if (ratio !== null && Math.abs(Math.round(ratio * 100) - 100) <= Math.round(SAME_WITHIN_FRACTION * 100)) return 'same';
  return directionOf(better, baseline, value);
}

/** Better or worse by direction alone (`same` only when equal). */
export function directionOf(better: BetterDirection, baseline: number, value: number): Verdict {
  if (value === baseline) return 'same';
  return (value < baseline) === (better === 'lower') ? 'better' : 'worse';
}
