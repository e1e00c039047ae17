import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startTargetProcess, type TargetProcess } from '../../../electron/backend/runs/target-process';
import type { RunnerCommand, RuntimeRunner } from '../../../electron/backend/runtimes/runtime-runner';
import { runnerSourcePath } from '../../../electron/backend/runtimes/runner-files';
import { RunnerEventSchema, type RunnerEvent, type RunnerFinishedEvent } from '../../../shared/protocol/runner-protocol';
import type { Sample, TaskRecord, TaskStart } from '../../../shared/protocol/task-record';
import { needsTargetProcess, ScenarioSchema, type Scenario, type ScenarioInput } from '../../../shared/scenario';

const RUN_LIMIT_MS = 60_000;

/** The runner build cache of every test file and test run (the app's own per-user cache stays untouched). */
export const TEST_RUNNER_CACHE = join(tmpdir(), 'concurrency-explorer-test-runners');

/**
 * The runner built into a cache shared by every test file and test run (keyed like the app's: source hash and
 * toolchain version), so a runner is compiled once; or, where the toolchain is really absent, why.
 */
export async function prepareForTests(runner: RuntimeRunner): Promise<RunnerCommand | { skip: string }> {
  const toolchain = await runner.detect(process.env);
  if (!toolchain.available || toolchain.path === null || toolchain.version === null) return { skip: `${runner.name}: ${toolchain.reason ?? 'not found'}` };
  return runner.prepare({
    toolchain: { ...toolchain, available: true, path: toolchain.path, version: toolchain.version },
    sourceFile: runnerSourcePath(runner.source),
    cacheDir: join(TEST_RUNNER_CACHE, runner.name),
    progress: () => {},
    signal: new AbortController().signal,
  });
}

/** A scenario with defaults filled, as the backend sends it; `strategy` may be one the schema does not know yet. */
export function startScenario(input: Omit<ScenarioInput, 'version' | 'name'>, strategy?: Record<string, unknown>): Record<string, unknown> {
  const parsed = ScenarioSchema.parse({ version: 1, name: 'runner integration', ...input });
  return strategy === undefined ? parsed : { ...parsed, strategy };
}

/** Everything one runner process said, as its parent saw it. */
export interface RunnerRun {
  events: RunnerEvent[];
  starts: TaskStart[];
  /** Every finished task, by task index. */
  records: TaskRecord[];
  samples: Sample[];
  lanes: number;
  finished: RunnerFinishedEvent | undefined;
  failed: string | undefined;
  /** From sending `cancel` until `finished` arrived, when `cancelAfterMs` was given. */
  cancelToFinishedMs: number | undefined;
  /** The runner's process id, as its `ready` said. */
  runnerPid: number | undefined;
}

export interface RunnerRunOptions {
  /** Sends `cancel` this long after `started`. */
  cancelAfterMs?: number;
  /** Replaces the whole start message (bad-input tests). */
  rawStart?: unknown;
  /**
   * The `targetUrl` to send. Absent: as the backend does, the built-in target is started in a process of its own
   * (`startTargetProcess`) for a scenario with `http` tasks without `url`, and stopped after the run.
   */
  targetUrl?: string | null;
}

/** The target the backend would start for `scenario`, or null when it needs none or the test gives its own URL. */
async function targetFor(scenario: Record<string, unknown>, options: RunnerRunOptions): Promise<TargetProcess | null> {
  if (options.targetUrl !== undefined) return null;
  // `startScenario` made it from the schema (only its strategy may be one the schema does not know yet).
  return needsTargetProcess(scenario as Pick<Scenario, 'tasks' | 'options'>) ? startTargetProcess() : null;
}

/** Runs one scenario in a real runner process, reading every line it writes through the runner protocol's schema. */
export async function runRunner(command: RunnerCommand, scenario: Record<string, unknown>, options: RunnerRunOptions = {}): Promise<RunnerRun> {
  const target = await targetFor(scenario, options);
  const targetUrl = options.targetUrl ?? target?.url ?? null;
  const scratchDir = mkdtempSync(join(tmpdir(), 'runner-it-'));
  const run: RunnerRun = {
    events: [],
    starts: [],
    records: [],
    samples: [],
    lanes: 0,
    finished: undefined,
    failed: undefined,
    cancelToFinishedMs: undefined,
    runnerPid: undefined,
  };
  const child = spawn(command.command, command.args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...command.env } });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  let cancelSentAt: number | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      const guard = setTimeout(() => reject(new Error(`the runner did not finish within ${RUN_LIMIT_MS} ms`)), RUN_LIMIT_MS);
      const send = (message: unknown) => child.stdin.write(`${JSON.stringify(message)}\n`);
      createInterface({ input: child.stdout }).on('line', (line) => {
        let event: RunnerEvent;
        try {
          event = RunnerEventSchema.parse(JSON.parse(line));
        } catch (error) {
          clearTimeout(guard);
          reject(new Error(`the runner wrote a line outside the protocol: ${line.slice(0, 300)}\n${String(error)}`));
          return;
        }
        run.events.push(event);
        if (event.type === 'ready') {
          run.runnerPid = event.pid;
          send(options.rawStart ?? { type: 'start', scenario, scratchDir, targetUrl });
        }
        if (event.type === 'started') {
          run.lanes = event.lanes;
          if (options.cancelAfterMs !== undefined) {
            setTimeout(() => {
              cancelSentAt = performance.now();
              send({ type: 'cancel' });
            }, options.cancelAfterMs);
          }
        }
        if (event.type === 'batch') {
          run.starts.push(...event.started);
          for (const record of event.finished) run.records[record.index] = record;
          run.samples.push(...event.samples);
        }
        if (event.type === 'finished' || event.type === 'failed') {
          if (event.type === 'finished') run.finished = event;
          else run.failed = event.message;
          if (cancelSentAt !== undefined) run.cancelToFinishedMs = performance.now() - cancelSentAt;
          clearTimeout(guard);
          resolve();
        }
      });
      child.once('error', reject);
      child.once('close', (code) => {
        clearTimeout(guard);
        if (run.finished === undefined && run.failed === undefined) reject(new Error(`the runner exited (${code}) without finishing:\n${stderr}`));
      });
    });
  } finally {
    child.stdin.end();
    if (child.exitCode === null) child.kill('SIGKILL');
    target?.stop();
    rmSync(scratchDir, { recursive: true, force: true });
  }
  return run;
}

/** The most tasks whose work overlapped at any moment. */
export function maxOverlap(records: readonly TaskRecord[]): number {
  const edges = records
    .filter((record) => record.attempts > 0)
    .flatMap((record) => [
      { at: record.startMs, delta: 1 },
      { at: record.endMs, delta: -1 },
    ])
    .sort((a, b) => a.at - b.at || a.delta - b.delta);
  let now = 0;
  let most = 0;
  for (const edge of edges) {
    now += edge.delta;
    most = Math.max(most, now);
  }
  return most;
}
