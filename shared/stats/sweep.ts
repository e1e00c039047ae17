import type { RunMetrics } from '../metrics/metrics-schema';

/** One point of a concurrency sweep: what a run at that concurrency achieved. */
export interface SweepPoint {
  concurrency: number;
  /** Tasks per second. */
  throughput: number;
  /** p99 task latency, ms. */
  p99: number;
}

/** Where more concurrency stops buying throughput while latency climbs. */
export interface Knee {
  concurrency: number;
  /** One sentence for people saying why this point is the knee. */
  reason: string;
}

/** A step up in concurrency "buys throughput" when throughput grows by at least this fraction. */
export const KNEE_MIN_THROUGHPUT_GAIN = 0.1;
/** Latency "climbs" when the p99 at the highest concurrency is at least this fraction above the knee's. */
export const KNEE_MIN_P99_RISE = 0.1;

function buysThroughput(previous: SweepPoint, next: SweepPoint): boolean {
  return next.throughput > previous.throughput && next.throughput >= previous.throughput * (1 + KNEE_MIN_THROUGHPUT_GAIN);
}

function round(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

/**
 * Finds the knee of a sweep with a simple rule. Points are taken in ascending concurrency; the candidate is
 * the last point whose throughput is at least 10% above the previous point's (the first point when no step
 * gains that much). It is the knee when some later point exists and the p99 at the highest concurrency is
 * at least 10% above the candidate's. Otherwise the answer is null: a curve that still gains at its last
 * step has no plateau yet, and a plateau where latency stays flat costs nothing.
 */
export function findKnee(points: readonly SweepPoint[]): Knee | null {
  const sorted = [...points].sort((a, b) => a.concurrency - b.concurrency);
  let kneeIndex = 0;
  for (let i = 1; i < sorted.length; i++) {
    if (buysThroughput(sorted[i - 1]!, sorted[i]!)) kneeIndex = i;
  }
  const knee = sorted[kneeIndex];
  const last = sorted.at(-1);
  if (knee === undefined || last === undefined || knee === last) return null;
  const p99Climbs = last.p99 > knee.p99 && last.p99 >= knee.p99 * (1 + KNEE_MIN_P99_RISE);
  if (!p99Climbs) return null;
  const bestAfter = Math.max(...sorted.slice(kneeIndex + 1).map((p) => p.throughput));
  return {
    concurrency: knee.concurrency,
    reason:
      `beyond concurrency ${knee.concurrency} no step adds ${KNEE_MIN_THROUGHPUT_GAIN * 100}% throughput ` +
      `(${round(knee.throughput)}/s there, at most ${round(bestAfter)}/s after) ` +
      `while p99 latency climbs from ${round(knee.p99)} ms to ${round(last.p99)} ms at ${last.concurrency}`,
  };
}

/** What a sweep reports for the chart: throughput and p99 against concurrency, and the knee. */
export interface SweepResult {
  points: SweepPoint[];
  knee: Knee | null;
}

/** The chart of a sweep from its runs; runs without metrics (failed, cancelled) leave no point. */
export function sweepResult(runs: readonly { concurrency: number; metrics: RunMetrics | null }[]): SweepResult {
  const points = runs.flatMap(({ concurrency, metrics }) =>
    metrics === null ? [] : [{ concurrency, throughput: metrics.throughputPerSec, p99: metrics.latencyMs.p99 }],
  );
  return { points, knee: findKnee(points) };
}
