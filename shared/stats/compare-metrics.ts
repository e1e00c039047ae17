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
 * whether it is better or worse (lower is better for times and memory, higher for throughput), `same` within
 * the ±5% noise band. `complete[i]` says whether run i (0 the baseline, then `others`) ran to its end; a run
 * that did not, or a baseline that did not, gets no verdict (`incomplete`). The CLI's `compare` and the UI
 * both show this.
 */
export function compareMetrics(baseline: RunMetrics, others: readonly RunMetrics[], complete: readonly boolean[] = []): MetricComparison[] {
  const judged = (i: number) => complete[0] !== false && complete[i + 1] !== false;
  return COMPARED_METRICS.map((metric) => {
    const base = metric.read(baseline);
    return {
      key: metric.key,
      label: metric.label,
      unit: metric.unit,
      better: metric.better,
      baseline: base,
      others: others.map((run, i) => {
        const value = metric.read(run);
        const ratio = ratioOf(base, value);
        return { value, ratio, ratioText: formatRatio(ratio), verdict: judged(i) ? verdictOf(metric.better, base, value) : 'incomplete' };
      }),
    };
  });
}
