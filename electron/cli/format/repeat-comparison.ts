import type { RepeatedMetricComparison, RepeatedMetricRatio } from '../../../shared/stats/compare-repeats';
import { formatSummary } from '../../../shared/stats/format-summary';
import type { SampleSummary } from '../../../shared/stats/sample-summary';
import type { WelchTest } from '../../../shared/stats/welch-test';
import { renderTable } from './table';

const BYTES_PER_MB = 1024 * 1024;

/** A summary in the unit people read it in: bytes become MB, `per s` becomes `/s`. */
function summaryText(summary: SampleSummary, unit: string): string {
  if (unit !== 'bytes') return formatSummary(summary, unit === 'per s' ? '/s' : unit);
  const scale = (n: number) => n / BYTES_PER_MB;
  return formatSummary(
    {
      mean: scale(summary.mean),
      ci95: summary.ci95 === null ? null : [scale(summary.ci95[0]), scale(summary.ci95[1])],
      n: summary.n,
    },
    'MB',
  );
}

function welchText(welch: WelchTest | null): string {
  if (welch === null) return 'not tested';
  const p = welch.pValue < 0.001 ? 'p<0.001' : `p=${welch.pValue.toFixed(3)}`;
  return `${p}, ${welch.significant ? 'significant' : 'not significant'}`;
}

function otherCell(other: RepeatedMetricRatio, unit: string): string {
  return `${summaryText(other.summary, unit)}  ${other.ratioText} ${other.verdict}, ${welchText(other.welch)}`;
}

/**
 * Groups of repeated runs side by side (the output of `compareRepeats`): each metric's mean ± half its 95%
 * CI, and for each group after the first the ratio of the means, the verdict, and Welch's t-test.
 */
export function renderRepeatComparison(titles: readonly string[], rows: readonly RepeatedMetricComparison[]): string {
  const table = renderTable(
    ['metric', ...titles],
    rows.map((row) => [row.label, summaryText(row.baseline, row.unit), ...row.others.map((other) => otherCell(other, row.unit))]),
  );
  return (
    'Compared as repeats: mean ± half the 95% CI of each group; against the first group, the ratio of the means and\n' +
    "Welch's t-test (significant at p < 0.05; not tested unless both groups have 2+ runs with some spread).\n\n" +
    table
  );
}
