import type { RunMetrics } from '../metrics/metrics-schema';
import { formatRatio, ratioOf, verdictOf, type BetterDirection, type Verdict } from './ratio';

/** A run metric that comparisons show, with how to read it and which way is better. */
export interface ComparedMetric {
  /** The metric's path in `RunMetrics`, as the CLI's JSON names it: `latencyMs.p99`. */
  key: string;
  label: string;
  unit: 'ms' | 'per s' | 'bytes';
  better: BetterDirection;
  read(metrics: RunMetrics): number;
}

/** The metrics a comparison shows, in display order. */
export const COMPARED_METRICS: readonly ComparedMetric[] = [
  { key: 'wallMs', label: 'wall time', unit: 'ms', better: 'lower', read: (m) => m.wallMs },
  { key: 'throughputPerSec', label: 'throughput', unit: 'per s', better: 'higher', read: (m) => m.throughputPerSec },
  { key: 'latencyMs.p50', label: 'latency p50', unit: 'ms', better: 'lower', read: (m) => m.latencyMs.p50 },
  { key: 'latencyMs.p90', label: 'latency p90', unit: 'ms', better: 'lower', read: (m) => m.latencyMs.p90 },
  { key: 'latencyMs.p99', label: 'latency p99', unit: 'ms', better: 'lower', read: (m) => m.latencyMs.p99 },
  { key: 'latencyMs.max', label: 'latency max', unit: 'ms', better: 'lower', read: (m) => m.latencyMs.max },
  { key: 'waitMs.p99', label: 'queue wait p99', unit: 'ms', better: 'lower', read: (m) => m.waitMs.p99 },
  { key: 'loopDelayMs.p99', label: 'event-loop delay p99', unit: 'ms', better: 'lower', read: (m) => m.loopDelayMs.p99 },
  { key: 'loopDelayMs.max', label: 'event-loop delay max', unit: 'ms', better: 'lower', read: (m) => m.loopDelayMs.max },
  { key: 'peakRssBytes', label: 'peak memory', unit: 'bytes', better: 'lower', read: (m) => m.peakRssBytes },
];

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
