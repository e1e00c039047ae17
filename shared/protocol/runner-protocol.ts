import { z } from 'zod';
import { BatchEventSchema, FailedEventSchema, ReadyEventSchema, StartedEventSchema } from './engine-protocol';

/**
 * What a runner of another runtime (Python, Go, Java) writes to stdout, one JSON object per line. It reads
 * the engine protocol's `start` and `cancel` messages (`ParentToEngine`) from stdin, one per line, and answers
 * with the same events as the Node engine, except the last: the backend, not each runner, computes the run's
 * metrics (one implementation of percentiles and windows for every runtime), so a runner ends with
 * `RunnerFinishedEvent` (its own clock and CPU time) and the backend turns it into the engine's `finished`.
 * The `start` message carries `targetUrl` (the built-in HTTP target, already running in a process of its own)
 * and a scenario whose `module` and `database` paths are absolute, as it does for the Node engine.
 */
export const RunnerFinishedEventSchema = z.object({
  type: z.literal('finished'),
  status: z.enum(['completed', 'cancelled']),
  /** From the clock's start until the strategy settled (ms). */
  wallMs: z.number().min(0),
  /** CPU time of the runner process over the run (ms). */
  cpu: z.object({ userMs: z.number().min(0), systemMs: z.number().min(0) }),
  /** The loop's delay over the whole run, where the runtime has one loop (Python asyncio); absent otherwise. */
  loopDelayMs: z.object({ p50: z.number().min(0), p99: z.number().min(0), max: z.number().min(0) }).optional(),
});
export type RunnerFinishedEvent = z.output<typeof RunnerFinishedEventSchema>;

/** Every line a runner may write. */
export const RunnerEventSchema = z.discriminatedUnion('type', [
  ReadyEventSchema,
  StartedEventSchema,
  BatchEventSchema,
  RunnerFinishedEventSchema,
  FailedEventSchema,
]);
export type RunnerEvent = z.output<typeof RunnerEventSchema>;
