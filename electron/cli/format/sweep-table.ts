import type { SweepResult } from '../../../shared/stats/sweep';
import { formatPerSecond } from './metric-rows';
import { renderTable } from './table';
import { formatMs } from './units';

const KNEE_MARK = '<- knee';

/** Throughput and p99 latency against concurrency, the knee marked in the table and explained below it. */
export function renderSweep(sweep: SweepResult): string {
  if (sweep.points.length === 0) return 'No run of this sweep completed: there is no curve.\n';
  const knee = sweep.knee?.concurrency;
  const rows = sweep.points.map((p) => [
    String(p.concurrency),
    formatPerSecond(p.throughput),
    formatMs(p.p99),
    ...(knee === undefined ? [] : [p.concurrency === knee ? KNEE_MARK : '']),
  ]);
  const header = ['concurrency', 'throughput', 'latency p99', ...(knee === undefined ? [] : [''])];
  const table = renderTable(header, rows, ['right', 'right', 'right', 'left']);
  const verdict =
    sweep.knee === null
      ? 'No knee: throughput still grows at the highest concurrency, or latency does not climb where it levels off.'
      : `Knee at concurrency ${sweep.knee.concurrency}: ${sweep.knee.reason}.`;
  return `${table}\n${verdict}\n`;
}
