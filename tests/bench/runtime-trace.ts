/**
 * What `trace: "runtime"` costs: the same scenario in `tasks` and in `runtime` mode, in this process,
 * alternating which goes first, medians of several rounds. Ratio = runtime-mode wall time / tasks-mode wall
 * time: at most 3 for 100,000 zero-delay timers (a callback per task, the worst case for async_hooks), at
 * most 1.5 for 200 file reads of 64 KiB (real I/O). Runs alone with `npx tsx tests/bench/runtime-trace.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runScenario } from '../../electron/engine/run-scenario';
import { ScenarioSchema, type ScenarioInput } from '../../shared/scenario';
import { median, type BenchRow } from './bench-kit';

const ROUNDS = 5;

const CASES: { name: string; target: number; scenario: Omit<ScenarioInput, 'version' | 'name'> }[] = [
  {
    name: '100,000 zero-delay timers, pool:100',
    target: 3,
    scenario: { strategy: { type: 'pool', concurrency: 100 }, tasks: [{ kind: 'timer', count: 100_000, ms: 0 }] },
  },
  {
    name: '200 file reads of 64 KiB, pool:8',
    target: 1.5,
    scenario: { strategy: { type: 'pool', concurrency: 8 }, tasks: [{ kind: 'file-read', count: 200, bytes: 64 * 1024 }] },
  },
];

/** The run's wall time (ms) in one trace mode; throws when it did not finish or sent no slices in runtime mode. */
async function wallMs(input: Omit<ScenarioInput, 'version' | 'name'>, trace: 'tasks' | 'runtime', scratchDir: string): Promise<number> {
  const scenario = ScenarioSchema.parse({ version: 1, name: 'bench', ...input, options: { trace } });
  let slices = 0;
  const last = await runScenario(scenario, { scratchDir, emit: (event) => void (slices += event.type === 'batch' ? (event.runtime?.track.length ?? 0) : 0) });
  if (last.type !== 'finished') throw new Error(`the ${trace}-mode run failed: ${last.message}`);
  if (trace === 'runtime' && slices === 0) throw new Error('the runtime-mode run recorded no slices');
  return last.metrics.wallMs;
}

export async function benchRuntimeTrace(): Promise<BenchRow[]> {
  const scratchDir = mkdtempSync(join(tmpdir(), 'bench-runtime-trace-'));
  try {
    const rows: BenchRow[] = [];
    for (const { name, target, scenario } of CASES) {
      const tasksMs: number[] = [];
      const runtimeMs: number[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        const order = round % 2 === 0 ? (['tasks', 'runtime'] as const) : (['runtime', 'tasks'] as const);
        for (const trace of order) (trace === 'tasks' ? tasksMs : runtimeMs).push(await wallMs(scenario, trace, scratchDir));
      }
      const [tasks, runtime] = [median(tasksMs), median(runtimeMs)];
      rows.push({ name: `runtime vs tasks mode, ${name}`, ratio: runtime / tasks, target: `<= ${target}`, detail: `${runtime.toFixed(0)} ms vs ${tasks.toFixed(0)} ms (median of ${ROUNDS})` });
    }
    return rows;
  } finally {
    rmSync(scratchDir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await benchRuntimeTrace()) console.log(`${r.name}: ${r.ratio.toFixed(2)}x (target ${r.target}) ${r.detail}`);
}
