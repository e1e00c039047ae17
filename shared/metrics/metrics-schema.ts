import { z } from 'zod';

const ms = z.number().min(0);

/** Percentiles of a set of durations, in ms. */
export const PercentilesSchema = z.object({ p50: ms, p90: ms, p99: ms, max: ms, mean: ms });
export type Percentiles = z.output<typeof PercentilesSchema>;

/** The summary of one run. These names are public: the CLI's `--json` output uses them. */
export const RunMetricsSchema = z.object({
  /** From the first task queued until the strategy settled (orphans may finish later). */
  wallMs: ms,
  tasks: z.number().int().min(0),
  ok: z.number().int().min(0),
  /** Tasks that ended with `error`. */
  failed: z.number().int().min(0),
  timedOut: z.number().int().min(0),
  cancelled: z.number().int().min(0),
  orphaned: z.number().int().min(0),
  maxInFlight: z.number().int().min(0),
  /** Finished tasks (any status but cancelled) per second of wall time. */
  throughputPerSec: z.number().min(0),
  /** Sum of task durations / wall time. */
  effectiveConcurrency: z.number().min(0),
  /** startMs..endMs of tasks that ran. */
  latencyMs: PercentilesSchema,
  /** queuedMs..startMs of tasks that ran. */
  waitMs: PercentilesSchema,
  loopDelayMs: z.object({ p50: ms, p99: ms, max: ms }),
  /** Mean event-loop utilisation over the run, 0..1. */
  elu: z.number().min(0).max(1),
  cpuUserMs: ms,
  cpuSystemMs: ms,
  peakRssBytes: z.number().min(0),
  /** Count of tasks that did not end `ok`, by task kind. */
  failuresByKind: z.record(z.string(), z.number().int().min(0)),
});
export type RunMetrics = z.output<typeof RunMetricsSchema>;
