import { COMPARED_METRICS } from '../../../shared/stats/compared-metrics';
import type { RepeatStats } from '../../../shared/stats/repeat-stats';
import { summaryWarnings, type SampleSummary } from '../../../shared/stats/sample-summary';
import { formatPerSecond } from './metric-rows';
import { renderTable } from './table';
import { formatBytes, formatMs } from './units';

function formatInUnit(unit: 'ms' | 'per s' | 'bytes', value: number): string {
  if (unit === 'ms') return formatMs(value);
  return unit === 'per s' ? formatPerSecond(value) : formatBytes(value);
}

function summaryRow(label: string, summary: SampleSummary, format: (n: number) => string): string[] {
  return [
    label,
    format(summary.mean),
    summary.sd === null ? '-' : format(summary.sd),
    summary.ci95 === null ? '-' : `${format(summary.ci95[0])} .. ${format(summary.ci95[1])}`,
    format(summary.min),
    format(summary.median),
    format(summary.max),
    summary.cv === null ? '-' : `${(summary.cv * 100).toFixed(1)}%`,
    String(summary.n),
  ];
}

/**
 * For every compared metric over the completed runs of a repeat: mean, standard deviation, 95% confidence
 * interval of the mean, min, median, max and coefficient of variation, then warnings about noisy runs and
 * outliers (as the UI gives them); says so when no run completed.
 */
export function renderRepeatStats(stats: RepeatStats | null): string {
  if (stats === null) return 'No run of this repeat completed: there are no statistics.\n';
  const metrics = COMPARED_METRICS.flatMap((metric) => {
    const summary = stats.metrics[metric.key];
    return summary === undefined ? [] : [{ metric, summary }];
  });
  const table = renderTable(
    ['statistic', 'mean', 'sd', '95% CI of the mean', 'min', 'median', 'max', 'cv', 'n'],
    metrics.map(({ metric, summary }) => summaryRow(metric.label, summary, (n) => formatInUnit(metric.unit, n))),
    ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
  );
  const warnings = metrics.flatMap(({ metric, summary }) => summaryWarnings(summary).map((warning) => `warning: ${metric.label}: ${warning}`));
  return warnings.length === 0 ? table : `${table}${warnings.join('\n')}\n`;
}
