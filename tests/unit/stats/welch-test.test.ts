import { describe, expect, it } from 'vitest';
import { welchTest } from '../../../shared/stats/welch-test';

// R's `sleep` data (Student, 1908): extra hours of sleep under two drugs. The textbook result of
// `t.test(extra ~ group, data = sleep)` is t = -1.8608, df = 17.776, p-value = 0.07939,
// 95% CI of (group 1 - group 2) = [-3.3654832, 0.2054832].
const drug1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const drug2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

describe('welchTest', () => {
  it('matches the textbook result for the sleep data', () => {
    const result = welchTest(drug2, drug1);
    expect(result?.statistic).toBeCloseTo(-1.8608, 4);
    expect(result?.df).toBeCloseTo(17.776, 3);
    expect(result?.pValue).toBeCloseTo(0.07939, 5);
    expect(result?.difference).toBeCloseTo(-1.58, 10);
    expect(result?.differenceCi95[0]).toBeCloseTo(-3.3654832, 6);
    expect(result?.differenceCi95[1]).toBeCloseTo(0.2054832, 6);
    expect(result?.significant).toBe(false);
  });

  it('measures the difference as other minus baseline', () => {
    expect(welchTest(drug1, drug2)?.difference).toBeCloseTo(1.58, 10);
  });

  it('calls a clear separation significant', () => {
    const result = welchTest([100, 102, 98, 101, 99], [150, 149, 152, 151, 148]);
    expect(result?.significant).toBe(true);
    expect(result?.pValue).toBeLessThan(0.001);
  });

  it('cannot say anything with fewer than two values on a side', () => {
    expect(welchTest([1], [1, 2, 3])).toBeNull();
    expect(welchTest([1, 2, 3], [])).toBeNull();
  });

  it('cannot say anything when neither sample has any spread', () => {
    expect(welchTest([5, 5, 5], [7, 7, 7])).toBeNull();
  });
});
