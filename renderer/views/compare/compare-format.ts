import type { Verdict } from '../../../shared/stats/ratio';
import { formatBytes, formatMs, formatRate } from '../../state/results/format-units';

/** A value of a compared metric in its unit (`ms`, `per s`, `bytes`). */
export function formatMetric(unit: string, value: number): string {
  if (unit === 'ms') return formatMs(value);
  if (unit === 'per s') return formatRate(value);
  if (unit === 'bytes') return formatBytes(value);
  return value.toFixed(2);
}

/** How the mark next to a ratio reads: times and throughput are faster or slower, memory is less or more. */
export function verdictText(unit: string, verdict: Verdict): string {
  if (verdict === 'same') return 'same';
  if (verdict === 'incomplete') return 'no verdict: incomplete run';
  if (unit === 'bytes') return verdict === 'better' ? 'less' : 'more';
  return verdict === 'better' ? 'faster' : 'slower';
}

/** The colour of the n-th compared run: the four chart colours, then again (drawn dashed). */
export function runColor(index: number): string {
  return `var(--chart-${(index % 4) + 1})`;
}
