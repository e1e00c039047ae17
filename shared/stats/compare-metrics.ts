import type { RunMetrics } from '../metrics/metrics-schema';
import { COMPARED_METRICS, type BetterDirection } from './compared-metrics';
import { formatRatio, ratioOf, verdictOf, type Verdict } from './ratio';

/** One run's value of a metric against the baseline run's. */
export interface MetricRatio {
  value: number;
  /** `value / baseline`; null when the baseline is 0 and the value is not. */
  ratio: number | null;
  /** The ratio as people read it: `2.4x`. */
  ratioText: string;
  verdict: Verdict;
}

/** One row of a comparison table: a metric of the baseline run and of every other run, in order. */
export interface MetricComparison {
  key: string;
  label: string;
  unit: string;
  better: BetterDirection;
  baseline: number;
  others: MetricRatio[];
}

/**
 * Compares single runs with a baseline run, metric by metric: each other run's ratio to the baseline and
 * whether it is better or worse (lower is better for times and memory, higher for throughput). The CLI's
 * `compare` and the UI both show this.
 */
export function compareMetrics(baseline: RunMetrics, others: readonly RunMetrics[]): MetricComparison[] {
  return COMPARED_METRICS.map((metric) => {
    const base = metric.read(baseline);
    return {
      key: metric.key,
      label: metric.label,
      unit: metric.unit,
      better: metric.better,
      baseline: base,
      others: others.map((run) => {
        const value = metric.read(run);
        const ratio = ratioOf(base, value);
        return { value, ratio, ratioText: formatRatio(ratio), verdict: verdictOf(metric.better, base, value) };
      }),
    };
  });
}
