import { describe, expect, it } from 'vitest';
import { cdfPoints, columnLatencies, histogramBins, niceBinWidth, taskLatencies, timelineLatencies } from '../../../../renderer/charts/latency-distribution';
import { columnsOf } from '../../run/task-columns-fixtures';
import { TimelineData } from '../../../../renderer/timeline/data/timeline-data';
import { task } from '../run/fake-explorer-api';
import { seededRandom } from '../../timeline/fixtures/synthetic-run';

describe('latency distribution', () => {
  it('takes the duration of tasks that ran, not of those cancelled before they started', () => {
    const never = { ...task(2, 50, 'cancelled'), attempts: 0 };
    expect(taskLatencies([task(0, 30), task(1, 40, 'error'), never])).toEqual([10, 10]);
  });

  it('takes the same durations from columns as from records', () => {
    const tasks = [task(0, 30), { ...task(1, 45, 'cancelled'), attempts: 0 }, task(2, 40, 'error'), { ...task(3, 52, 'cancelled'), startMs: 50 }];
    expect(Array.from(columnLatencies(columnsOf(tasks)))).toEqual(taskLatencies(tasks));
    expect(Array.from(timelineLatencies(TimelineData.fromTasks(tasks)))).toEqual(taskLatencies(tasks));
  });

  it('picks round bin widths', () => {
    expect(niceBinWidth(100, 30)).toBe(5);
    expect(niceBinWidth(1000, 30)).toBe(50);
    expect(niceBinWidth(7, 30)).toBe(0.5);
    expect(niceBinWidth(0, 30)).toBe(1);
  });

  it('puts every value in exactly one bin with round edges', () => {
    const values = [101, 102, 150, 199, 200, 260];
    const bins = histogramBins(values, 10);
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(values.length);
    expect(bins[0]!.fromMs).toBe(100);
    expect(bins.at(-1)!.toMs).toBeGreaterThan(260);
    for (const b of bins) expect(b.toMs - b.fromMs).toBe(20);
    expect(histogramBins([])).toEqual([]);
    expect(histogramBins([5, 5, 5])).toEqual([{ fromMs: 5, toMs: 6, count: 3 }]);
  });

  it('gives a rising CDF that ends at 1 and stays small for many values', () => {
    const values = Array.from({ length: 10_001 }, (_, i) => 10_000 - i);
    const points = cdfPoints(values, 100);
    expect(points.length).toBeLessThanOrEqual(102);
    expect(points[0]).toEqual({ ms: 0, fraction: 1 / 10_001 });
    expect(points.at(-1)).toEqual({ ms: 10_000, fraction: 1 });
    for (let i = 1; i < points.length; i++) {
      expect(points[i]!.ms).toBeGreaterThanOrEqual(points[i - 1]!.ms);
      expect(points[i]!.fraction).toBeGreaterThan(points[i - 1]!.fraction);
    }
  });

  it('gives the same CDF from a million values as sorting them all would, skewed and repeated', () => {
    const random = seededRandom(3);
    const values = Float64Array.from({ length: 1_000_000 }, (_, i) => (i % 10 === 0 ? 1_000 * random() : i % 7 === 0 ? 2.5 : random() ** 4));
    const sorted = Float64Array.from(values).sort();
    const points = cdfPoints(values);
    expect(points.length).toBeGreaterThan(100);
    for (const { ms, fraction } of points) expect(ms).toBe(sorted[Math.round(fraction * values.length) - 1]);
  });
});
