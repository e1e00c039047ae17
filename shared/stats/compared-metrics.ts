import type { RunMetrics } from '../metrics/metrics-schema';

/** Which direction of a metric is the good one. */
export type BetterDirection = 'lower' | 'higher';

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
