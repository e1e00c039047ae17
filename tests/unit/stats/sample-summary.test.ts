import { describe, expect, it } from 'vitest';
import { formatSummary, NOISY_CV, repeatStats, summarize, summaryWarnings } from '../../../shared/stats/sample-summary';
import { metricsWith } from './metrics-fixture';

describe('summarize', () => {
  // Sum of squared deviations from the mean 5 is 32, so the sample variance is 32/7;
  // t(0.975, 7) = 2.364624 (printed t tables give 2.365).
  const sample = [2, 4, 4, 4, 5, 5, 7, 9];
  const sd = Math.sqrt(32 / 7);
  const halfWidth = (2.364624 * sd) / Math.sqrt(8);

  it('gives the mean, the sample standard deviation and the t-based 95% interval', () => {
    const summary = summarize(sample);
    expect(summary.n).toBe(8);
    expect(summary.mean).toBe(5);
    expect(summary.sd).toBeCloseTo(2.13809, 5);
    expect(summary.ci95?.[0]).toBeCloseTo(5 - halfWidth, 5);
    expect(summary.ci95?.[1]).toBeCloseTo(5 + halfWidth, 5);
    expect(halfWidth).toBeCloseTo(1.78749, 4);
  });

  it('uses the wide t quantile for tiny samples: n=2 has t(0.975, 1) = 12.706', () => {
    const summary = summarize([10, 12]);
    expect(summary.sd).toBeCloseTo(Math.SQRT2, 10);
    // sd / sqrt(n) is exactly 1 here, so the interval is the mean +- t.
    expect(summary.ci95?.[0]).toBeCloseTo(11 - 12.7062, 3);
    expect(summary.ci95?.[1]).toBeCloseTo(11 + 12.7062, 3);
  });

  it('has no spread for a single value', () => {
    expect(summarize([42])).toEqual({ mean: 42, sd: null, ci95: null, n: 1, min: 42, median: 42, max: 42, cv: null, outliers: 0 });
    expect(summaryWarnings(summarize([42]))).toEqual(['one run: no spread to estimate']);
  });

  it('gives the range and median, and warns about noisy runs and outliers as hyperfine does', () => {
    const steady = summarize([100, 101, 99, 100, 102]);
    expect(steady).toMatchObject({ min: 99, median: 100, max: 102, outliers: 0 });
    expect(steady.cv).toBeLessThan(NOISY_CV);
    expect(summaryWarnings(steady)).toEqual([]);

    const disturbed = summarize([100, 101, 99, 100, 102, 400]);
    expect(disturbed.outliers).toBe(1);
    expect(disturbed.cv).toBeGreaterThan(NOISY_CV);
    expect(summaryWarnings(disturbed)).toEqual([
      `noisy: the runs vary by ${Math.round(disturbed.cv! * 100)}% of their mean`,
      '1 outlier: another program or a cold start may have disturbed a run',
    ]);
  });

  it('refuses an empty sample with a message', () => {
    expect(() => summarize([])).toThrow('cannot summarise an empty sample');
  });
});

describe('repeatStats', () => {
  it('summarises wall time and throughput of the counted runs', () => {
    const stats = repeatStats([metricsWith({ wallMs: 100, throughputPerSec: 10 }), metricsWith({ wallMs: 110, throughputPerSec: 8 })]);
    expect(stats?.wallMs).toMatchObject({ mean: 105, n: 2 });
    expect(stats?.throughputPerSec).toMatchObject({ mean: 9, n: 2 });
    expect(stats?.wallMs.ci95?.[0]).toBeLessThan(100);
  });

  it('is null when no run produced metrics', () => {
    expect(repeatStats([])).toBeNull();
  });
});

describe('formatSummary', () => {
  it('shows mean and half the 95% interval', () => {
    expect(formatSummary({ mean: 412.4, ci95: [394.3, 430.5], n: 5 }, 'ms')).toBe('412 ± 18.1 ms (95% CI, n=5)');
  });

  it('shows a single run without an interval', () => {
    expect(formatSummary({ mean: 3.14159, ci95: null, n: 1 }, 'per s')).toBe('3.14 per s (n=1)');
  });
});
