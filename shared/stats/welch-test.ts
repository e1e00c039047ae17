import ttest2 from '@stdlib/stats-ttest2';

/** Significance level of every comparison the app makes. */
export const SIGNIFICANCE_ALPHA = 0.05;

/** Welch's two-sample t-test of "the two means differ" (two-sided, unequal variances). */
export interface WelchTest {
  /** Mean of the second sample minus the mean of the first. */
  difference: number;
  /** 95% confidence interval of `difference`. */
  differenceCi95: [lo: number, hi: number];
  statistic: number;
  /** Welch–Satterthwaite degrees of freedom. */
  df: number;
  pValue: number;
  /** `pValue < 0.05`: the difference is unlikely to be noise. */
  significant: boolean;
}

/**
 * Tests whether `other` differs from `baseline`. Null when the test cannot say: a sample of fewer than two
 * values, or two samples without any spread.
 */
export function welchTest(baseline: readonly number[], other: readonly number[]): WelchTest | null {
  if (baseline.length < 2 || other.length < 2) return null;
  const result = ttest2([...other], [...baseline], { alpha: SIGNIFICANCE_ALPHA });
  const [lo, hi] = result.ci;
  if (!Number.isFinite(result.pValue) || lo === undefined || hi === undefined) return null;
  return {
    difference: result.xmean - result.ymean,
    differenceCi95: [lo, hi],
    statistic: result.statistic,
    df: result.df,
    pValue: result.pValue,
    significant: result.pValue < SIGNIFICANCE_ALPHA,
  };
}
