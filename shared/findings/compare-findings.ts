import type { RunMetrics } from '../metrics/metrics-schema';
import { strategyText, type Strategy } from '../scenario';
import { COMPARED_METRICS, type ComparedMetric } from '../stats/compare-metrics';
import { formatRatio, ratioOf } from '../stats/ratio';
import type { Finding, FindingId } from './finding-schema';

/** One side of a comparison, as its findings are compared. */
export interface ComparedRunFindings {
  id: number;
  strategy: Strategy;
  metrics: RunMetrics;
  findings: readonly Finding[];
}

/** What tells two runs apart in findings, and in one sentence why the metric that differs most does. */
export interface FindingsDifference {
  /** Findings (by rule id) of the baseline that the other run does not have. */
  onlyBaseline: Finding[];
  /** Findings of the other run that the baseline does not have. */
  onlyOther: Finding[];
  /** `The biggest difference is wall time: 9.7x in #13 against #12. Only #13 shows “…”.` */
  explanation: string;
}

/** Metrics of `COMPARED_METRICS` that each rule's cause moves. */
const EXPLAINS: Record<FindingId, readonly string[]> = {
  // A blocked loop also holds back the start of every task queued behind it.
  'loop-blocked': ['loopDelayMs.p99', 'loopDelayMs.max', 'latencyMs.p99', 'latencyMs.max', 'waitMs.p99', 'wallMs'],
  'cpu-on-loop': ['wallMs', 'throughputPerSec', 'loopDelayMs.p99', 'loopDelayMs.max', 'waitMs.p99'],
  'threadpool-saturated': ['wallMs', 'throughputPerSec', 'latencyMs.p50', 'latencyMs.p90', 'latencyMs.p99', 'latencyMs.max'],
  'orphaned-work': ['wallMs', 'throughputPerSec'],
  'unbounded-concurrency': ['latencyMs.p50', 'latencyMs.p90', 'latencyMs.p99', 'latencyMs.max', 'peakRssBytes'],
  'pool-too-small': ['wallMs', 'throughputPerSec', 'waitMs.p99'],
  'past-the-knee': ['latencyMs.p90', 'latencyMs.p99', 'latencyMs.max'],
  'retries-inflate-tail': ['latencyMs.p99', 'latencyMs.max', 'wallMs'],
  'batch-head-of-line': ['wallMs', 'throughputPerSec', 'waitMs.p99'],
  'sequential-independent': ['wallMs', 'throughputPerSec'],
  'timeouts-cluster': ['latencyMs.p99', 'latencyMs.max', 'wallMs'],
  'memory-growth': ['peakRssBytes'],
};

/** Below this ratio either way, two runs measure alike. */
const ALIKE_RATIO = 1.1;
/**
 * A time metric under this in both runs differs by noise, whatever its ratio: a queue wait of 3 µs against
 * 0.5 ms is a ratio of 170 that explains nothing.
 */
const NEGLIGIBLE_MS = 5;

function biggestDifference(a: RunMetrics, b: RunMetrics): { metric: ComparedMetric; ratio: number } | null {
  let best: { metric: ComparedMetric; ratio: number } | null = null;
  for (const metric of COMPARED_METRICS) {
    if (metric.unit === 'ms' && Math.max(metric.read(a), metric.read(b)) < NEGLIGIBLE_MS) continue;
    const ratio = ratioOf(metric.read(a), metric.read(b));
    if (ratio === null || ratio <= 0) continue;
    if (best === null || Math.abs(Math.log(ratio)) > Math.abs(Math.log(best.ratio))) best = { metric, ratio };
  }
  return best !== null && Math.max(best.ratio, 1 / best.ratio) >= ALIKE_RATIO ? best : null;
}

function without(findings: readonly Finding[], others: readonly Finding[]): Finding[] {
  const ids = new Set(others.map((f) => f.id));
  return findings.filter((f) => !ids.has(f.id));
}

/**
 * The findings that differ between a baseline run and another, and one sentence on what explains the metric
 * with the biggest ratio between them: a finding only one of them has that moves that metric (the worse run's
 * first), else their strategies when they differ.
 */
export function compareFindings(baseline: ComparedRunFindings, other: ComparedRunFindings): FindingsDifference {
  const onlyBaseline = without(baseline.findings, other.findings);
  const onlyOther = without(other.findings, baseline.findings);
  const biggest = biggestDifference(baseline.metrics, other.metrics);
  if (biggest === null) {
    return { onlyBaseline, onlyOther, explanation: `#${baseline.id} and #${other.id} measure alike: no metric differs by ${ALIKE_RATIO}x or more.` };
  }
  const { metric, ratio } = biggest;
  const head = `The biggest difference is ${metric.label}: ${formatRatio(ratio)} in #${other.id} against #${baseline.id}.`;
  const grew = ratio > 1;
  const otherWorse = metric.better === 'lower' ? grew : !grew;
  const sides = otherWorse ? [{ id: other.id, only: onlyOther }, { id: baseline.id, only: onlyBaseline }] : [{ id: baseline.id, only: onlyBaseline }, { id: other.id, only: onlyOther }];
  for (const side of sides) {
    const cause = side.only.find((f) => EXPLAINS[f.id].includes(metric.key));
    if (cause !== undefined) return { onlyBaseline, onlyOther, explanation: `${head} Only #${side.id} shows “${cause.title}”.` };
  }
  const [from, to] = [strategyText(baseline.strategy), strategyText(other.strategy)];
  const why = from !== to ? ` The strategies differ (${from} against ${to}), and no finding names another cause.` : ' No finding explains it: compare the two timelines.';
  return { onlyBaseline, onlyOther, explanation: head + why };
}
