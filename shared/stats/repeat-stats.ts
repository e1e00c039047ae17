import type { RunMetrics } from '../metrics/metrics-schema';
import { summarize, type SampleSummary } from './sample-summary';

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
