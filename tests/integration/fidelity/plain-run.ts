import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { readFilePath, sqlitePath } from '../../../electron/engine/kinds/scratch-paths';
import { DEFAULT_SQLITE_QUERY } from '../../../electron/engine/kinds/scratch-database';
import { prepareRun } from '../../../electron/engine/setup/prepare-run';
import type { Scenario, Strategy } from '../../../shared/scenario';
import { strategyCode } from '../../../shared/strategies/strategy-code';

const PLAIN_TASK_FILE = fileURLToPath(new URL('./plain-task.mjs', import.meta.url));
/** The project's node_modules: linked beside the shown code, its `import ... from 'piscina'` resolves as written. */
const NODE_MODULES_DIR = fileURLToPath(new URL('../../../node_modules', import.meta.url));
/** After the last task ended, this long with nothing running means the run is drained. */
const QUIET_MS = 60;

/** One task of a plain run: what it did and when (ms from the plain run's start), or null if it never started. */
export interface PlainTiming {
  startMs: number;
  endMs: number;
}

/** The same tasks run by the strategy's shown code, each timed inside itself. */
export interface PlainRun {
  /** When the shown code's result (or rejection) reached the caller, ms from the start. */
  settleMs: number;
  /** By task index. */
  timings: (PlainTiming | null)[];
  /** Task indexes that failed (their own outcome). */
  failed: Set<number>;
  /** Task indexes stopped by the abort signal the shown code handed them (`structured`). */
  cancelled: Set<number>;
}

/** What `plain-task.mjs` gets to prepare before the clock: the run's statements; `arrived` counts the threads warmed. */
interface PlainWarmUp {
  warmUp: true;
  queries: { path?: string; sql?: string }[];
  arrived: SharedArrayBuffer;
  threads: number;
}

interface PlainTaskModule {
  default(task: PlainTask | PlainWarmUp, signal?: AbortSignal): Promise<void>;
  closeStatements(): void;
}

/** What `plain-task.mjs` gets for one task. */
interface PlainTask {
  index: number;
  kind: string;
  fail: boolean;
  times: SharedArrayBuffer;
  ms?: number;
  sync?: boolean;
  path?: string;
  sql?: string;
  iterations?: number;
}

type PromiseTask = (signal?: AbortSignal) => Promise<unknown>;
type CallbackTask = (done: (error: Error | null) => void) => void;
interface ShownCode {
  run(tasks: unknown[], callback?: (error: Error | null) => void): Promise<unknown> | void;
  close?(): Promise<void>;
  pool?: { run(task: unknown): Promise<unknown> };
}

/**
 * The strategy's "Show code" text itself, compiled and loaded as a module: `./task.js` is the plain task
 * file, and `run` (with `close` and `pool` when the code has them) is exported.
 */
async function loadShownCode(strategy: Strategy, dir: string): Promise<ShownCode> {
  const source = strategyCode(strategy);
  const exported = ['run', ...(/\bfunction close\(/.test(source) ? ['close'] : []), ...(/\bconst pool\b/.test(source) ? ['pool'] : [])];
  const js = ts.transpileModule(`${source}\nexport { ${exported.join(', ')} };\n`, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    reportDiagnostics: true,
  });
  if (js.diagnostics?.length) throw new Error(`the shown code of ${strategy.type} does not compile: ${ts.flattenDiagnosticMessageText(js.diagnostics[0]!.messageText, '\n')}`);
  const file = join(dir, `shown-${strategy.type}.mjs`);
  symlinkSync(NODE_MODULES_DIR, join(dir, 'node_modules'), 'dir');
  writeFileSync(file, js.outputText.replaceAll("'./task.js'", JSON.stringify(PLAIN_TASK_FILE)));
  return (await import(pathToFileURL(file).href)) as ShownCode;
}

/** The plain task of each planned task of `scenario` (groups in order), its inputs where the engine's setup put them. */
function plainTasks(scenario: Scenario, scratchDir: string, times: SharedArrayBuffer): PlainTask[] {
  const tasks: PlainTask[] = [];
  scenario.tasks.forEach((group, g) => {
    for (let i = 0; i < group.count; i++) {
      const base = { index: tasks.length, kind: group.kind, fail: group.failRate >= 1, times };
      if (group.failRate > 0 && group.failRate < 1) throw new Error('plain runs take failRate 0 or 1 only');
      switch (group.kind) {
        case 'timer':
        case 'cpu':
          tasks.push({ ...base, ms: group.ms });
          break;
        case 'file-read':
          tasks.push({ ...base, sync: group.sync, path: readFilePath(scratchDir, g) });
          break;
        case 'sqlite':
          tasks.push({ ...base, path: sqlitePath(scratchDir, g), sql: group.sql ?? DEFAULT_SQLITE_QUERY });
          break;
        case 'crypto':
          tasks.push({ ...base, iterations: group.iterations });
          break;
        default:
          throw new Error(`no plain code for kind ${group.kind}`);
      }
    }
  });
  return tasks;
}

/**
 * Prepares the run's statements before the clock, as the engine does: on this thread, and on each of the
 * pool's `threads` (one warm-up each: a warm-up waits for the others, so no thread takes two).
 */
async function warmUp(code: ShownCode, perform: PlainTaskModule['default'], inputs: readonly PlainTask[], threads: number): Promise<void> {
  const queries = [...new Map(inputs.flatMap((task) => (task.kind === 'sqlite' ? [[`${task.path}\n${task.sql}`, { path: task.path, sql: task.sql }]] : []))).values()];
  await perform({ warmUp: true, queries, arrived: new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT), threads: 1 });
  if (code.pool === undefined) return;
  const arrived = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  await Promise.all(Array.from({ length: threads }, () => code.pool!.run({ warmUp: true, queries, arrived, threads })));
}

/** Resolves once `isIdle` has held for `QUIET_MS`. */
async function drained(isIdle: () => boolean): Promise<void> {
  let quietSince = performance.now();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (!isIdle()) quietSince = performance.now();
    else if (performance.now() - quietSince >= QUIET_MS) return;
  }
}

/**
 * Runs the scenario's tasks, written plainly and timed inside each task, under the strategy's shown code
 * (loaded from its text), with the inputs the engine's own setup prepares. Worker threads start first.
 */
export async function runPlain(scenario: Scenario): Promise<PlainRun> {
  const dir = mkdtempSync(join(tmpdir(), 'plain-run-'));
  const prepared = await prepareRun(scenario, { scratchDir: join(dir, 'scratch') });
  const count = scenario.tasks.reduce((sum, group) => sum + group.count, 0);
  const times = new SharedArrayBuffer(Float64Array.BYTES_PER_ELEMENT * 2 * count);
  const stamps = new Float64Array(times);
  const inputs = plainTasks(scenario, join(dir, 'scratch'), times);
  const { default: perform, closeStatements } = (await import(pathToFileURL(PLAIN_TASK_FILE).href)) as PlainTaskModule;
  const cancelled = new Set<number>();
  const code = await loadShownCode(scenario.strategy, dir);
  try {
    await warmUp(code, perform, inputs, scenario.strategy.type === 'workers' ? scenario.strategy.threads : 0);
    const isIdle = () => inputs.every((task) => stamps[2 * task.index] === 0 || stamps[2 * task.index + 1] !== 0);
    const origin = performance.timeOrigin + performance.now();
    let settleMs = 0;
    await new Promise<void>((resolve) => {
      const settle = () => {
        settleMs = performance.timeOrigin + performance.now() - origin;
        resolve();
      };
      if (scenario.strategy.type === 'callbacks') {
        const tasks: CallbackTask[] = inputs.map((input) => (done) => void perform(input).then(() => done(null), done));
        code.run(tasks, settle);
      } else if (code.pool) {
        (code.run(inputs) as Promise<unknown>).then(settle, settle);
      } else {
        const tasks: PromiseTask[] = inputs.map((input) => (signal) =>
          perform(input, signal).catch((error: unknown) => {
            if (signal?.aborted && !input.fail) cancelled.add(input.index);
            throw error;
          }),
        );
        (code.run(tasks) as Promise<unknown>).then(settle, settle);
      }
    });
    await drained(isIdle);
    const timings = inputs.map((task): PlainTiming | null =>
      stamps[2 * task.index] === 0 ? null : { startMs: stamps[2 * task.index]! - origin, endMs: stamps[2 * task.index + 1]! - origin },
    );
    return { settleMs, timings, cancelled, failed: new Set(inputs.filter((task) => task.fail && timings[task.index] !== null).map((task) => task.index)) };
  } finally {
    await code.close?.();
    closeStatements();
    await prepared.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
