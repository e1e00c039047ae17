import { z } from 'zod';

const ms = z.number().min(0);

/** Percentiles of a set of durations, in ms. */
export const PercentilesSchema = z.object({ p50: ms, p90: ms, p99: ms, max: ms, mean: ms });
export type Percentiles = z.output<typeof PercentilesSchema>;

/**
 * The summary of one run. These names are public: the CLI's `--json` output uses them. Every task time is the
 * work's own (`startMs`..`endMs`), never when the strategy heard of it.
 */
export const RunMetricsSchema = z.object({
  /** From run start until the strategy settled (orphans may finish later). */
  wallMs: ms,
  /** The window every task fits in: from the first task's start to the last task's end, orphans included. */
  spanMs: ms,
  tasks: z.number().int().min(0),
  ok: z.number().int().min(0),
  /** Tasks whose own outcome is `error`, orphaned or not. */
  failed: z.number().int().min(0),
  timedOut: z.number().int().min(0),
  /** Stopped by Cancel (or never started because of it). */
  cancelled: z.number().int().min(0),
  /** Never started: the strategy stopped at the first failure. */
  skipped: z.number().int().min(0),
  /** Tasks that ended after their strategy settled, whatever their outcome. */
  orphaned: z.number().int().min(0),
  maxInFlight: z.number().int().min(0),
  /** Finished tasks (neither cancelled nor skipped) per second of wall time. */
  throughputPerSec: z.number().min(0),
  /** Sum of task durations / `spanMs`: how many tasks ran at once on average over the window they all fit in. */
  effectiveConcurrency: z.number().min(0),
  /** startMs..endMs of tasks that ran. */
  latencyMs: PercentilesSchema,
  /** queuedMs..startMs of tasks that ran. */
  waitMs: PercentilesSchema,
  /** endMs..observedMs of tasks that ran: how long a finished task's result waited for the event loop. */
  deliveryDelayMs: z.object({ p50: ms, p99: ms, max: ms }),
  /** From the event-loop delay histogram over the whole run: a loop blocked for 800 ms has a max of about 800. */
  loopDelayMs: z.object({ p50: ms, p99: ms, max: ms }),
  /** Mean event-loop utilisation over the run, 0..1. */
  elu: z.number().min(0).max(1),
  cpuUserMs: ms,
  cpuSystemMs: ms,
  peakRssBytes: z.number().min(0),
  /** Count of tasks that ended `error`, `timeout` or `cancelled`, by task kind. */
  failuresByKind: z.record(z.string(), z.number().int().min(0)),
});
export type RunMetrics = z.output<typeof RunMetricsSchema>;
