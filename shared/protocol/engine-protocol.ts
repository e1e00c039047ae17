import { z } from 'zod';
import { isAbsolutePath, ScenarioSchema, userPaths } from '../scenario';
import { RunMetricsSchema } from '../metrics/metrics-schema';
import { RuntimeSlicesSchema } from '../runtime/runtime-slices';
import { problemsToText, toProblems } from '../validation/format-issues';
import { SampleSchema, TaskRecordSchema, TaskStartSchema } from './task-record';

/**
 * The engine's event protocol: the messages between an engine process (one per run) and the process
 * that launched it. Events travel in batches, never one message per task.
 */

/**
 * Parent -> engine: run this scenario; files go only inside `scratchDir`. Sent once.
 *
 * The built-in HTTP target server runs in a process of its own that the backend starts before the run (for
 * every runtime: the Node engine and every runner get its address the same way, and none of them serves
 * requests on the loop or threads it measures), and hands over as `targetUrl`. Only a scenario with
 * `options.target: "in-engine"` gets no `targetUrl`: the Node engine then serves the target itself.
 */
export const StartMessageSchema = z.object({
  type: z.literal('start'),
  /** Its `module` and `database` paths are absolute: the backend resolves them once, for every runtime. */
  scenario: ScenarioSchema.superRefine((scenario, ctx) => {
    for (const { at, path } of userPaths(scenario)) {
      if (!isAbsolutePath(path)) ctx.addIssue({ code: 'custom', path: at, message: `"${path}" is not absolute: the backend resolves user paths before a run starts` });
    }
  }),
  scratchDir: z.string().min(1),
  /** `http://127.0.0.1:<port>` of the target process, when the scenario has `http` tasks without `url`. */
  targetUrl: z.string().url().nullable().optional(),
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

/** A message from an engine as the event it is; one that is not becomes a `failed` event naming what is wrong. */
export function checkEngineEvent(raw: unknown): EngineEvent {
  const parsed = EngineEventSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  return { type: 'failed', message: `the engine sent a malformed message:\n${problemsToText(toProblems(parsed.error.issues, raw))}` };
}

/** How often the engine samples its own process. */
export const SAMPLE_INTERVAL_MS = 20;
/** How often the engine sends a batch while tasks are moving. */
export const BATCH_INTERVAL_MS = 50;
