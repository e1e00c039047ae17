import { z } from 'zod';
import { milliseconds, wholeNumber } from '../validation/numbers';
import { plainLines, plainText } from '../validation/plain-text';
import {
  MAX_CPU_MS,
  MAX_FILE_BYTES_PER_TASK,
  MAX_HTTP_BODY_BYTES,
  MAX_PBKDF2_ITERATIONS,
  MAX_TASKS_PER_RUN,
  MAX_TIMER_MS,
} from './limits';
import { countSqlStatements } from './sql-statements';

/** Fields every task group has, whatever its kind. */
const common = {
  /** How many tasks of this group the run makes. */
  count: wholeNumber(1, MAX_TASKS_PER_RUN),
  /** Probability (0..1) that a task fails on purpose; reproducible through `options.seed`. */
  failRate: z
    .number({ error: 'must be a probability from 0 to 1' })
    .min(0, { error: 'must be a probability from 0 to 1' })
    .max(1, { error: 'must be a probability from 0 to 1' })
    .default(0),
  /** A name for the group in the timeline and the results. */
  label: plainText().min(1).max(80).optional(),
};

/** Waits `ms` (plus up to `jitterMs`) on a timer: the one kind that is only a sleep. */
export const TimerTaskSchema = z.strictObject({
  kind: z.literal('timer'),
  ...common,
  ms: milliseconds(MAX_TIMER_MS),
  jitterMs: milliseconds(MAX_TIMER_MS).default(0),
});

/** Busy work on the thread that runs the task, for about `ms`. */
export const CpuTaskSchema = z.strictObject({
  kind: z.literal('cpu'),
  ...common,
  ms: milliseconds(MAX_CPU_MS),
});

const fileFields = {
  ...common,
  bytes: wholeNumber(0, MAX_FILE_BYTES_PER_TASK),
  /** Use the blocking `fs.*Sync` call, which stalls the event loop on purpose. */
  sync: z.boolean().default(false),
};

/** Writes `bytes` to a fresh file in the run's scratch folder. */
export const FileWriteTaskSchema = z.strictObject({ kind: z.literal('file-write'), ...fileFields });

/** Reads a file of `bytes` from the run's scratch folder (prepared before the clock starts). */
export const FileReadTaskSchema = z.strictObject({ kind: z.literal('file-read'), ...fileFields });

/** An HTTP request: to `url`, or without one to the built-in loopback target server. */
export const HttpTaskSchema = z.strictObject({
  kind: z.literal('http'),
  ...common,
  url: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//i.test(u), { message: 'must be an http:// or https:// address' })
    .optional(),
  method: z.enum(['GET', 'POST', 'PUT', 'DELETE']).default('GET'),
  /** Built-in target only: how long the server waits before it answers. */
  latencyMs: milliseconds(MAX_TIMER_MS).default(50),
  jitterMs: milliseconds(MAX_TIMER_MS).default(0),
  /** Built-in target only: size of the response body. */
  bytes: wholeNumber(0, MAX_HTTP_BODY_BYTES).default(1024),
});

/** A query against the run's scratch database, seeded with `rows` sample rows. */
export const SqliteTaskSchema = z.strictObject({
  kind: z.literal('sqlite'),
  ...common,
  /** One statement; ATTACH, DETACH, VACUUM INTO and extension loading are refused when the engine prepares it. */
  sql: plainLines()
    .min(1)
    .max(10_000)
    .refine((sql) => countSqlStatements(sql) <= 1, { message: 'must be one SQL statement: a task runs one query' })
    .optional(),
  rows: wholeNumber(1, 1_000_000).default(10_000),
});

/** `pbkdf2` with `iterations`: runs on the libuv thread pool, so it shows the pool's size. */
export const CryptoTaskSchema = z.strictObject({
  kind: z.literal('crypto'),
  ...common,
  iterations: wholeNumber(1, MAX_PBKDF2_ITERATIONS).default(100_000),
});

/** Starts a child process and waits for it to exit. */
export const SpawnTaskSchema = z.strictObject({
  kind: z.literal('spawn'),
  ...common,
  command: plainText().min(1).max(1000),
  args: z.array(plainLines().max(10_000)).max(100).default([]),
});

/** One group of identical tasks; `kind` picks the operation. */
export const TaskGroupSchema = z.discriminatedUnion('kind', [
  TimerTaskSchema,
  CpuTaskSchema,
  FileWriteTaskSchema,
  FileReadTaskSchema,
  HttpTaskSchema,
  SqliteTaskSchema,
  CryptoTaskSchema,
  SpawnTaskSchema,
]);

export type TaskGroup = z.output<typeof TaskGroupSchema>;
export type TaskGroupInput = z.input<typeof TaskGroupSchema>;
export type TaskKind = TaskGroup['kind'];
export const TASK_KINDS = TaskGroupSchema.options.map((o) => o.shape.kind.value) as readonly TaskKind[];
