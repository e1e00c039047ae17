import { quantileSorted } from 'simple-statistics';
import type { Percentiles } from './metrics-schema';

const NONE: Percentiles = { p50: 0, p90: 0, p99: 0, max: 0, mean: 0 };

/** p50/p90/p99/max/mean of `values` (linear interpolation between ranks); all 0 when there are none. */
export function percentilesOf(values: ArrayLike<number>): Percentiles {
  if (values.length === 0) return NONE;
  // A typed array sorts numbers natively, several times faster than an array with a comparator (a run's
  // metrics sort three lists of every task).
  const sorted = Array.from(Float64Array.from(values).sort());
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    p50: quantileSorted(sorted, 0.5),
    p90: quantileSorted(sorted, 0.9),
    p99: quantileSorted(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? 0,
    mean: sum / sorted.length,
  };
}
