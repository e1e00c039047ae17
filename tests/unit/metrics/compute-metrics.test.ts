import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../../shared/metrics/compute-metrics';
import { RunMetricsSchema } from '../../../shared/metrics/metrics-schema';
import { peakOverlap } from '../../../shared/metrics/peak-overlap';
import { metricColumnsOfArrays } from '../../../shared/metrics/task-metric-columns';
import { columnsOf } from '../run/task-columns-fixtures';
import type { Sample, TaskRecord } from '../../../shared/protocol/task-record';

function task(
  index: number,
  kind: TaskRecord['kind'],
  status: TaskRecord['status'],
  startMs: number,
  endMs: number,
  attempts = 1,
  { orphaned = false, observedMs = endMs } = {},
): TaskRecord {
  return { index, group: 0, kind, lane: 0, queuedMs: 0, startMs, endMs, observedMs, status, orphaned, error: status === 'ok' ? null : status, attempts };
}

function sample(loopDelayMs: number, elu: number, rssBytes: number): Sample {
  return { tMs: 0, inFlight: 0, loopDelayMs, elu, cpuPercent: 0, rssBytes, heapUsedBytes: 0 };
}

const tasks = [
  task(0, 'timer', 'ok', 0, 10, 1, { observedMs: 30 }),
  task(1, 'http', 'error', 5, 25, 2),
  task(2, 'timer', 'error', 5, 45, 1, { orphaned: true }),
  task(3, 'cpu', 'cancelled', 30, 30, 0),
  task(4, 'http', 'timeout', 10, 40),
  task(5, 'cpu', 'skipped', 30, 30, 0),
];
const samples = [sample(1, 0.2, 100), sample(2, 0.4, 300), sample(3, 0.6, 200), sample(100, 0.8, 250)];

describe('computeMetrics', () => {
  const metrics = computeMetrics({ tasks, samples, wallMs: 40, cpu: { userMs: 12, systemMs: 3 } });

  it('counts every task by its own outcome, orphaned apart, skipped apart from cancelled', () => {
    expect(metrics).toMatchObject({ tasks: 6, ok: 1, failed: 2, timedOut: 1, cancelled: 1, skipped: 1, orphaned: 1 });
    expect(metrics.failuresByKind).toEqual({ http: 2, timer: 1, cpu: 1 });
  });

  it('counts an error that came after the strategy settled as a failure', () => {
    const late = computeMetrics({ tasks: [task(0, 'timer', 'error', 0, 90, 1, { orphaned: true })], samples, wallMs: 10, cpu: { userMs: 0, systemMs: 0 } });
    expect(late).toMatchObject({ failed: 1, orphaned: 1 });
  });

  it('measures how long results waited for the loop (observed minus end)', () => {
    expect(metrics.deliveryDelayMs.max).toBe(20);
    expect(metrics.deliveryDelayMs.p50).toBe(0);
    expect(metrics.deliveryDelayMs.p99).toBeCloseTo(19.4);
  });

  it('takes latency and wait percentiles over the tasks that ran (linear interpolation)', () => {
    expect(metrics.latencyMs.p50).toBeCloseTo(25);
    expect(metrics.latencyMs.p90).toBeCloseTo(37);
    expect(metrics.latencyMs.p99).toBeCloseTo(39.7);
    expect(metrics.latencyMs.max).toBe(40);
    expect(metrics.latencyMs.mean).toBeCloseTo(25);
    expect(metrics.waitMs).toEqual({ p50: 5, p90: expect.closeTo(8.5) as number, p99: expect.closeTo(9.85) as number, max: 10, mean: 5 });
  });

  it('derives throughput from the wall time and effective concurrency from the span every task fits in', () => {
    expect(metrics.wallMs).toBe(40);
    expect(metrics.throughputPerSec).toBeCloseTo(100);
    expect(metrics.spanMs).toBe(45);
    expect(metrics.effectiveConcurrency).toBeCloseTo(100 / 45);
    expect(metrics.maxInFlight).toBe(3);
  });

  it('never reports more concurrency than tasks, however early the strategy settled', () => {
    const orphans = Array.from({ length: 20 }, (_, i) => task(i, 'timer', i === 0 ? 'error' : 'ok', 0, i === 0 ? 5 : 100, 1, { orphaned: i > 0 }));
    const raced = computeMetrics({ tasks: orphans, samples, wallMs: 5, cpu: { userMs: 0, systemMs: 0 } });
    expect(raced.effectiveConcurrency).toBeLessThanOrEqual(20);
    expect(raced.effectiveConcurrency).toBeCloseTo((5 + 19 * 100) / 100);
  });

  it('takes the loop delay from the whole-run histogram when the engine gives it', () => {
    const withHistogram = computeMetrics({ tasks, samples, wallMs: 40, cpu: { userMs: 0, systemMs: 0 }, loopDelayMs: { p50: 0.1, p99: 790, max: 796 } });
    expect(withHistogram.loopDelayMs).toEqual({ p50: 0.1, p99: 790, max: 796 });
  });

  it('without a histogram, summarises the samples; passes the CPU time through', () => {
    expect(metrics.loopDelayMs.p50).toBeCloseTo(2.5);
    expect(metrics.loopDelayMs.p99).toBeCloseTo(97.09);
    expect(metrics.loopDelayMs.max).toBe(100);
    expect(metrics.elu).toBeCloseTo(0.5);
    expect(metrics.peakRssBytes).toBe(300);
    expect(metrics).toMatchObject({ cpuUserMs: 12, cpuSystemMs: 3 });
  });

  it('gives the same metrics from task columns as from their records', () => {
    const input = { samples: [sample(2, 0.5, 100)], wallMs: 50, cpu: { userMs: 1, systemMs: 1 } };
    const fromColumns = computeMetrics({ ...input, tasks: metricColumnsOfArrays(columnsOf(tasks)) });
    expect(fromColumns).toEqual(computeMetrics({ ...input, tasks }));
  });

  it('follows the public schema', () => {
    expect(RunMetricsSchema.safeParse(metrics).success).toBe(true);
  });

  it('gives zeros, not NaN, for a run without tasks, samples or time', () => {
    const empty = computeMetrics({ tasks: [], samples: [], wallMs: 0, cpu: { userMs: 0, systemMs: 0 } });
    expect(RunMetricsSchema.parse(empty)).toMatchObject({ throughputPerSec: 0, effectiveConcurrency: 0, maxInFlight: 0, elu: 0, peakRssBytes: 0 });
    expect(empty.latencyMs).toEqual({ p50: 0, p90: 0, p99: 0, max: 0, mean: 0 });
  });
});

describe('peakOverlap', () => {
  it('does not count a span that ends exactly when the next starts', () => {
    expect(peakOverlap([{ startMs: 0, endMs: 10 }, { startMs: 10, endMs: 20 }])).toBe(1);
  });

  it('finds the busiest moment', () => {
    expect(peakOverlap([{ startMs: 0, endMs: 100 }, { startMs: 10, endMs: 20 }, { startMs: 15, endMs: 30 }, { startMs: 25, endMs: 26 }])).toBe(3);
  });
});
