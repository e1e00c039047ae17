import type { RunMetrics } from '../metrics/metrics-schema';
import { COMPARED_METRICS } from './compare-metrics';
import { directionOf, formatRatio, ratioOf, verdictOf, type BetterDirection, type Verdict } from './ratio';
import { summarize, type SampleSummary } from './sample-summary';
import { welchTest, type WelchTest } from './welch-test';

/** One group of repeated runs against the baseline group, for one metric. */
export interface RepeatedMetricRatio {
  summary: SampleSummary;
  /** Ratio of the means. */
  ratio: number | null;
  ratioText: string;
  /**
   * With two or more runs on both sides, `same` unless Welch's t-test finds the difference significant;
   * otherwise as for single runs.
   */
  verdict: Verdict;
  /** Null when either group has fewer than two runs, or neither has any spread. */
  welch: WelchTest | null;
}

/** One row of a comparison of repeated runs. */
export interface RepeatedMetricComparison {
  key: string;
  label: string;
  unit: string;
  better: BetterDirection;
  baseline: SampleSummary;
  others: RepeatedMetricRatio[];
}

/**
 * Compares groups of repeated runs (for example two repeat experiments) with a baseline group, metric by
 * metric: mean and 95% CI of each, the ratio of the means and whether the difference is significant.
 * Throws when a group is empty.
 */
export function compareRepeats(
  baseline: readonly RunMetrics[],
  others: readonly (readonly RunMetrics[])[],
): RepeatedMetricComparison[] {
  if (baseline.length === 0 || others.some((group) => group.length === 0)) {
    throw new Error('every group of a comparison needs at least one run with metrics');
  }
  return COMPARED_METRICS.map((metric) => {
    const baseValues = baseline.map(metric.read);
    const baseSummary = summarize(baseValues);
    return {
      key: metric.key,
      label: metric.label,
      unit: metric.unit,
      better: metric.better,
      baseline: baseSummary,
      others: others.map((group) => {
        const values = group.map(metric.read);
        const summary = summarize(values);
        const ratio = ratioOf(baseSummary.mean, summary.mean);
        const welch = welchTest(baseValues, values);
        const verdict =
          welch === null
            ? verdictOf(metric.better, baseSummary.mean, summary.mean)
            : welch.significant
              ? directionOf(metric.better, baseSummary.mean, summary.mean)
              : 'same';
        return { summary, ratio, ratioText: formatRatio(ratio), verdict, welch };
      }),
    };
  });
}
