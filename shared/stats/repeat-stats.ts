import type { RunMetrics } from '../metrics/metrics-schema';
import { COMPARED_METRICS } from './compared-metrics';
import { summarize, type SampleSummary } from './sample-summary';

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
