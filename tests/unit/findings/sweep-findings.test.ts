import { describe, expect, it } from 'vitest';
import { sweepFindings } from '../../../shared/findings';

describe('past-the-knee', () => {
  it('fires when larger pools kept throughput flat while p99 climbed', () => {
    const points = [
      { concurrency: 1, throughput: 10, p99: 100 },
      { concurrency: 2, throughput: 20, p99: 100 },
      { concurrency: 4, throughput: 21, p99: 200 },
      { concurrency: 8, throughput: 21, p99: 400 },
    ];
    expect(sweepFindings(points)).toMatchObject([
      { id: 'past-the-knee', evidence: { kneeConcurrency: 2, largestP99Ms: 400 }, suggestion: { scenarioPatch: { strategy: { type: 'pool', concurrency: 2 } } } },
    ]);
  });

  it('stays silent while each step still buys throughput', () => {
    const points = [1, 2, 4, 8].map((concurrency) => ({ concurrency, throughput: concurrency * 10, p99: 100 + concurrency }));
    expect(sweepFindings(points)).toEqual([]);
  });
});
