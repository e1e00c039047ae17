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
   * One rule for the whole table: when every side has two or more runs, `same` unless Welch's t-test finds
   * the difference significant; otherwise the single runs' ±5% band, for every row and side.
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

/** Which rule decides the verdicts of a comparison of repeated runs. */
export type VerdictRule = 't-test' | 'noise band';

/** The t-test when every side has two or more runs, else the ±5% band (for every row alike). */
export function verdictRule(groupSizes: readonly number[]): VerdictRule {
  return groupSizes.every((n) => n >= 2) ? 't-test' : 'noise band';
}

/**
 * Compares groups of repeated runs (for example two repeat experiments) with a baseline group, metric by
 * metric: mean and 95% CI of each, the ratio of the means and whether the difference is significant.
 * `complete[i]` is false for a side (0 the baseline) that is one run that did not run to its end: it gets no
 * verdict (`incomplete`), as in `compareMetrics`. Throws when a group is empty.
 */
export function compareRepeats(
  baseline: readonly RunMetrics[],
  others: readonly (readonly RunMetrics[])[],
  complete: readonly boolean[] = [],
): RepeatedMetricComparison[] {
  if (baseline.length === 0 || others.some((group) => group.length === 0)) {
    throw new Error('every group of a comparison needs at least one run with metrics');
  }
  const rule = verdictRule([baseline.length, ...others.map((group) => group.length)]);
  return COMPARED_METRICS.map((metric) => {
    const baseValues = baseline.map(metric.read);
    const baseSummary = summarize(baseValues);
    return {
      key: metric.key,
      label: metric.label,
      unit: metric.unit,
      better: metric.better,
      baseline: baseSummary,
      others: others.map((group, i) => {
        const values = group.map(metric.read);
        const summary = summarize(values);
        const ratio = ratioOf(baseSummary.mean, summary.mean);
        const welch = welchTest(baseValues, values);
        // Under the t-test, two samples without any spread differ for sure when their means differ.
        const verdict: Verdict =
          complete[0] === false || complete[i + 1] === false
            ? 'incomplete'
            : rule === 'noise band'
            ? verdictOf(metric.better, baseSummary.mean, summary.mean)
            : welch === null || welch.significant
              ? directionOf(metric.better, baseSummary.mean, summary.mean)
              : 'same';
        return { summary, ratio, ratioText: formatRatio(ratio), verdict, welch };
      }),
    };
  });
}
