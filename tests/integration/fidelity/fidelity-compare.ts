import { taskMetrics, type TaskMetrics } from '../../../shared/metrics/compute-metrics';
import type { TaskRecord } from '../../../shared/protocol/task-record';
import { type ScenarioInput, ScenarioSchema, type Strategy } from '../../../shared/scenario';
import { type InProcessRun, runInProcess } from '../engine/run-in-process';
import { agrees } from './agreement';
import { collectGarbage } from './collect-garbage';
import { runPlain, type PlainRun, type PlainTiming } from './plain-run';

export type Tasks = ScenarioInput['tasks'];

/**
 * How many engine runs one comparison may take, and for how long it starts new ones, before it reports what
 * the closest of them disagreed on. Most agree at the first; the rest are for a machine whose other work
 * stalls a run now and then, and each attempt adds a plain run to the spread it is held to. On the shared
 * 2-core machine at a load average of 16, six attempts within 12 s left 5 or 6 of the 68 cases failing per
 * suite run (a worker-thread attempt costs 2-3 s of thread start-up there, hence the budget).
 */
export const FIDELITY_ATTEMPTS = { most: 10, budgetMs: 20_000 } as const;

/** The kinds of work the fidelity comparison covers, each as a small scenario's task groups. */
export const FIDELITY_KINDS: Record<string, Tasks> = {
  timer: [
    { kind: 'timer', count: 2, ms: 40 },
    { kind: 'timer', count: 2, ms: 20 },
  ],
  cpu: [{ kind: 'cpu', count: 4, ms: 20 }],
  'file-read sync': [{ kind: 'file-read', count: 4, bytes: 8_000_000, sync: true }],
  'file-read async': [{ kind: 'file-read', count: 4, bytes: 8_000_000 }],
  sqlite: [{ kind: 'sqlite', count: 4, rows: 20_000 }],
  // Two hashes of clearly different lengths: on 2 cores they run side by side without a third contending for a core, so
  // their ends keep their order (four threads on two cores end in whatever order the OS's time slices give).
  crypto: [
    { kind: 'crypto', count: 1, iterations: 60_000 },
    { kind: 'crypto', count: 1, iterations: 20_000 },
  ],
  // CPU work between timers, with a failure: orphans, skipped tasks and results that wait for the loop.
  mixed: [
    { kind: 'timer', count: 2, ms: 30 },
    { kind: 'cpu', count: 2, ms: 25 },
    { kind: 'timer', count: 1, ms: 10, failRate: 1 },
    { kind: 'cpu', count: 1, ms: 15 },
  ],
};
/** The plain run as records, so that the engine's metrics code can summarise it too. */
function plainRecords(plain: PlainRun, kinds: readonly string[]): TaskRecord[] {
  return plain.timings.map((timing, index) => {
    const ran = timing !== null;
    const startMs = timing?.startMs ?? plain.settleMs;
    const endMs = timing?.endMs ?? plain.settleMs;
    const status = !ran ? 'skipped' : plain.failed.has(index) ? 'error' : 'ok';
    return { index, group: 0, kind: kinds[index]!, lane: 0, queuedMs: 0, startMs, endMs, observedMs: endMs, status, orphaned: ran && endMs > plain.settleMs, error: null, attempts: ran ? 1 : 0 };
  });
}

/**
 * An engine time agrees when it is within the tolerance of the plain code's, where "the plain code's" is the
 * range the plain code itself gave over the comparison's plain runs: real work that the OS schedules (a file
 * read, a query, a hash on the libuv pool, sharing 2 cores with every other process) varies from run to run by
 * more than 2 ms + 5%, and no engine can be held closer to plain code than plain code is to itself. For work
 * that does not vary (timers, CPU) the plain runs agree and this is the plain tolerance.
 */
function disagreementWithin(what: string, engineMs: number, plainMs: readonly number[]): string | null {
  const low = Math.min(...plainMs);
  const high = Math.max(...plainMs);
  if (agrees(engineMs, low) || agrees(engineMs, high) || (engineMs >= low && engineMs <= high)) return null;
  return `${what}: engine ${engineMs.toFixed(2)} ms, plain ${low.toFixed(2)}..${high.toFixed(2)} ms`;
}

function metricProblemsWithin(engine: TaskMetrics, plains: readonly TaskMetrics[]): string[] {
  const problems: string[] = [];
  for (const key of ['ok', 'failed', 'skipped', 'orphaned', 'maxInFlight'] as const) {
    if (!plains.some((plain) => plain[key] === engine[key])) problems.push(`${key}: engine ${engine[key]}, plain ${plains.map((plain) => plain[key]).join(', ')}`);
  }
  for (const key of ['p50', 'p99', 'max'] as const) {
    const problem = disagreementWithin(`latency ${key}`, engine.latencyMs[key], plains.map((plain) => plain.latencyMs[key]));
    if (problem !== null) problems.push(problem);
  }
  const span = disagreementWithin('span', engine.spanMs, plains.map((plain) => plain.spanMs));
  if (span !== null) problems.push(span);
  const concurrency = plains.map((plain) => plain.effectiveConcurrency);
  const near = (plain: number) => Math.abs(engine.effectiveConcurrency - plain) <= 0.05 * plain + 0.02;
  const between = engine.effectiveConcurrency >= Math.min(...concurrency) && engine.effectiveConcurrency <= Math.max(...concurrency);
  if (!concurrency.some(near) && !between) {
    problems.push(`effective concurrency: engine ${engine.effectiveConcurrency.toFixed(3)}, plain ${Math.min(...concurrency).toFixed(3)}..${Math.max(...concurrency).toFixed(3)}`);
  }
  return problems;
}

type Stamp = (timing: PlainTiming) => number;

/** The tasks a run started, as a key: `0,1,3`. */
function startedKey(started: readonly boolean[]): string {
  return started.flatMap((ran, index) => (ran ? [index] : [])).join(',');
}

/**
 * What one engine run disagrees on with the plain runs of the comparison so far that started the same tasks
 * (which tasks a strategy starts before a failure stops it can depend on timing, plainly too).
 */
function problemsOfRun(engine: InProcessRun, allPlains: readonly PlainRun[]): string[] {
  const engineStarted = startedKey(engine.records.map((record) => record.attempts > 0));
  const plains = allPlains.filter((plain) => startedKey(plain.timings.map((timing) => timing !== null)) === engineStarted);
  if (plains.length === 0) {
    return [`the engine started tasks ${engineStarted}, the plain code ${allPlains.map((plain) => startedKey(plain.timings.map((timing) => timing !== null))).join(' or ')}`];
  }
  const problems: string[] = [];
  const started = engine.records.filter((record) => record.attempts > 0);
  const plainOf = (index: number, stamp: Stamp) => plains.map((plain) => stamp(plain.timings[index]!));
  const stamps: [string, Stamp, (record: TaskRecord) => number][] = [
    ['start', (t) => t.startMs, (r) => r.startMs],
    ['end', (t) => t.endMs, (r) => r.endMs],
  ];
  for (const record of started) {
    for (const [what, stamp, engineOf] of stamps) {
      const problem = disagreementWithin(`task ${record.index} ${what}`, engineOf(record), plainOf(record.index, stamp));
      if (problem !== null) problems.push(problem);
    }
  }
  // An order counts where every plain run is sure of it (further apart than the tolerance, the same way round).
  for (const [what, stamp, engineOf] of stamps) {
    for (const first of started) {
      for (const second of started) {
        const p = plainOf(first.index, stamp);
        const q = plainOf(second.index, stamp);
        const plainSure = p.every((time, run) => time < q[run]! && !agrees(time, q[run]!));
        if (plainSure && engineOf(first) > engineOf(second)) problems.push(`${what} order: task ${first.index} before ${second.index} plainly, after it in the engine`);
      }
    }
  }
  const kinds = engine.records.map((record) => record.kind);
  problems.push(
    ...metricProblemsWithin(
      taskMetrics(engine.records, engine.finished.metrics.wallMs),
      plains.map((plain) => taskMetrics(plainRecords(plain, kinds), plain.settleMs)),
    ),
  );
  const settle = disagreementWithin('settled', engine.finished.metrics.wallMs, plains.map((plain) => plain.settleMs));
  if (settle !== null) problems.push(settle);
  return problems;
}

/**
 * Runs the plain code and the engine alternately, plain first and last (P E P E P ...), and compares each
 * engine run with every plain run so far, the first just before it and the last just after: the plain code's
 * own spread in this test, under this machine's load; returns [] as soon as one engine run agrees, else what
 * the closest one disagreed on. Why alternate and retry: on a shared 2-core machine another process can stall
 * any run for several ms, and a stall lands on one run, not on the plain runs and the engine run alike, again
 * and again; a real difference in what the engine records (a late stamp, a cold first task) shows in every
 * engine run, beyond the plain runs' spread, and fails every attempt.
 */
export async function compareWithPlain(strategy: Strategy, tasks: Tasks, attempts: { most: number; budgetMs: number } = FIDELITY_ATTEMPTS): Promise<string[]> {
  const scenario = ScenarioSchema.parse({ version: 1, name: 'fidelity', strategy, tasks });
  const plain = async () => {
    await collectGarbage();
    return runPlain(scenario);
  };
  const startedMs = performance.now();
  const plains = [await plain()];
  let closest: string[] | null = null;
  for (let attempt = 0; attempt < attempts.most && (attempt === 0 || performance.now() - startedMs < attempts.budgetMs); attempt++) {
    await collectGarbage();
    const engine = await runInProcess({ strategy, tasks });
    plains.push(await plain());
    const problems = problemsOfRun(engine, plains);
    if (problems.length === 0) return [];
    if (closest === null || problems.length < closest.length) closest = problems;
  }
  return closest ?? [];
}
