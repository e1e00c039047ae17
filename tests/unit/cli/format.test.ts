import { describe, expect, it } from 'vitest';
import { compareWithFirst, METRIC_ROWS, renderMetricsTable } from '../../../electron/cli/format/metrics-text';
import { formatBytes, formatCount, formatMs, renderTable } from '../../../electron/cli/format/plain-text';
import { sampleMetrics } from './sample-metrics';

describe('units', () => {
  it('formats durations and sizes for people', () => {
    expect(formatMs(0.4234)).toBe('0.42 ms');
    expect(formatMs(123.45)).toBe('123.5 ms');
    expect(formatMs(2400)).toBe('2.40 s');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1.5 * 1024 * 1024)).toBe('1.5 MB');
  });
});

describe('renderTable', () => {
  it('pads every column to its widest cell and right-aligns where asked', () => {
    const text = renderTable(['id', 'name'], [['1', 'short'], ['100', 'a longer name']], ['right', 'left']);
    expect(text.split('\n')).toEqual([' id  name', '---  -------------', '  1  short', '100  a longer name', '']);
  });
});

describe('metrics table', () => {
  const columns = [
    { title: '#1', metrics: sampleMetrics(100) },
    { title: '#2', metrics: sampleMetrics(240) },
    { title: '#3', metrics: null },
  ];

  it('puts runs side by side with the ratio to the first and a verdict, for the compared metrics', () => {
    const lines = renderMetricsTable(columns, { compare: true }).split('\n');
    expect(lines.find((line) => line.startsWith('wall time'))).toMatch(/100\.0 ms\s+240\.0 ms \(2\.4x worse\)\s+-$/);
    expect(lines.find((line) => line.startsWith('throughput'))).toMatch(/160 \/s\s+66\.67 \/s \(0\.42x worse\)\s+-$/);
    expect(lines.find((line) => line.startsWith('tasks'))).toMatch(/16\s+16\s+-$/);
    expect(lines).toHaveLength(METRIC_ROWS.length + 3);
  });

  it('shows values only without compare', () => {
    expect(renderMetricsTable(columns, { compare: false })).not.toMatch(/\(\S+x (better|worse|same)\)/);
  });
});

describe('compareWithFirst', () => {
  it('gives each run compareMetrics against the first, keyed by metric path; null where there are no metrics', () => {
    const [first, second, third] = compareWithFirst([sampleMetrics(100), sampleMetrics(250), null]);
    expect(first?.['wallMs']).toMatchObject({ ratio: 1, verdict: 'same' });
    expect(second?.['wallMs']).toMatchObject({ value: 250, ratio: 2.5, ratioText: '2.5x', verdict: 'worse' });
    expect(second?.['throughputPerSec']?.verdict).toBe('worse');
    expect(second?.['latencyMs.p99']?.ratio).toBeCloseTo(2.5);
    expect(third).toBeNull();
    expect(compareWithFirst([null, sampleMetrics(100)])).toEqual([null, null]);
  });
});

describe('formatCount', () => {
  it('groups thousands as en-US does, for every whole number and anything else', () => {
    for (const n of [0, 7, 999, 1000, 12_000, 1_234_567, -1234, 10_000_000, Number.MAX_SAFE_INTEGER, 1.5, 1234.5678]) {
      expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
    }
  });
});
