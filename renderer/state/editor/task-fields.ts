import { ScenarioOptionsSchema, type TaskGroupInput, type TaskKind } from '../../../shared/scenario';

/** How the form edits one field of a task group or of the options. */
export interface FieldSpec {
  key: string;
  label: string;
  /** `path`: a file path, typed or picked (desktop); `json`: a JSON object, edited as text. */
  type: 'number' | 'text' | 'checkbox' | 'select' | 'lines' | 'multiline' | 'path' | 'json';
  /** Shown after the input: `ms`, `bytes`. */
  unit?: string;
  /** One line under the label. */
  hint?: string;
  choices?: readonly string[];
  placeholder?: string;
  /** A checkbox for a two-valued field: the values it stands for, unchecked then checked (default false, true). */
  checkboxValues?: readonly [string, string];
}

const count: FieldSpec = { key: 'count', label: 'Count', type: 'number', unit: 'tasks' };
const failRate: FieldSpec = { key: 'failRate', label: 'Failure rate', type: 'number', unit: '0–1', placeholder: 'default 0', hint: 'Probability that a task fails on purpose' };
const label: FieldSpec = { key: 'label', label: 'Label', type: 'text', placeholder: 'optional' };
const jitter: FieldSpec = { key: 'jitterMs', label: 'Jitter', type: 'number', unit: 'ms', placeholder: 'default 0', hint: 'Up to this much extra, at random' };
const bytes: FieldSpec = { key: 'bytes', label: 'Size', type: 'number', unit: 'bytes' };
const sync: FieldSpec = { key: 'sync', label: 'Blocking call (fs.*Sync)', type: 'checkbox', hint: 'Stalls the event loop on purpose' };

/** The fields of each task kind, in form order; `count`, `failRate` and `label` come with every kind. */
export const TASK_FIELDS: Record<TaskKind, readonly FieldSpec[]> = {
  timer: [count, { key: 'ms', label: 'Duration', type: 'number', unit: 'ms' }, jitter, failRate, label],
  cpu: [count, { key: 'ms', label: 'Busy time', type: 'number', unit: 'ms' }, failRate, label],
  'file-write': [count, bytes, sync, failRate, label],
  'file-read': [count, bytes, sync, failRate, label],
  http: [
    count,
    { key: 'url', label: 'URL', type: 'text', placeholder: 'built-in loopback server', hint: 'Leave empty for the built-in target server' },
    { key: 'method', label: 'Method', type: 'select', choices: ['GET', 'POST', 'PUT', 'DELETE'] },
    { key: 'latencyMs', label: 'Server latency', type: 'number', unit: 'ms', placeholder: 'default 50' },
    jitter,
    { key: 'bytes', label: 'Response size', type: 'number', unit: 'bytes', placeholder: 'default 1024' },
    { key: 'headers', label: 'Headers', type: 'json', placeholder: '{ "authorization": "Bearer …" }', hint: 'A JSON object of header names and values' },
    failRate,
    label,
  ],
  sqlite: [
    count,
    { key: 'database', label: 'Your database', type: 'path', placeholder: 'the seeded scratch database', hint: 'A SQLite file, opened read-only; relative to the scenario file' },
    { key: 'rows', label: 'Sample rows', type: 'number', unit: 'rows', placeholder: 'default 10000' },
    { key: 'sql', label: 'Query', type: 'multiline', placeholder: 'default: a grouped query over the sample rows' },
    failRate,
    label,
  ],
  crypto: [count, { key: 'iterations', label: 'pbkdf2 iterations', type: 'number', unit: 'iterations', placeholder: 'default 100000' }, failRate, label],
  spawn: [
    count,
    { key: 'command', label: 'Command', type: 'text' },
    { key: 'args', label: 'Arguments', type: 'lines', hint: 'One per line' },
    failRate,
    label,
  ],
  module: [
    count,
    { key: 'path', label: 'Module file', type: 'path', placeholder: './fetch-user.mjs', hint: 'An ES module (.mjs, .js) or .ts file, relative to the scenario file' },
    { key: 'export', label: 'Export', type: 'text', placeholder: 'default', hint: 'An async function called with { index, attempt, signal, args }' },
    { key: 'args', label: 'Arguments', type: 'json', placeholder: '{ "userId": 42 }', hint: 'A JSON object passed as args to every call' },
    failRate,
    label,
  ],
};

const OPTION_DEFAULTS: Record<string, number | string> = ScenarioOptionsSchema.parse({});

/** The run-wide options, in form order; an empty field means the default, shown as its placeholder. */
export const OPTION_FIELDS: readonly FieldSpec[] = (
  [
    { key: 'timeoutMs', label: 'Timeout per attempt', type: 'number', unit: 'ms' },
    { key: 'retries', label: 'Retries', type: 'number', unit: 'attempts' },
    { key: 'retryDelayMs', label: 'First retry delay', type: 'number', unit: 'ms', hint: 'Doubles at each further retry' },
    { key: 'threadpoolSize', label: 'libuv thread pool', type: 'number', unit: 'threads' },
    { key: 'seed', label: 'Random seed', type: 'number' },
  ] satisfies FieldSpec[]
)
  .map((spec): FieldSpec => ({ ...spec, placeholder: `default ${OPTION_DEFAULTS[spec.key]}` }))
  .concat({
    key: 'trace',
    label: 'Trace the runtime (slower)',
    type: 'checkbox',
    checkboxValues: ['tasks', 'runtime'],
    hint: 'Records every event-loop callback, thread-pool request and worker-thread slice; a run of tiny tasks takes up to 3 times as long.',
  });

/** What the kinds are called in pickers. */
export const KIND_LABELS: Record<TaskKind, string> = {
  timer: 'Timer',
  cpu: 'CPU work',
  'file-write': 'File write',
  'file-read': 'File read',
  http: 'HTTP request',
  sqlite: 'SQLite query',
  crypto: 'Crypto (pbkdf2)',
  spawn: 'Child process',
  module: 'Your module',
};

/** A sensible new group of each kind. */
export const NEW_GROUPS: Record<TaskKind, TaskGroupInput> = {
  timer: { kind: 'timer', count: 10, ms: 100 },
  cpu: { kind: 'cpu', count: 4, ms: 50 },
  'file-write': { kind: 'file-write', count: 10, bytes: 65_536 },
  'file-read': { kind: 'file-read', count: 10, bytes: 65_536 },
  http: { kind: 'http', count: 10, latencyMs: 50 },
  sqlite: { kind: 'sqlite', count: 10, rows: 10_000 },
  crypto: { kind: 'crypto', count: 8, iterations: 100_000 },
  spawn: { kind: 'spawn', count: 2, command: 'node', args: ['-e', 'setTimeout(() => {}, 100)'] },
  module: { kind: 'module', count: 10, path: './task.mjs' },
};

/** The field keys a group of `kind` may have (plus `kind` itself). */
export function fieldKeysOf(kind: TaskKind): string[] {
  return ['kind', ...TASK_FIELDS[kind].map((f) => f.key)];
}
