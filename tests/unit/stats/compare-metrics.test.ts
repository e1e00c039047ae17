import { describe, expect, it } from 'vitest';
import { COMPARED_METRICS, compareMetrics } from '../../../shared/stats/compare-metrics';
import { compareRepeats } from '../../../shared/stats/compare-repeats';
import { formatRatio, verdictOf } from '../../../shared/stats/ratio';
import { metricsWith } from './metrics-fixture';

function row<T extends { key: string }>(rows: T[], key: string): T {
  const found = rows.find((r) => r.key === key);
  if (found === undefined) throw new Error(`no row ${key}`);
  return found;
}

describe('formatRatio', () => {
  it('reads as people write ratios', () => {
    expect(formatRatio(2.4)).toBe('2.4x');
    expect(formatRatio(2)).toBe('2.0x');
    expect(formatRatio(12.4)).toBe('12x');
    expect(formatRatio(0.4321)).toBe('0.43x');
    expect(formatRatio(0.0012)).toBe('0.0012x');
    expect(formatRatio(0)).toBe('0x');
    expect(formatRatio(null)).toBe('n/a');
  });
});

describe('verdictOf', () => {
  it('knows that lower is better for times and higher for throughput', () => {
    expect(verdictOf('lower', 100, 50)).toBe('better');
    expect(verdictOf('lower', 100, 200)).toBe('worse');
    expect(verdictOf('higher', 100, 200)).toBe('better');
    expect(verdictOf('higher', 100, 50)).toBe('worse');
  });

  it('calls differences under 5% the same, and judges growth from a zero baseline by direction', () => {
    expect(verdictOf('lower', 100, 104)).toBe('same');
    // The band is read on the ratio as shown: 0.95x is the same for every metric, 0.94x is not.
    expect(verdictOf('lower', 1000, 949.6)).toBe('same');
    expect(verdictOf('lower', 1000, 950.4)).toBe('same');
    expect(verdictOf('lower', 1000, 944)).toBe('better');
    expect(verdictOf('lower', 100, 105)).toBe('same');
    expect(verdictOf('lower', 100, 106)).toBe('worse');
    expect(verdictOf('lower', 0, 0)).toBe('same');
    expect(verdictOf('lower', 0, 3)).toBe('worse');
    expect(verdictOf('higher', 0, 3)).toBe('better');
  });
});

describe('compareMetrics', () => {
  const baseline = metricsWith({ wallMs: 1000, throughputPerSec: 100 });
  const faster = metricsWith({ wallMs: 400, throughputPerSec: 240 });
  const slower = metricsWith({ wallMs: 2500, throughputPerSec: 40 });

  it('gives every compared metric one row, with one cell per other run in order', () => {
    const rows = compareMetrics(baseline, [faster, slower]);
    expect(rows.map((r) => r.key)).toEqual(COMPARED_METRICS.map((m) => m.key));
    expect(rows.every((r) => r.others.length === 2)).toBe(true);
  });

  it('gives ratios to the baseline and says which way is better', () => {
    const rows = compareMetrics(baseline, [faster, slower]);
    expect(row(rows, 'wallMs').others.map((c) => [c.ratioText, c.verdict])).toEqual([
      ['0.40x', 'better'],
      ['2.5x', 'worse'],
    ]);
    expect(row(rows, 'throughputPerSec').others.map((c) => [c.ratioText, c.verdict])).toEqual([
      ['2.4x', 'better'],
      ['0.40x', 'worse'],
    ]);
    expect(row(rows, 'latencyMs.p99')).toMatchObject({ baseline: 30, better: 'lower', others: [{ ratio: 1, verdict: 'same' }, { ratio: 1 }] });
  });

  it('gives no verdict for a run that did not run to its end, nor against such a baseline', () => {
    const cancelled = metricsWith({ wallMs: 2, throughputPerSec: 0.2 });
    const rows = compareMetrics(baseline, [cancelled, slower], [true, false, true]);
    expect(row(rows, 'wallMs').others.map((c) => c.verdict)).toEqual(['incomplete', 'worse']);
    expect(row(compareMetrics(cancelled, [slower], [false, true]), 'wallMs').others[0]?.verdict).toBe('incomplete');
  });

  it('has no ratio where the baseline is zero', () => {
    const quietLoop = metricsWith({ loopDelayMs: { p50: 0, p99: 0, max: 0 } });
    const [cell] = row(compareMetrics(quietLoop, [metricsWith()]), 'loopDelayMs.p99').others;
    expect(cell).toEqual({ value: 2, ratio: null, ratioText: 'n/a', verdict: 'worse' });
  });
});

describe('compareRepeats', () => {
  const fast = [980, 1000, 1020, 990, 1010].map((wallMs) => metricsWith({ wallMs }));
  const slow = [1480, 1500, 1520, 1490, 1510].map((wallMs) => metricsWith({ wallMs }));
  const noisy = [600, 1400, 900, 1300, 1000].map((wallMs) => metricsWith({ wallMs }));

  it('shows mean and interval of each group and calls a clear difference significant', () => {
    const wall = row(compareRepeats(fast, [slow]), 'wallMs');
    expect(wall.baseline).toMatchObject({ mean: 1000, n: 5 });
    const [cell] = wall.others;
    expect(cell?.summary.mean).toBe(1500);
    expect(cell?.ratioText).toBe('1.50x');
    expect(cell?.welch?.significant).toBe(true);
    expect(cell?.verdict).toBe('worse');
  });

  it('calls a difference inside the noise the same', () => {
    const [cell] = row(compareRepeats(noisy, [fast]), 'wallMs').others;
    expect(cell?.welch?.significant).toBe(false);
    expect(cell?.verdict).toBe('same');
  });

  it('falls back to the single-run rule when a side has one run', () => {
    const [cell] = row(compareRepeats(fast, [[metricsWith({ wallMs: 1500 })]]), 'wallMs').others;
    expect(cell?.welch).toBeNull();
    expect(cell?.verdict).toBe('worse');
  });

  it('refuses an empty group with a message', () => {
    expect(() => compareRepeats(fast, [[]])).toThrow('every group of a comparison needs at least one run with metrics');
  });
});
