import type { RunMetrics } from '../metrics/metrics-schema';
import { findKnee, type Knee, type SweepPoint } from './find-knee';

/** What a sweep reports for the chart: throughput and p99 against concurrency, and the knee. */
export interface SweepResult {
  points: SweepPoint[];
  knee: Knee | null;
}

/** The concurrencies a sweep up to `max` runs: 1, 2, 4, ... (powers of two below `max`), then `max` itself. */
export function sweepConcurrencies(max: number): number[] {
  if (!Number.isInteger(max) || max < 1) throw new Error(`a sweep needs a whole maximum concurrency >= 1, got ${max}`);
  const levels: number[] = [];
  for (let level = 1; level < max; level *= 2) levels.push(level);
  levels.push(max);
  return levels;
}

/** The chart of a sweep from its runs; runs without metrics (failed, cancelled) leave no point. */
export function sweepResult(runs: readonly { concurrency: number; metrics: RunMetrics | null }[]): SweepResult {
  const points = runs.flatMap(({ concurrency, metrics }) =>
    metrics === null ? [] : [{ concurrency, throughput: metrics.throughputPerSec, p99: metrics.latencyMs.p99 }],
  );
  return { points, knee: findKnee(points) };
}
