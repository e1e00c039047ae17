import type { RuntimeStatus } from '../../../shared/api/runtime-methods';
import { RUNTIMES, type Runtime } from '../../../shared/scenario';
import { goRunner } from './go-runner';
import { javaRunner } from './java-runner';
import { pythonRunner } from './python-runner';
import type { RunnerRuntime, RuntimeRunner } from './runtime-runner';

/** Every runner, one entry per runtime other than Node. */
export const RUNTIME_RUNNERS: readonly RuntimeRunner[] = [pythonRunner, goRunner, javaRunner];

/** The runner of `runtime`, or undefined when it has none (yet). */
export function runnerFor(runtime: RunnerRuntime): RuntimeRunner | undefined {
  return RUNTIME_RUNNERS.find((runner) => runner.name === runtime);
}

/** Node runs in this very process's runtime: always there. */
function nodeStatus(): RuntimeStatus {
  return { name: 'node', available: true, version: process.versions.node, path: process.execPath, reason: null };
}

/** Whether `runtime` can run here; never throws. */
export async function detectRuntime(runtime: Runtime, env: NodeJS.ProcessEnv = process.env): Promise<RuntimeStatus> {
  if (runtime === 'node') return nodeStatus();
  const runner = runnerFor(runtime);
  if (runner === undefined) return { name: runtime, available: false, version: null, path: null, reason: `this build has no ${runtime} runner` };
  return runner.detect(env);
}

/** Every runtime, Node first, detected at once. */
export async function detectRuntimes(env: NodeJS.ProcessEnv = process.env): Promise<RuntimeStatus[]> {
  return Promise.all(RUNTIMES.map((runtime) => detectRuntime(runtime, env)));
}
