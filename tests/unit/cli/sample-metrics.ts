import type { RunMetrics } from '../../../shared/metrics/metrics-schema';

/** Plausible metrics whose times all scale with `wallMs`. */
export function sampleMetrics(wallMs: number): RunMetrics {
  const spread = { p50: wallMs / 2, p90: wallMs * 0.9, p99: wallMs, max: wallMs, mean: wallMs / 2 };
  return {
    wallMs,
    spanMs: wallMs,
    tasks: 16,
    ok: 15,
    failed: 1,
    timedOut: 0,
    cancelled: 0,
    skipped: 0,
    orphaned: 0,
    maxInFlight: 4,
    throughputPerSec: 16_000 / wallMs,
    effectiveConcurrency: 3.5,
    latencyMs: spread,
    waitMs: spread,
    deliveryDelayMs: { p50: 0, p99: 0, max: 0 },
    loopDelayMs: { p50: 1, p99: 2, max: 3 },
    elu: 0.25,
    cpuUserMs: 10,
    cpuSystemMs: 5,
    peakRssBytes: 50 * 1024 * 1024,
    failuresByKind: { timer: 1 },
  };
}
