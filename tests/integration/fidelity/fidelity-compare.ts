import { taskMetrics, type TaskMetrics } from '../../../shared/metrics/compute-metrics';
import type { TaskRecord } from '../../../shared/protocol/task-record';
import { type ScenarioInput, ScenarioSchema, type Strategy } from '../../../shared/scenario';
import { type InProcessRun, runInProcess } from '../engine/run-in-process';
import { agrees, disagreement } from './agreement';
import { collectGarbage } from './collect-garbage';
import { runPlain, type PlainRun } from './plain-run';

export type Tasks = ScenarioInput['tasks'];

/**
 * How many engine runs one comparison may take, and for how long it starts new ones, before it reports what
 * the closest of them disagreed on. Most agree at the first; the rest are for a machine whose other work
 * stalls a run now and then (a worker-thread run costs about a second of thread start-up, hence the budget).
 */
export const FIDELITY_ATTEMPTS = { most: 6, budgetMs: 12_000 } as const;

/**
 * The kinds `npm test` holds to the comparison. Not `crypto`: on a 2-core machine two hashes on the libuv pool
 * share the cores with the engine's own thread (its sampling and batches), and a hash then takes up to 1.5x its
 * plain time in one run out of a few; the bench (`npm run bench -- fidelity`) prints that comparison instead of
 * letting it fail the suite at random (issue #15).
 */
export const HELD_IN_TESTS: ReadonlySet<string> = new Set(['timer', 'cpu', 'file-read sync', 'file-read async', 'sqlite', 'mixed']);

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
 * range the plain code itself gave in two runs side by side: real I/O (a file read, a query, a hash) varies
 * from run to run by more than 2 ms + 5%, and no engine can be held closer to plain code than plain code is to
 * itself. For work that does not vary (timers, CPU) the two plain runs agree and this is the plain tolerance.
 */
function disagreementWithin(what: string, engineMs: number, plainA: number, plainB: number): string | null {
  const low = Math.min(plainA, plainB);
  const high = Math.max(plainA, plainB);
  if (agrees(engineMs, low) || agrees(engineMs, high) || (engineMs >= low && engineMs <= high)) return null;
  return disagreement(what, engineMs, plainA) === null ? null : `${what}: engine ${engineMs.toFixed(2)} ms, plain ${low.toFixed(2)}..${high.toFixed(2)} ms`;
}

function metricProblemsWithin(engine: TaskMetrics, plainA: TaskMetrics, plainB: TaskMetrics): string[] {
  const problems: string[] = [];
  for (const key of ['ok', 'failed', 'skipped', 'orphaned', 'maxInFlight'] as const) {
    if (engine[key] !== plainA[key] && engine[key] !== plainB[key]) problems.push(`${key}: engine ${engine[key]}, plain ${plainA[key]}`);
  }
  for (const key of ['p50', 'p99', 'max'] as const) {
    const problem = disagreementWithin(`latency ${key}`, engine.latencyMs[key], plainA.latencyMs[key], plainB.latencyMs[key]);
    if (problem !== null) problems.push(problem);
  }
  const span = disagreementWithin('span', engine.spanMs, plainA.spanMs, plainB.spanMs);
  if (span !== null) problems.push(span);
  const concurrency = [plainA.effectiveConcurrency, plainB.effectiveConcurrency];
  const near = (plain: number) => Math.abs(engine.effectiveConcurrency - plain) <= 0.05 * plain + 0.02;
  const between = engine.effectiveConcurrency >= Math.min(...concurrency) && engine.effectiveConcurrency <= Math.max(...concurrency);
  if (!concurrency.some(near) && !between) {
    problems.push(`effective concurrency: engine ${engine.effectiveConcurrency.toFixed(3)}, plain ${concurrency.map((c) => c.toFixed(3)).join('..')}`);
  }
  return problems;
}

/** What one engine run disagrees on with the plain runs just before and after it (the plain code's own spread). */
function problemsOfRun(engine: InProcessRun, plain: PlainRun, again: PlainRun): string[] {
  const problems: string[] = [];
  const ran = (run: PlainRun) => run.timings.filter((t) => t !== null).length;
  const both = engine.records.filter((record) => record.attempts > 0 && plain.timings[record.index] !== null && again.timings[record.index] !== null);
  const engineRan = engine.records.filter((record) => record.attempts > 0).length;
  if (both.length !== engineRan || both.length !== ran(plain) || both.length !== ran(again)) {
    problems.push('the engine and the plain code started different tasks');
  }
  for (const record of both) {
    const a = plain.timings[record.index]!;
    const b = again.timings[record.index]!;
    for (const problem of [
      disagreementWithin(`task ${record.index} start`, record.startMs, a.startMs, b.startMs),
      disagreementWithin(`task ${record.index} end`, record.endMs, a.endMs, b.endMs),
    ]) {
      if (problem !== null) problems.push(problem);
    }
  }
  // An order counts where both plain runs are sure of it (further apart than the tolerance, the same way round).
  const sure = (pick: (t: { startMs: number; endMs: number }) => number) =>
    both.map((r) => {
      const a = pick(plain.timings[r.index]!);
      const b = pick(again.timings[r.index]!);
      return { a, b };
    });
  for (const [what, pick, engineOf] of [
    ['start', (t: { startMs: number }) => t.startMs, (r: TaskRecord) => r.startMs],
    ['end', (t: { endMs: number }) => t.endMs, (r: TaskRecord) => r.endMs],
  ] as const) {
    const plainTimes = sure(pick);
    const engineTimes = both.map(engineOf);
    for (let i = 0; i < both.length; i++) {
      for (let j = 0; j < both.length; j++) {
        const p = plainTimes[i]!;
        const q = plainTimes[j]!;
        const plainSure = p.a < q.a && !agrees(p.a, q.a) && p.b < q.b && !agrees(p.b, q.b);
        if (plainSure && engineTimes[i]! > engineTimes[j]!) problems.push(`${what} order: task ${both[i]!.index} before ${both[j]!.index} plainly, after it in the engine`);
      }
    }
  }
  const kinds = engine.records.map((record) => record.kind);
  problems.push(
    ...metricProblemsWithin(
      taskMetrics(engine.records, engine.finished.metrics.wallMs),
      taskMetrics(plainRecords(plain, kinds), plain.settleMs),
      taskMetrics(plainRecords(again, kinds), again.settleMs),
    ),
  );
  const settle = disagreementWithin('settled', engine.finished.metrics.wallMs, plain.settleMs, again.settleMs);
  if (settle !== null) problems.push(settle);
  return problems;
}

/**
 * Runs the plain code and the engine alternately, plain first and last (P E P E P ...), and compares each
 * engine run with the plain runs on either side of it, the moments whose load it shared; returns [] as soon
 * as one engine run agrees, else what the closest one disagreed on. Why alternate and retry: on a shared 2-core
 * machine another process can stall any run for several ms, and a stall lands on one run, not on both
 * sides of an engine run and the engine run alike, again and again; a real difference in what the engine
 * records (a late stamp, a cold first task) shows in every engine run and fails every attempt.
 */
export async function compareWithPlain(strategy: Strategy, tasks: Tasks, attempts: { most: number; budgetMs: number } = FIDELITY_ATTEMPTS): Promise<string[]> {
  const scenario = ScenarioSchema.parse({ version: 1, name: 'fidelity', strategy, tasks });
  const plain = () => {
    collectGarbage();
    return runPlain(scenario);
  };
  const startedMs = performance.now();
  let before = await plain();
  let closest: string[] | null = null;
  for (let attempt = 0; attempt < attempts.most && (attempt === 0 || performance.now() - startedMs < attempts.budgetMs); attempt++) {
    collectGarbage();
    const engine = await runInProcess({ strategy, tasks });
    const after = await plain();
    const problems = problemsOfRun(engine, before, after);
    if (problems.length === 0) return [];
    if (closest === null || problems.length < closest.length) closest = problems;
    before = after;
  }
  return closest ?? [];
}
