import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { mean, sampleStandardDeviation } from 'simple-statistics';
import type { RunMetrics } from '../metrics/metrics-schema';

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

function formatNumber(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude >= 100) return value.toFixed(0);
  if (magnitude >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** `412 ± 18 ms (95% CI, n=5)`; a single run reads `412 ms (n=1)`. */
export function formatSummary(summary: SampleSummary, unit: string): string {
  const suffix = unit === '' ? '' : ` ${unit}`;
  if (summary.ci95 === null) return `${formatNumber(summary.mean)}${suffix} (n=${summary.n})`;
  const halfWidth = (summary.ci95[1] - summary.ci95[0]) / 2;
  return `${formatNumber(summary.mean)} ± ${formatNumber(halfWidth)}${suffix} (95% CI, n=${summary.n})`;
}

/** What a repeat experiment reports: `stats` in the CLI's JSON output. */
export interface RepeatStats {
  wallMs: SampleSummary;
  throughputPerSec: SampleSummary;
}

/** Summarises the metrics of the counted runs of a repeat; null when no run produced metrics. */
export function repeatStats(runs: readonly RunMetrics[]): RepeatStats | null {
  if (runs.length === 0) return null;
  return {
    wallMs: summarize(runs.map((m) => m.wallMs)),
    throughputPerSec: summarize(runs.map((m) => m.throughputPerSec)),
  };
}
