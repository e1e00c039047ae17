import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { forkLauncher } from '../../../electron/backend/runs/fork-launcher';
import { RunService, type RunOutcome } from '../../../electron/backend/runs/run-service';
import { detectRuntime } from '../../../electron/backend/runtimes/runtime-registry';
import type { RuntimeStatus } from '../../../electron/backend/runtimes/runtime-runner';
import type { Sample, TaskRecord } from '../../../shared/protocol/task-record';
import { checkScenario, type Runtime, type Scenario } from '../../../shared/scenario';

/**
 * Helpers for the tests of every runtime's runner (Python here; Go and Java reuse them): whether the toolchain is
 * there (a test skips only when it really is not, with the reason in its title), one run through the real
 * RunService and runner process, and the wall time of the same code written plainly in that language.
 */

/** The toolchain of `runtime` on this machine; the title of a describe block that says why it is skipped. */
export async function toolchainOf(runtime: Runtime): Promise<{ status: RuntimeStatus; title: string }> {
  const status = await detectRuntime(runtime);
  const title = status.available ? `${runtime} runner (${status.version})` : `${runtime} runner: skipped, ${status.reason}`;
  return { status, title };
}

/** A scenario on `runtime` from a literal, with defaults; throws on a typo in the test itself. */
export function scenarioOn(runtime: Runtime, input: Record<string, unknown>): Scenario {
  const check = checkScenario({ version: 1, name: `${runtime} test`, ...input, runtime });
  if (!check.ok) throw new Error(`bad test scenario: ${JSON.stringify(check.problems)}`);
  return check.scenario;
}

/** What one run gave: its outcome (metrics computed by the backend) and every record and sample it streamed. */
export interface RuntimeRun {
  outcome: RunOutcome;
  records: TaskRecord[];
  samples: Sample[];
  lanes: number;
  /** ms from the Cancel to the run's end, when the test cancelled it. */
  cancelToEndMs: number | null;
}

/**
 * Runs `scenario` through a RunService (nothing stored), cancelling `cancelAfterMs` after it started when asked;
 * `scenarioDir` is the folder its relative user paths start from.
 */
export async function runScenario(scenario: Scenario, options: { cancelAfterMs?: number; scenarioDir?: string } = {}): Promise<RuntimeRun> {
  const scratchRoot = await mkdtemp(path.join(os.tmpdir(), `runtime-${scenario.runtime}-`));
  try {
    const service = new RunService({ store: null, launcher: forkLauncher(), scratchRoot });
    const run = service.start(scenario, { save: false, scenarioDir: options.scenarioDir });
    const records: TaskRecord[] = [];
    const samples: Sample[] = [];
    let lanes = 0;
    let cancelledAt: number | null = null;
    run.onStarted((event) => {
      lanes = event.lanes;
      if (options.cancelAfterMs !== undefined) {
        setTimeout(() => {
          cancelledAt = performance.now();
          run.cancel();
        }, options.cancelAfterMs);
      }
    });
    run.onBatch((batch) => {
      records.push(...batch.finished);
      samples.push(...batch.samples);
    });
    const outcome = await run.done;
    const cancelToEndMs = cancelledAt === null ? null : performance.now() - cancelledAt;
    records.sort((a, b) => a.index - b.index);
    return { outcome, records, samples, lanes, cancelToEndMs };
  } finally {
    await rm(scratchRoot, { recursive: true, force: true });
  }
}

/** The metrics of a run that must have completed; fails the test with the run's error otherwise. */
export function metricsOf(run: RuntimeRun) {
  if (run.outcome.metrics === null) throw new Error(`the run did not finish: ${run.outcome.status} ${run.outcome.error ?? ''}`);
  return run.outcome.metrics;
}

/**
 * Runs a plain program that prints one JSON line `{ "wallMs": n }` (its own measurement of the code under test)
 * and returns `wallMs`: the baseline a runner's wall time is held to. It starts in a session of its own, as the
 * backend starts a runner (`detached`): where the kernel groups a session's threads for scheduling (Linux's
 * autogroup), a loaded machine then shares its cores with the plain program as it does with the runner.
 */
export function plainWallMs(command: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (out += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (err += text));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`${command} exited with code ${code}: ${err}`));
        return;
      }
      const { wallMs } = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { wallMs?: unknown };
      if (typeof wallMs !== 'number') reject(new Error(`${command} printed no wallMs: ${out}`));
      else resolve(wallMs);
    });
  });
}

/** |a - b| relative to b. */
export function relativeDifference(a: number, b: number): number {
  return Math.abs(a - b) / b;
}
