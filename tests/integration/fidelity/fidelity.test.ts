import { describe, expect, it } from 'vitest';
import { taskMetrics, type TaskMetrics } from '../../../shared/metrics/compute-metrics';
import type { TaskRecord } from '../../../shared/protocol/task-record';
import { type ScenarioInput, ScenarioSchema, type Strategy } from '../../../shared/scenario';
import { runInProcess } from '../engine/run-in-process';
import { agreeInOneOf, agrees, COMPARED_STRATEGIES, disagreement } from './agreement';
import { runPlain, type PlainRun } from './plain-run';

type Tasks = ScenarioInput['tasks'];

const KINDS: Record<string, Tasks> = {
  timer: [
    { kind: 'timer', count: 2, ms: 40 },
    { kind: 'timer', count: 2, ms: 20 },
  ],
  cpu: [{ kind: 'cpu', count: 4, ms: 20 }],
  'file-read sync': [{ kind: 'file-read', count: 4, bytes: 8_000_000, sync: true }],
  'file-read async': [{ kind: 'file-read', count: 4, bytes: 8_000_000 }],
  sqlite: [{ kind: 'sqlite', count: 4, rows: 20_000 }],
  crypto: [{ kind: 'crypto', count: 4, iterations: 20_000 }],
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

/** Pairs of tasks whose order the plain code is sure of (further apart than the tolerance) but the engine swapped. */
function orderProblems(what: string, engine: number[], plain: number[]): string[] {
  const problems: string[] = [];
  for (let i = 0; i < plain.length; i++) {
    for (let j = 0; j < plain.length; j++) {
      if (plain[i]! < plain[j]! && !agrees(plain[i]!, plain[j]!) && engine[i]! > engine[j]!) problems.push(`${what} order: task ${i} before ${j} plainly, after it in the engine`);
    }
  }
  return problems;
}

function metricProblems(engine: TaskMetrics, plain: TaskMetrics): string[] {
  const problems: string[] = [];
  for (const key of ['ok', 'failed', 'skipped', 'orphaned', 'maxInFlight'] as const) {
    if (engine[key] !== plain[key]) problems.push(`${key}: engine ${engine[key]}, plain ${plain[key]}`);
  }
  for (const key of ['p50', 'p99', 'max'] as const) {
    const problem = disagreement(`latency ${key}`, engine.latencyMs[key], plain.latencyMs[key]);
    if (problem !== null) problems.push(problem);
  }
  const span = disagreement('span', engine.spanMs, plain.spanMs);
  if (span !== null) problems.push(span);
  if (Math.abs(engine.effectiveConcurrency - plain.effectiveConcurrency) > 0.05 * plain.effectiveConcurrency + 0.02) {
    problems.push(`effective concurrency: engine ${engine.effectiveConcurrency.toFixed(3)}, plain ${plain.effectiveConcurrency.toFixed(3)}`);
  }
  return problems;
}

/** One engine run and one plain run of the same tasks; what they disagree on. */
async function compare(strategy: Strategy, tasks: Tasks): Promise<string[]> {
  const scenario = ScenarioSchema.parse({ version: 1, name: 'fidelity', strategy, tasks });
  const engine = await runInProcess({ strategy, tasks });
  const plain = await runPlain(scenario);
  const problems: string[] = [];
  const both = engine.records.filter((record) => record.attempts > 0 && plain.timings[record.index] !== null);
  if (both.length !== engine.records.filter((record) => record.attempts > 0).length || both.length !== plain.timings.filter((t) => t !== null).length) {
    problems.push('the engine and the plain code started different tasks');
  }
  for (const record of both) {
    const timing = plain.timings[record.index]!;
    for (const problem of [disagreement(`task ${record.index} start`, record.startMs, timing.startMs), disagreement(`task ${record.index} end`, record.endMs, timing.endMs)]) {
      if (problem !== null) problems.push(problem);
    }
  }
  problems.push(...orderProblems('start', both.map((r) => r.startMs), both.map((r) => plain.timings[r.index]!.startMs)));
  problems.push(...orderProblems('end', both.map((r) => r.endMs), both.map((r) => plain.timings[r.index]!.endMs)));
  const kinds = engine.records.map((record) => record.kind);
  problems.push(...metricProblems(taskMetrics(engine.records, engine.finished.metrics.wallMs), taskMetrics(plainRecords(plain, kinds), plain.settleMs)));
  const settle = disagreement('settled', engine.finished.metrics.wallMs, plain.settleMs);
  if (settle !== null) problems.push(settle);
  return problems;
}

// The engine's per-task times and summary agree with the same work written plainly and timed inside each
// task, run in the same test. A pair that disagrees is run again (at most three times): another process on a
// shared machine can stall one side for a moment, never the same way three times running.
describe('the engine measures what plain code measures', () => {
  for (const [kind, tasks] of Object.entries(KINDS)) {
    describe(kind, () => {
      for (const strategy of COMPARED_STRATEGIES) {
        const name = strategy.type + ('concurrency' in strategy ? `:${strategy.concurrency}` : 'size' in strategy ? `:${strategy.size}` : 'threads' in strategy ? `:${strategy.threads}` : '');
        it(name, async () => {
          expect(await agreeInOneOf(3, () => compare(strategy, tasks))).toEqual([]);
        }, 90_000);
      }
    });
  }
});
