import { z } from 'zod';
import { ScenarioSchema } from '../scenario';
import { RunMetricsSchema } from '../metrics/metrics-schema';
import { RuntimeSlicesSchema } from '../runtime/runtime-slices';
import { SampleSchema, TaskRecordSchema, TaskStartSchema } from './task-record';

/**
 * The engine's event protocol: the messages between an engine process (one per run) and the process
 * that launched it. Events travel in batches, never one message per task.
 */

/** Parent -> engine: run this scenario; files go only inside `scratchDir`. Sent once. */
export const StartMessageSchema = z.object({
  type: z.literal('start'),
  scenario: ScenarioSchema,
  scratchDir: z.string().min(1),
});

/** Parent -> engine: stop as soon as possible; unfinished tasks end `cancelled`. */
export const CancelMessageSchema = z.object({ type: z.literal('cancel') });

export const ParentToEngineSchema = z.discriminatedUnion('type', [StartMessageSchema, CancelMessageSchema]);
export type ParentToEngine = z.input<typeof ParentToEngineSchema>;

/** The engine process is loaded and waits for `start`. */
export const ReadyEventSchema = z.object({ type: z.literal('ready'), pid: z.number().int() });

/** The clock started. `lanes`: how many timeline rows the strategy uses. */
export const StartedEventSchema = z.object({
  type: z.literal('started'),
  totalTasks: z.number().int().min(0),
  lanes: z.number().int().min(1),
  startedAtEpochMs: z.number(),
});

/** Everything that happened since the previous batch (sent at most every ~50 ms). */
export const BatchEventSchema = z.object({
  type: z.literal('batch'),
  started: z.array(TaskStartSchema),
  finished: z.array(TaskRecordSchema),
  samples: z.array(SampleSchema),
  /** In `trace: "runtime"` mode: the loop, pool and worker slices recorded since the previous batch. */
  runtime: RuntimeSlicesSchema.optional(),
  /** Tasks finished so far (any status). */
  done: z.number().int().min(0),
  inFlight: z.number().int().min(0),
  elapsedMs: z.number().min(0),
});

/** The run is over: every task has been reported in a batch before this. */
export const FinishedEventSchema = z.object({
  type: z.literal('finished'),
  status: z.enum(['completed', 'cancelled']),
  metrics: RunMetricsSchema,
});

/** The run could not go on (e.g. the scratch folder is not writable). */
export const FailedEventSchema = z.object({ type: z.literal('failed'), message: z.string() });

export const EngineEventSchema = z.discriminatedUnion('type', [
  ReadyEventSchema,
  StartedEventSchema,
  BatchEventSchema,
  FinishedEventSchema,
  FailedEventSchema,
]);
export type EngineEvent = z.output<typeof EngineEventSchema>;
export type BatchEvent = z.output<typeof BatchEventSchema>;
export type StartedEvent = z.output<typeof StartedEventSchema>;
export type FinishedEvent = z.output<typeof FinishedEventSchema>;

/** How often the engine samples its own process. */
export const SAMPLE_INTERVAL_MS = 20;
/** How often the engine sends a batch while tasks are moving. */
export const BATCH_INTERVAL_MS = 50;
