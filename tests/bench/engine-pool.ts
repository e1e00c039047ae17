/**
 * The engine's pool against p-limit on 100,000 zero-delay timer tasks at the same concurrency, in this
 * process, alternating who goes first, medians of several rounds. Ratio = engine time / p-limit time:
 * the bare pool scheduler should be no slower (<= 1), its p-limit-like form (`onFailure` reject or continue:
 * every task queued at once, each given its slot) within 1.2x, and the fully instrumented engine (attempts
 * with timeouts, task records, batches, samples, metrics) no slower either. Runs alone with
 * `npx tsx tests/bench/engine-pool.ts` (`BENCH_TASKS=20000` for a quicker look).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import pLimit from 'p-limit';
import { runScenario } from '../../electron/engine/run-scenario';
import { RunCancel } from '../../electron/engine/attempts/run-cancel';
import { pool } from '../../electron/engine/strategies/bounded';
import { ScenarioSchema } from '../../shared/scenario';
import { median, type BenchRow } from './bench-kit';

const TASKS = Number(process.env.BENCH_TASKS ?? 100_000);
const CONCURRENCY = 100;
const ROUNDS = 5;

const zeroDelayTask = () => sleep(0);
const cancelScope = () => new RunCancel(undefined);

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

function withPLimit(): Promise<unknown> {
  const limit = pLimit(CONCURRENCY);
  return Promise.all(Array.from({ length: TASKS }, () => limit(zeroDelayTask)));
}

function withBarePool(): Promise<unknown> {
  return pool(CONCURRENCY)({ count: TASKS, runTask: zeroDelayTask, cancelScope }).settled;
}

/** The pool's p-limit forms queue every task at once as p-limit does, and give each its slot. */
function withQueuedPool(): Promise<unknown> {
  return pool(CONCURRENCY, 'continue')({ count: TASKS, runTask: zeroDelayTask, cancelScope }).settled;
}

async function withEngine(scratchDir: string): Promise<void> {
  const scenario = ScenarioSchema.parse({
    version: 1,
    name: 'bench',
    strategy: { type: 'pool', concurrency: CONCURRENCY },
    tasks: [{ kind: 'timer', count: TASKS, ms: 0 }],
  });
  let reported = 0;
  const last = await runScenario(scenario, { scratchDir, emit: (event) => void (reported += event.type === 'batch' ? event.finished.length : 0) });
  if (last.type !== 'finished' || reported !== TASKS) throw new Error(`the engine reported ${reported} of ${TASKS} tasks`);
}

/** Runs `contender` and p-limit `ROUNDS` times each, alternating who goes first; returns the median times. */
async function against(contender: () => Promise<unknown>): Promise<{ contenderMs: number; pLimitMs: number }> {
  const contenderMs: number[] = [];
  const pLimitMs: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    if (round % 2 === 0) {
      contenderMs.push(await timed(contender));
      pLimitMs.push(await timed(withPLimit));
    } else {
      pLimitMs.push(await timed(withPLimit));
      contenderMs.push(await timed(contender));
    }
  }
  return { contenderMs: median(contenderMs), pLimitMs: median(pLimitMs) };
}

function row(name: string, target: number, { contenderMs, pLimitMs }: { contenderMs: number; pLimitMs: number }): BenchRow {
  return {
    name,
    ratio: contenderMs / pLimitMs,
    target: `<= ${target}`,
    detail: `${contenderMs.toFixed(0)} ms vs p-limit ${pLimitMs.toFixed(0)} ms (median of ${ROUNDS})`,
  };
}

export async function benchEnginePool(): Promise<BenchRow[]> {
  const scratchDir = mkdtempSync(join(tmpdir(), 'bench-engine-pool-'));
  const label = `${TASKS.toLocaleString('en-US')} zero-delay timers, concurrency ${CONCURRENCY}`;
  try {
    await withPLimit();
    return [
      row(`bare pool scheduler, ${label}`, 1, await against(withBarePool)),
      row(`bare pool, onFailure continue (queued like p-limit), ${label}`, 1.2, await against(withQueuedPool)),
      row(`instrumented engine, ${label}`, 1, await against(() => withEngine(scratchDir))),
    ];
  } finally {
    rmSync(scratchDir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await benchEnginePool()) {
    console.log(`${r.name}: ${r.ratio.toFixed(2)}x (target ${r.target}) ${r.detail}`);
  }
}
