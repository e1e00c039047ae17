import { z } from 'zod';
import { TASK_KINDS } from '../scenario';

/**
 * The task's own outcome. `cancelled`: stopped by Cancel (or never started because of it), or by the
 * `structured` strategy, which aborts the tasks still running at the first failure; `skipped`: never
 * started because the strategy stopped at an earlier failure. Whether the task ended after its strategy had
 * settled is a separate fact, `orphaned`.
 */
export const TaskStatusSchema = z.enum(['ok', 'error', 'timeout', 'cancelled', 'skipped']);
export type TaskStatus = z.output<typeof TaskStatusSchema>;

const ms = z.number().min(0).finite();

/** A task that has started; times are ms from run start (sub-millisecond). */
export const TaskStartSchema = z.object({
  /** Position in the expanded task list (group by group, in scenario order). */
  index: z.number().int().min(0),
  /** Index of the task group in `scenario.tasks`. */
  group: z.number().int().min(0),
  kind: z.enum(TASK_KINDS as [string, ...string[]]),
  /** Pool slot, batch position or worker thread the task ran on. */
  lane: z.number().int().min(0),
  queuedMs: ms,
  startMs: ms,
});
export type TaskStart = z.output<typeof TaskStartSchema>;

/**
 * A finished task. A task that never started has `attempts: 0` and `startMs === endMs`.
 */
export const TaskRecordSchema = TaskStartSchema.extend({
  /** When the task's own work finished: stamped in the same synchronous step as its operation completed. */
  endMs: ms,
  /**
   * When the strategy's continuation received the result; later than `endMs` when the result waited for a
   * busy event loop (CPU work or synchronous I/O run by other tasks).
   */
  observedMs: ms,
  status: TaskStatusSchema,
  /** The task ended after its strategy had settled (e.g. `Promise.all` had already failed fast). */
  orphaned: z.boolean(),
  /** The last attempt's error message, or null. */
  error: z.string().nullable(),
  /** How many attempts were made (1 + retries used); 0 when it never started. */
  attempts: z.number().int().min(0),
});
export type TaskRecord = z.output<typeof TaskRecordSchema>;

/** What the engine measured of its own process at one moment. */
export const SampleSchema = z.object({
  /** ms from run start. */
  tMs: ms,
  inFlight: z.number().int().min(0),
  /**
   * The longest event-loop delay in the last interval (ms, from `monitorEventLoopDelay`); runs recorded by an
   * older engine (record version 1) hold the interval's mean here.
   */
  loopDelayMs: ms,
  /** Event-loop utilisation over the last interval, 0..1. */
  elu: z.number().min(0).max(1),
  /** Process CPU over the last interval, percent of one core (can exceed 100 with worker threads). */
  cpuPercent: z.number().min(0),
  rssBytes: z.number().min(0),
  heapUsedBytes: z.number().min(0),
});
export type Sample = z.output<typeof SampleSchema>;
