import { describe, expect, it } from 'vitest';
import { METRIC_ROWS, metricRatios, renderMetricsTable } from '../../../electron/cli/format/metric-rows';
import { renderTable } from '../../../electron/cli/format/table';
import { formatBytes, formatMs, formatRatio, ratioTo } from '../../../electron/cli/format/units';
import { sampleMetrics } from './sample-metrics';

describe('units', () => {
  it('formats durations, sizes and ratios for people', () => {
    expect(formatMs(0.4234)).toBe('0.42 ms');
    expect(formatMs(123.45)).toBe('123.5 ms');
    expect(formatMs(2400)).toBe('2.40 s');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1.5 * 1024 * 1024)).toBe('1.5 MB');
    expect(formatRatio(ratioTo(100, 240))).toBe('2.40x');
    expect(formatRatio(ratioTo(0, 5))).toBe('-');
    expect(ratioTo(0, 0)).toBe(1);
  });
});

describe('renderTable', () => {
  it('pads every column to its widest cell and right-aligns where asked', () => {
    const text = renderTable(['id', 'name'], [['1', 'short'], ['100', 'a longer name']], ['right', 'left']);
    expect(text.split('\n')).toEqual([' id  name', '---  -------------', '  1  short', '100  a longer name', '']);
  });
});

describe('metrics table', () => {
  it('puts runs side by side with each ratio to the first', () => {
    const text = renderMetricsTable(
      [
        { title: '#1', metrics: sampleMetrics(100) },
        { title: '#2', metrics: sampleMetrics(240) },
        { title: '#3', metrics: null },
      ],
      { ratios: true },
    );
    const wall = text.split('\n').find((line) => line.startsWith('wall time'));
    expect(wall).toMatch(/100\.0 ms\s+240\.0 ms \(2\.40x\)\s+-$/);
    expect(text.split('\n')).toHaveLength(METRIC_ROWS.length + 3);
  });

  it('gives ratios keyed by metric path, null where a run has no metrics', () => {
    const ratios = metricRatios(sampleMetrics(100), sampleMetrics(250));
    expect(ratios['wallMs']).toBeCloseTo(2.5);
    expect(ratios['latencyMs.p99']).toBeCloseTo(2.5);
    expect(ratios['tasks']).toBe(1);
    expect(Object.values(metricRatios(sampleMetrics(100), null)).every((r) => r === null)).toBe(true);
  });
});
