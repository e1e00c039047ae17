import type { RepeatStats } from '../../../shared/stats/repeat-stats';
import type { SampleSummary } from '../../../shared/stats/sample-summary';
import { formatPerSecond } from './metric-rows';
import { renderTable } from './table';
import { formatMs } from './units';

function summaryRow(label: string, summary: SampleSummary, format: (n: number) => string): string[] {
  return [
    label,
    format(summary.mean),
    summary.sd === null ? '-' : format(summary.sd),
    summary.ci95 === null ? '-' : `${format(summary.ci95[0])} .. ${format(summary.ci95[1])}`,
    String(summary.n),
  ];
}

/**
 * Mean, standard deviation and 95% confidence interval of the mean of wall time and throughput over the
 * completed runs of a repeat; says so when no run completed.
 */
export function renderRepeatStats(stats: RepeatStats | null): string {
  if (stats === null) return 'No run of this repeat completed: there are no statistics.\n';
  return renderTable(
    ['statistic', 'mean', 'sd', '95% CI of the mean', 'n'],
    [summaryRow('wall time', stats.wallMs, formatMs), summaryRow('throughput', stats.throughputPerSec, formatPerSecond)],
    ['left', 'right', 'right', 'right', 'right'],
  );
}
