import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { mean, median, medianAbsoluteDeviation, sampleStandardDeviation } from 'simple-statistics';
import type { RunMetrics } from '../metrics/metrics-schema';
import { COMPARED_METRICS } from './compare-metrics';

/**
 * Mean, sample standard deviation and 95% confidence interval of the mean (Student's t with n - 1 degrees
 * of freedom) of repeated measurements, with their range, median, coefficient of variation and outliers, as
 * hyperfine reports them. These names are public: the CLI's `--json` output uses them. With fewer than two
 * values there is no spread to estimate: `sd`, `ci95` and `cv` are then null.
 */
export interface SampleSummary {
  mean: number;
  sd: number | null;
  ci95: [lo: number, hi: number] | null;
  n: number;
  min: number;
  median: number;
  max: number;
  /** `sd / mean`: how noisy the runs were; null without spread to estimate or with a mean of 0. */
  cv: number | null;
  /** How many values lie far from the others (modified z-score over `OUTLIER_Z`). */
  outliers: number;
}

/** Runs whose spread is over this share of their mean are too noisy to trust small differences (10%). */
export const NOISY_CV = 0.1;
/** Iglewicz and Hoaglin's cut-off for the modified z-score (median and MAD based, robust to the outliers themselves). */
export const OUTLIER_Z = 3.5;
const MAD_TO_Z = 0.6745;

/** Summarises a sample; throws when it is empty, since an empty sample has no mean. */
export function summarize(values: readonly number[]): SampleSummary {
  if (values.length === 0) throw new Error('cannot summarise an empty sample');
  const sample = [...values];
  const n = sample.length;
  const centre = mean(sample);
  const range = { min: Math.min(...sample), median: median(sample), max: Math.max(...sample), outliers: countOutliers(sample) };
  if (n < 2) return { mean: centre, sd: null, ci95: null, n, ...range, cv: null };
  const sd = sampleStandardDeviation(sample);
  const halfWidth = (tQuantile(0.975, n - 1) * sd) / Math.sqrt(n);
  const cv = centre === 0 ? null : sd / Math.abs(centre);
  return { mean: centre, sd, ci95: [centre - halfWidth, centre + halfWidth], n, ...range, cv };
}

function countOutliers(sample: number[]): number {
  if (sample.length < 3) return 0;
  const centre = median(sample);
  const mad = medianAbsoluteDeviation(sample);
  if (mad === 0) return 0;
  return sample.filter((x) => Math.abs((MAD_TO_Z * (x - centre)) / mad) > OUTLIER_Z).length;
}

/**
 * What should make a reader wary of a summary, in words (empty when nothing): too few runs, noisy runs
 * (coefficient of variation over `NOISY_CV`), outliers. The UI and the CLI say the same.
 */
export function summaryWarnings(summary: SampleSummary): string[] {
  const warnings: string[] = [];
  if (summary.n < 2) warnings.push('one run: no spread to estimate');
  if (summary.cv !== null && summary.cv > NOISY_CV) warnings.push(`noisy: the runs vary by ${Math.round(summary.cv * 100)}% of their mean`);
  if (summary.outliers > 0) warnings.push(`${summary.outliers} outlier${summary.outliers === 1 ? '' : 's'}: another program or a cold start may have disturbed ${summary.outliers === 1 ? 'a run' : 'some runs'}`);
  return warnings;
}

function formatNumber(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude >= 100) return value.toFixed(0);
  if (magnitude >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** `412 ± 18 ms (95% CI, n=5)`; a single run reads `412 ms (n=1)`. */
export function formatSummary(summary: Pick<SampleSummary, 'mean' | 'ci95' | 'n'>, unit: string): string {
  const suffix = unit === '' ? '' : ` ${unit}`;
  if (summary.ci95 === null) return `${formatNumber(summary.mean)}${suffix} (n=${summary.n})`;
  const halfWidth = (summary.ci95[1] - summary.ci95[0]) / 2;
  return `${formatNumber(summary.mean)} ± ${formatNumber(halfWidth)}${suffix} (95% CI, n=${summary.n})`;
}

/** What a repeat experiment reports: `stats` in the CLI's JSON output. */
export interface RepeatStats {
  wallMs: SampleSummary;
  throughputPerSec: SampleSummary;
  /** Every compared metric (`COMPARED_METRICS`), keyed by its path: `latencyMs.p99`. */
  metrics: Record<string, SampleSummary>;
}

/** Summarises the metrics of the counted runs of a repeat; null when no run produced metrics. */
export function repeatStats(runs: readonly RunMetrics[]): RepeatStats | null {
  if (runs.length === 0) return null;
  return {
    wallMs: summarize(runs.map((m) => m.wallMs)),
    throughputPerSec: summarize(runs.map((m) => m.throughputPerSec)),
    metrics: Object.fromEntries(COMPARED_METRICS.map((metric) => [metric.key, summarize(runs.map(metric.read))])),
  };
}
