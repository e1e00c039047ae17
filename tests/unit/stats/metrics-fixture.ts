import type { RunMetrics } from '../../../shared/metrics/metrics-schema';

const percentiles = { p50: 10, p90: 20, p99: 30, max: 40, mean: 12 };

/** Plausible run metrics with the given fields replaced. */
export function metricsWith(overrides: Partial<RunMetrics> = {}): RunMetrics {
  return {
    wallMs: 1000,
    spanMs: 1000,
    tasks: 100,
    ok: 100,
    failed: 0,
    timedOut: 0,
    cancelled: 0,
    skipped: 0,
    orphaned: 0,
    maxInFlight: 4,
    throughputPerSec: 100,
    effectiveConcurrency: 4,
    latencyMs: { ...percentiles },
    waitMs: { ...percentiles },
    deliveryDelayMs: { p50: 0, p99: 0, max: 0 },
    loopDelayMs: { p50: 1, p99: 2, max: 3 },
    elu: 0.5,
    cpuUserMs: 100,
    cpuSystemMs: 10,
    peakRssBytes: 50_000_000,
    failuresByKind: {},
    ...overrides,
  };
}
