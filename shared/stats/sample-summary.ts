import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { mean, sampleStandardDeviation } from 'simple-statistics';

/**
 * Mean, sample standard deviation and 95% confidence interval of the mean (Student's t with n - 1 degrees
 * of freedom) of repeated measurements. These names are public: the CLI's `--json` output uses them.
 * With fewer than two values there is no spread to estimate: `sd` and `ci95` are then null.
 */
export interface SampleSummary {
  mean: number;
  sd: number | null;
  ci95: [lo: number, hi: number] | null;
  n: number;
}

/** Summarises a sample; throws when it is empty, since an empty sample has no mean. */
export function summarize(values: readonly number[]): SampleSummary {
  if (values.length === 0) throw new Error('cannot summarise an empty sample');
  const n = values.length;
  const centre = mean([...values]);
  if (n < 2) return { mean: centre, sd: null, ci95: null, n };
  const sd = sampleStandardDeviation([...values]);
  const halfWidth = (tQuantile(0.975, n - 1) * sd) / Math.sqrt(n);
  return { mean: centre, sd, ci95: [centre - halfWidth, centre + halfWidth], n };
}
