import type { RunMetrics } from '../../../shared/metrics/metrics-schema';
import { compareMetrics, type MetricRatio } from '../../../shared/stats/compare-metrics';

/** A run's compared metrics against the baseline run's, keyed by metric path (`latencyMs.p99`). */
export type RatiosToBaseline = Record<string, MetricRatio>;

/**
 * Every run's metrics against the first run's, with `compareMetrics` (the comparison the UI shows too):
 * the first run's own ratios are all 1. Null for a run without metrics, and for every run when the first
 * has none. `complete[i]` false (a run cancelled, failed or interrupted) gives its ratios no verdict.
 */
export function compareWithFirst(runs: readonly (RunMetrics | null)[], complete: readonly boolean[] = []): (RatiosToBaseline | null)[] {
  const baseline = runs[0] ?? null;
  return runs.map((metrics, i) => {
    if (baseline === null || metrics === null) return null;
    const rows = compareMetrics(baseline, [metrics], [complete[0] ?? true, complete[i] ?? true]);
    return Object.fromEntries(rows.flatMap((row) => (row.others[0] === undefined ? [] : [[row.key, row.others[0]]])));
  });
}
