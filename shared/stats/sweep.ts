import type { RunMetrics } from '../metrics/metrics-schema';
import { findKnee, type Knee, type SweepPoint } from './find-knee';

/** What a sweep reports for the chart: throughput and p99 against concurrency, and the knee. */
export interface SweepResult {
  points: SweepPoint[];
  knee: Knee | null;
}

/**
 * The concurrencies a sweep up to `max` runs: 1, 2, 4, ... (powers of two below `max`), then `max` itself;
 * never past `taskCount`, since a pool larger than its tasks runs them just as a pool of `taskCount` does.
 */
export function sweepConcurrencies(max: number, taskCount = Infinity): number[] {
  if (!Number.isInteger(max) || max < 1) throw new Error(`a sweep needs a whole maximum concurrency >= 1, got ${max}`);
  const top = Math.min(max, taskCount);
  const levels: number[] = [];
  for (let level = 1; level < top; level *= 2) levels.push(level);
  levels.push(top);
  return levels;
}

/**
 * The concurrencies of a sweep given as a list (5, 10, 20, 40): ascending, each once, and any above
 * `taskCount` replaced by `taskCount` itself.
 */
export function listedConcurrencies(list: readonly number[], taskCount = Infinity): number[] {
  return [...new Set(list.map((level) => Math.min(level, taskCount)))].sort((a, b) => a - b);
}

/** The chart of a sweep from its runs; runs without metrics (failed, cancelled) leave no point. */
export function sweepResult(runs: readonly { concurrency: number; metrics: RunMetrics | null }[]): SweepResult {
  const points = runs.flatMap(({ concurrency, metrics }) =>
    metrics === null ? [] : [{ concurrency, throughput: metrics.throughputPerSec, p99: metrics.latencyMs.p99 }],
  );
  return { points, knee: findKnee(points) };
}
