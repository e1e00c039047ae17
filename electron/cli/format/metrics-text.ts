import type { Finding } from '../../../shared/findings';
import type { RunMetrics } from '../../../shared/metrics/metrics-schema';
import { compareMetrics, type MetricRatio } from '../../../shared/stats/compare-metrics';
import { formatBytes, formatCount, formatDecimal, formatMs, formatPercent, formatPerSecond, renderTable } from './plain-text';

/*
 * Run metrics as text: one run's or several side by side (`show`, `run`, `compare`, a matrix). Groups of
 * repeated runs compared with statistics are in `experiment-text.ts`, so that a single run's text does not
 * load the statistics libraries.
 */

/** One line of a metrics table: `key` is the metric's path in `RunMetrics` (`latencyMs.p99`). */
export interface MetricRow {
  key: string;
  label: string;
  value: (metrics: RunMetrics) => number;
  format: (value: number) => string;
}

const row = (key: string, label: string, value: MetricRow['value'], format: MetricRow['format']): MetricRow => ({ key, label, value, format });
const times = (n: number) => `${formatDecimal(n)}x`;

/** The metrics the CLI shows, in order. */
export const METRIC_ROWS: readonly MetricRow[] = [
  row('wallMs', 'wall time', (m) => m.wallMs, formatMs),
  row('spanMs', 'span', (m) => m.spanMs, formatMs),
  row('tasks', 'tasks', (m) => m.tasks, formatCount),
  row('ok', 'ok', (m) => m.ok, formatCount),
  row('failed', 'failed', (m) => m.failed, formatCount),
  row('timedOut', 'timed out', (m) => m.timedOut, formatCount),
  row('cancelled', 'cancelled', (m) => m.cancelled, formatCount),
  row('skipped', 'skipped', (m) => m.skipped, formatCount),
  row('orphaned', 'orphaned', (m) => m.orphaned, formatCount),
  row('throughputPerSec', 'throughput', (m) => m.throughputPerSec, formatPerSecond),
  row('effectiveConcurrency', 'effective concurrency', (m) => m.effectiveConcurrency, times),
  row('maxInFlight', 'peak in flight', (m) => m.maxInFlight, formatCount),
  row('latencyMs.p50', 'latency p50', (m) => m.latencyMs.p50, formatMs),
  row('latencyMs.p90', 'latency p90', (m) => m.latencyMs.p90, formatMs),
  row('latencyMs.p99', 'latency p99', (m) => m.latencyMs.p99, formatMs),
  row('latencyMs.max', 'latency max', (m) => m.latencyMs.max, formatMs),
  row('waitMs.p50', 'wait p50', (m) => m.waitMs.p50, formatMs),
  row('waitMs.p99', 'wait p99', (m) => m.waitMs.p99, formatMs),
  row('deliveryDelayMs.p99', 'result waited for loop p99', (m) => m.deliveryDelayMs.p99, formatMs),
  row('deliveryDelayMs.max', 'result waited for loop max', (m) => m.deliveryDelayMs.max, formatMs),
  row('loopDelayMs.p99', 'loop delay p99', (m) => m.loopDelayMs.p99, formatMs),
  row('loopDelayMs.max', 'loop delay max', (m) => m.loopDelayMs.max, formatMs),
  row('elu', 'event-loop utilisation', (m) => m.elu, formatPercent),
  row('cpuUserMs', 'cpu user', (m) => m.cpuUserMs, formatMs),
  row('cpuSystemMs', 'cpu system', (m) => m.cpuSystemMs, formatMs),
  row('peakRssBytes', 'peak memory (rss)', (m) => m.peakRssBytes, formatBytes),
];

/** A column of a metrics table: a run, or null metrics for a run that has none (failed, still running). */
export interface MetricsColumn {
  title: string;
  metrics: RunMetrics | null;
  /** False for a run that did not run to its end: its ratios get no verdict. */
  complete?: boolean;
}

/**
 * The metrics side by side, one column per run. With `compare`, every column after the first also shows,
 * for the metrics `compareMetrics` compares, the ratio to the first column and whether it is better or
 * worse: `240.0 ms (2.4x worse)`.
 */
export function renderMetricsTable(columns: readonly MetricsColumn[], options: { compare: boolean }): string {
  const ratios = options.compare ? compareWithFirst(columns.map((c) => c.metrics), columns.map((c) => c.complete ?? true)) : columns.map(() => null);
  const rows = METRIC_ROWS.map((r) => [
    r.label,
    ...columns.map(({ metrics }, i) => {
      if (metrics === null) return '-';
      const text = r.format(r.value(metrics));
      const ratio = i === 0 ? undefined : ratios[i]?.[r.key];
      return ratio === undefined ? text : `${text} (${ratio.ratioText} ${ratio.verdict})`;
    }),
  ]);
  return renderTable(['metric', ...columns.map((c) => c.title)], rows, ['left', ...columns.map(() => 'right' as const)]);
}

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

/**
 * A run's findings under its summary: one block per finding, worst first, with what to try; says so when
 * there are none.
 */
export function renderFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'findings: none\n';
  const blocks = findings.map((finding) => {
    const lines = [`  [${finding.severity}] ${finding.id}: ${finding.title}`, `    ${finding.detail}`];
    if (finding.suggestion !== undefined) lines.push(`    suggestion: ${finding.suggestion.label}`);
    return lines.join('\n');
  });
  return `findings:\n${blocks.join('\n')}\n`;
}
