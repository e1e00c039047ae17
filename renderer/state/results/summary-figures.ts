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
  /** How the number is defined, for a figure whose definition is not obvious (shown on hover). */
  help?: string;
}

/** A result that waited longer than this for the loop is worth a line in the summary. */
const DELIVERY_DELAY_SHOWN_MS = 2;

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
  const figures: SummaryFigure[] = [
    {
      label: 'Wall time',
      value: formatMs(metrics.wallMs),
      detail: `${formatCount(metrics.tasks)} tasks · all done at ${formatMs(metrics.spanMs)} after the first start`,
      tone: 'normal',
      help: 'From run start until the strategy settled (had its result). Orphaned tasks may end later: the span runs from the first task\'s start to the last task\'s end.',
    },
    { label: 'Throughput', value: formatRate(metrics.throughputPerSec), detail: 'tasks finished per second', tone: 'normal' },
    { label: 'Latency p50', value: formatMs(metrics.latencyMs.p50), detail: `mean ${formatMs(metrics.latencyMs.mean)}`, tone: 'normal' },
    { label: 'Latency p99', value: formatMs(metrics.latencyMs.p99), detail: `max ${formatMs(metrics.latencyMs.max)}`, tone: 'normal' },
    {
      label: 'Effective concurrency',
      value: metrics.effectiveConcurrency.toFixed(2),
      detail: 'task time ÷ span (first start to last end)',
      tone: 'normal',
      help: 'The sum of every task\'s own duration divided by the span from the first task\'s start to the last task\'s end (orphans included), not by the wall time the strategy settled at, so it never exceeds the tasks running at once.',
    },
    { label: 'Peak in flight', value: formatCount(metrics.maxInFlight), detail: 'tasks at once', tone: 'normal' },
    {
      label: 'Failures',
      value: formatCount(failures),
      detail: `${plural(metrics.failed, 'error')}, ${plural(metrics.timedOut, 'timeout')}, ${formatCount(metrics.cancelled)} cancelled, ${formatCount(metrics.skipped)} skipped`,
      tone: failures > 0 ? 'warning' : 'normal',
      help: 'Each task\'s own outcome, orphaned or not. Skipped tasks never started (the strategy stopped at the first failure) and are not failures.',
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
  if (metrics.deliveryDelayMs.max >= DELIVERY_DELAY_SHOWN_MS) {
    figures.push({
      label: 'Result waited for the loop',
      value: formatMs(metrics.deliveryDelayMs.max),
      detail: `max · p99 ${formatMs(metrics.deliveryDelayMs.p99)}, p50 ${formatMs(metrics.deliveryDelayMs.p50)}`,
      tone: 'warning',
      help: 'How long a finished task\'s result waited before the strategy\'s code could see it, because other tasks kept the event loop busy. Task times are the work\'s own; this wait is not in them.',
    });
  }
  return figures;
}
