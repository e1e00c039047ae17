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

/** An HTTP header name: an RFC 9110 token. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Request headers: names are tokens, values plain text on one line (no CR or LF, which would split the request). */
const HttpHeadersSchema = z
  .record(z.string().max(200), plainText().max(8192))
  .superRefine((headers, ctx) => {
    for (const [name, value] of Object.entries(headers)) {
      if (!HEADER_NAME.test(name)) ctx.addIssue({ code: 'custom', path: [name], message: `"${name}" is not a header name: use letters, digits and !#$%&'*+-.^_\`|~ only` });
      if (/[\r\n]/.test(value)) ctx.addIssue({ code: 'custom', path: [name], message: 'a header value must be on one line (no CR or LF)' });
    }
  });

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
  /** Request headers sent as they are (an `Authorization` for a real API, say). */
  headers: HttpHeadersSchema.optional(),
});

/**
 * A file path a task opens outside the run's scratch folder (a `module`, a user's `database`): absolute, or
 * relative to the scenario's file (a scenario that has no file can only use absolute paths).
 */
export function userPath() {
  return plainText().trim().min(1).max(4096);
}

/**
 * A query against the run's scratch database, seeded with `rows` sample rows; or, with `database`, against the
 * user's own database file, opened read-only (a query that would write is refused by SQLite), which needs `sql`.
 */
export const SqliteTaskSchema = z.strictObject({
  kind: z.literal('sqlite'),
  ...common,
  /** The user's SQLite file, relative to the scenario's file or absolute; absent: the seeded scratch database. */
  database: userPath().optional(),
  /** One statement; ATTACH, DETACH, VACUUM INTO and extension loading are refused when the engine prepares it. */
  sql: plainLines()
    .min(1)
    .max(10_000)
    .refine((sql) => countSqlStatements(sql) <= 1, { message: 'must be one SQL statement: a task runs one query' })
    .optional(),
  rows: wholeNumber(1, 1_000_000).default(10_000),
}).superRefine((spec, ctx) => {
  if (spec.database !== undefined && spec.sql === undefined) {
    ctx.addIssue({ code: 'custom', path: ['sql'], message: 'is needed with database: the default query is for the seeded scratch table' });
  }
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

/** File endings a `module` task may load: ES modules and TypeScript for Node, `.py` for Python. */
export const MODULE_EXTENSIONS = ['.mjs', '.js', '.mts', '.ts', '.py'] as const;

/**
 * Your own code: the `export` of the module at `path` (relative to the scenario's file, or absolute), an async
 * function called once per attempt. Node passes `{ index, attempt, signal, args }`; `signal` aborts on the
 * timeout and on Cancel. A thrown error is the task's error.
 */
export const ModuleTaskSchema = z.strictObject({
  kind: z.literal('module'),
  ...common,
  path: userPath().refine((path) => MODULE_EXTENSIONS.some((ending) => path.toLowerCase().endsWith(ending)), {
    message: `must name a module file ending in ${MODULE_EXTENSIONS.join(', ')}`,
  }),
  /** The exported function's name. */
  export: z
    .string()
    .regex(/^[A-Za-z_$][\w$]*$/, { message: 'must be the name of an export, such as default or fetchUser' })
    .max(200)
    .default('default'),
  /** Passed as they are (JSON) to every call. */
  args: z.record(z.string(), z.json()).default({}),
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
  ModuleTaskSchema,
]);

export type TaskGroup = z.output<typeof TaskGroupSchema>;
export type TaskGroupInput = z.input<typeof TaskGroupSchema>;
export type TaskKind = TaskGroup['kind'];
export const TASK_KINDS = TaskGroupSchema.options.map((o) => o.shape.kind.value) as readonly TaskKind[];
