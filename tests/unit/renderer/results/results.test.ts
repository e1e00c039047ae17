import { describe, expect, it } from 'vitest';
import { errorGroups, orphanedTasks, topErrorGroups } from '../../../../renderer/state/results/error-groups';
import { formatMs, formatRate } from '../../../../renderer/state/results/format-units';
import { cpuPercent, summaryFigures } from '../../../../renderer/state/results/summary-figures';
import type { RunMetrics } from '../../../../shared/metrics/metrics-schema';
import { TimelineData } from '../../../../renderer/timeline/data/timeline-data';
import { task } from '../run/fake-explorer-api';

const METRICS: RunMetrics = {
  wallMs: 2000, spanMs: 2400, tasks: 20, ok: 15, failed: 3, timedOut: 1, cancelled: 0, skipped: 0, orphaned: 1, maxInFlight: 20,
  throughputPerSec: 10, effectiveConcurrency: 6.5,
  latencyMs: { p50: 120, p90: 300, p99: 480, max: 500, mean: 150 },
  waitMs: { p50: 0, p90: 0, p99: 0, max: 0, mean: 0 },
  deliveryDelayMs: { p50: 0, p99: 0, max: 0 },
  loopDelayMs: { p50: 10, p99: 120, max: 300 }, elu: 0.5, cpuUserMs: 900, cpuSystemMs: 100,
  peakRssBytes: 1, failuresByKind: { timer: 5 },
};

describe('run summary figures', () => {
  it('labels every figure the summary must show, with units', () => {
    const figures = summaryFigures(METRICS);
    expect(figures.map((f) => f.label)).toEqual([
      'Wall time', 'Throughput', 'Latency p50', 'Latency p99', 'Effective concurrency', 'Peak in flight',
      'Failures', 'Event-loop delay p99', 'Event-loop delay max', 'CPU',
    ]);
    const byLabel = Object.fromEntries(figures.map((f) => [f.label, f]));
    expect(byLabel['Wall time']!.value).toBe('2.00 s');
    expect(byLabel['Failures']!.value).toBe('4');
    expect(byLabel['Failures']!.tone).toBe('warning');
    expect(byLabel['Event-loop delay p99']!.tone).toBe('warning');
    expect(byLabel['CPU']!.value).toBe('50%');
    expect(cpuPercent({ ...METRICS, wallMs: 0 })).toBe(0);
  });

  it('says effective concurrency is over the span, and shows results that waited for the loop only when some did', () => {
    const concurrency = summaryFigures(METRICS).find((f) => f.label === 'Effective concurrency')!;
    expect(concurrency.help).toMatch(/first task's start to the last task's end/);
    expect(summaryFigures(METRICS).some((f) => f.label === 'Result waited for the loop')).toBe(false);
    const waited = summaryFigures({ ...METRICS, deliveryDelayMs: { p50: 90, p99: 690, max: 700 } }).find((f) => f.label === 'Result waited for the loop')!;
    expect(waited.value).toBe('700 ms');
  });

  it('formats durations and rates as people read them', () => {
    expect([formatMs(0.4), formatMs(12.34), formatMs(456.7), formatMs(1234), formatMs(125_000)]).toEqual([
      '0.40 ms', '12.3 ms', '457 ms', '1.23 s', '2 min 5 s',
    ]);
    expect(formatMs(Number.NaN)).toBe('—');
    expect([formatRate(12.34), formatRate(1234.5)]).toEqual(['12.3 /s', '1,235 /s']);
  });
});

describe('errors and orphans', () => {
  it('groups failures by message, most frequent first, and names timeouts', () => {
    const tasks = [
      { ...task(0, 10, 'error'), error: 'ECONNRESET' },
      { ...task(1, 10, 'error'), error: 'injected failure', kind: 'http' as const },
      { ...task(2, 10, 'error'), error: 'injected failure' },
      { ...task(3, 10, 'timeout'), error: null },
      task(4, 10, 'ok'),
    ];
    expect(errorGroups(TimelineData.fromTasks(tasks))).toEqual([
      { message: 'injected failure', count: 2, kinds: ['http', 'timer'], statuses: ['error'], sampleTasks: [1, 2] },
      { message: 'ECONNRESET', count: 1, kinds: ['timer'], statuses: ['error'], sampleTasks: [0] },
      { message: 'timed out', count: 1, kinds: ['timer'], statuses: ['timeout'], sampleTasks: [3] },
    ]);
  });

  it('keeps the most frequent groups for the table and counts the messages and tasks of the rest', () => {
    const tasks = Array.from({ length: 60 }, (_, i) => ({ ...task(i, 10, 'error'), error: i < 20 ? 'injected failure' : `ENOENT: task ${i}` }));
    const top = topErrorGroups(errorGroups(TimelineData.fromTasks(tasks)), 25);
    expect(top.shown).toHaveLength(25);
    expect(top.shown[0]).toMatchObject({ message: 'injected failure', count: 20 });
    expect(top.more).toEqual({ messages: 16, tasks: 16 });
    expect(topErrorGroups(errorGroups(TimelineData.fromTasks(tasks.slice(0, 5))), 25).more).toEqual({ messages: 0, tasks: 0 });
  });

  it('finds the tasks left running after the strategy settled', () => {
    expect(orphanedTasks(TimelineData.fromTasks([task(0, 11), task(1, 12, 'error', true), task(2, 13, 'ok', true)]))).toEqual([
      { index: 1, status: 'error', endMs: 12 },
      { index: 2, status: 'ok', endMs: 13 },
    ]);
  });
});
