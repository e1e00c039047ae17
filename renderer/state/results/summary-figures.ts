import type { RunMetrics } from '../../../shared/metrics/metrics-schema';
import { formatCount, formatMs, formatPercent, formatRate } from './format-units';

/** One labelled number of the run summary. */
export interface SummaryFigure {
  label: string;
  value: string;
  /** A short line under the value that says what it means. */
  detail: string;
  /** Draws attention: failures, orphans, a blocked loop. */
  tone: 'normal' | 'warning';
}

/** Event-loop delay past this is a loop people would notice being blocked. */
const BLOCKED_LOOP_MS = 50;

function plural(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** CPU time of the run as a percentage of one core over the wall time. */
export function cpuPercent(metrics: RunMetrics): number {
  return metrics.wallMs > 0 ? ((metrics.cpuUserMs + metrics.cpuSystemMs) / metrics.wallMs) * 100 : 0;
}

/** The figures of the "Run summary", in reading order. */
export function summaryFigures(metrics: RunMetrics): SummaryFigure[] {
  const failures = metrics.failed + metrics.timedOut;
  return [
    { label: 'Wall time', value: formatMs(metrics.wallMs), detail: `${formatCount(metrics.tasks)} tasks · first queued to settled`, tone: 'normal' },
    { label: 'Throughput', value: formatRate(metrics.throughputPerSec), detail: 'tasks finished per second', tone: 'normal' },
    { label: 'Latency p50', value: formatMs(metrics.latencyMs.p50), detail: `mean ${formatMs(metrics.latencyMs.mean)}`, tone: 'normal' },
    { label: 'Latency p99', value: formatMs(metrics.latencyMs.p99), detail: `max ${formatMs(metrics.latencyMs.max)}`, tone: 'normal' },
    {
      label: 'Effective concurrency',
      value: metrics.effectiveConcurrency.toFixed(2),
      detail: 'task time ÷ wall time',
      tone: 'normal',
    },
    { label: 'Peak in flight', value: formatCount(metrics.maxInFlight), detail: 'tasks at once', tone: 'normal' },
    {
      label: 'Failures',
      value: formatCount(failures),
      detail: `${plural(metrics.failed, 'error')}, ${plural(metrics.timedOut, 'timeout')}, ${formatCount(metrics.cancelled)} cancelled`,
      tone: failures > 0 ? 'warning' : 'normal',
    },
    {
      label: 'Event-loop delay p99',
      value: formatMs(metrics.loopDelayMs.p99),
      detail: `p50 ${formatMs(metrics.loopDelayMs.p50)}`,
      tone: metrics.loopDelayMs.p99 > BLOCKED_LOOP_MS ? 'warning' : 'normal',
    },
    {
      label: 'Event-loop delay max',
      value: formatMs(metrics.loopDelayMs.max),
      detail: `loop busy ${formatPercent(metrics.elu * 100)} of the time`,
      tone: metrics.loopDelayMs.max > BLOCKED_LOOP_MS ? 'warning' : 'normal',
    },
    {
      label: 'CPU',
      value: formatPercent(cpuPercent(metrics)),
      detail: `of one core · ${formatMs(metrics.cpuUserMs)} user, ${formatMs(metrics.cpuSystemMs)} system`,
      tone: 'normal',
    },
  ];
}
