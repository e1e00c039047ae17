import { describe, expect, it } from 'vitest';
import { findKnee, type SweepPoint, sweepResult } from '../../../shared/stats/sweep';
import { listedConcurrencies, sweepConcurrencies } from '../../../shared/experiments/experiment-plan';
import { metricsWith } from './metrics-fixture';

const LEVELS = [1, 2, 4, 8, 16, 32];

/** Throughput linear up to `corner`, flat after; p99 flat up to `corner`, then growing with the queue. */
function linearThenFlat(corner: number): SweepPoint[] {
  return LEVELS.map((c) => ({ concurrency: c, throughput: 50 * Math.min(c, corner), p99: 20 * Math.max(1, c / corner) }));
}

describe('findKnee', () => {
  it('finds the corner of a linear-then-flat throughput curve', () => {
    const knee = findKnee(linearThenFlat(8));
    expect(knee?.concurrency).toBe(8);
    expect(knee?.reason).toContain('beyond concurrency 8');
    expect(knee?.reason).toContain('p99 latency climbs from 20.0 ms to 80.0 ms at 32');
  });

  it('finds the corner whatever order the points come in', () => {
    expect(findKnee(linearThenFlat(4).reverse())?.concurrency).toBe(4);
  });

  it('ignores gains smaller than 10% after the corner', () => {
    const noisy = linearThenFlat(4).map((p) => (p.concurrency > 4 ? { ...p, throughput: p.throughput * (1 + p.concurrency / 1000) } : p));
    expect(findKnee(noisy)?.concurrency).toBe(4);
  });

  it('gives null for a monotone curve with no plateau: it still gains at the last step', () => {
    const rising = LEVELS.map((c) => ({ concurrency: c, throughput: 50 * c, p99: 20 + c }));
    expect(findKnee(rising)).toBeNull();
  });

  it('gives null for a plateau where latency stays flat', () => {
    const flatLatency = linearThenFlat(8).map((p) => ({ ...p, p99: 20 }));
    expect(findKnee(flatLatency)).toBeNull();
  });

  it('puts the knee at the first point when concurrency never buys throughput', () => {
    const flat = LEVELS.map((c) => ({ concurrency: c, throughput: 100, p99: 10 * c }));
    expect(findKnee(flat)?.concurrency).toBe(1);
  });

  it('takes the later corner of a curve that plateaus and then rises again', () => {
    const twoSteps = [100, 200, 200, 400, 800, 800].map((t, i) => ({ concurrency: LEVELS[i]!, throughput: t, p99: 10 * (i + 1) }));
    expect(findKnee(twoSteps)?.concurrency).toBe(16);
  });

  it('gives null with fewer than two points', () => {
    expect(findKnee([])).toBeNull();
    expect(findKnee([{ concurrency: 1, throughput: 10, p99: 5 }])).toBeNull();
  });
});

describe('sweepConcurrencies', () => {
  it('doubles from 1 and ends at the maximum', () => {
    expect(sweepConcurrencies(8)).toEqual([1, 2, 4, 8]);
    expect(sweepConcurrencies(10)).toEqual([1, 2, 4, 8, 10]);
    expect(sweepConcurrencies(1)).toEqual([1]);
    expect(sweepConcurrencies(3)).toEqual([1, 2, 3]);
  });

  it('stops at the task count', () => {
    expect(sweepConcurrencies(64, 10)).toEqual([1, 2, 4, 8, 10]);
    expect(sweepConcurrencies(64, 8)).toEqual([1, 2, 4, 8]);
  });
});

describe('listedConcurrencies', () => {
  it('sorts a list, keeps each level once and replaces levels past the task count by the count', () => {
    expect(listedConcurrencies([40, 5, 20, 10])).toEqual([5, 10, 20, 40]);
    expect(listedConcurrencies([5, 10, 20, 40, 80], 30)).toEqual([5, 10, 20, 30]);
    expect(listedConcurrencies([5, 5, 10])).toEqual([5, 10]);
  });

  it('refuses a maximum that is not a whole number >= 1', () => {
    expect(() => sweepConcurrencies(0)).toThrow('a sweep needs a whole maximum concurrency >= 1, got 0');
    expect(() => sweepConcurrencies(2.5)).toThrow('got 2.5');
  });
});

describe('sweepResult', () => {
  it('charts throughput and p99 of the runs that have metrics', () => {
    const result = sweepResult([
      { concurrency: 1, metrics: metricsWith({ throughputPerSec: 10, latencyMs: { p50: 1, p90: 2, p99: 3, max: 4, mean: 1 } }) },
      { concurrency: 2, metrics: null },
    ]);
    expect(result.points).toEqual([{ concurrency: 1, throughput: 10, p99: 3 }]);
    expect(result.knee).toBeNull();
  });
});
