import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EngineLauncher, EngineProcess } from '../../../electron/backend/runs/engine-launcher';
import { forkLauncher } from '../../../electron/backend/runs/fork-launcher';
import { RunService } from '../../../electron/backend/runs/run-service';
import { startTargetProcess } from '../../../electron/backend/runs/target-process';
import { CACHE_ENV_VAR } from '../../../electron/backend/runtimes/runner-files';
import { defaultRuntimeLaunchers } from '../../../electron/backend/runtimes/runtime-launchers';
import type { RunnerRuntime } from '../../../electron/backend/runtimes/runtime-runner';
import { TEST_RUNNER_CACHE } from '../runners/runner-harness';
import { askTarget } from '../runs/target-probe';
import { scenarioOn, toolchainOf } from './runtime-harness';
import { isProcessAlive } from '../../../electron/backend/history/process-alive';

/** Requests a runner sends the target before its clock starts: Java's warm-up (`WARM_UP_REQUESTS` in Runner.java). */
const WARM_UP_REQUESTS: Record<RunnerRuntime, number> = { python: 0, go: 0, java: 32 };
const RUNTIMES = Object.keys(WARM_UP_REQUESTS) as RunnerRuntime[];
const toolchains = await Promise.all(RUNTIMES.map(async (runtime) => ({ runtime, ...(await toolchainOf(runtime)) })));

/** What the test saw of the run's processes: the target's pid and URL, what it had served when stopped, the runner's pid. */
interface Seen {
  target?: { pid: number; url: string };
  /** The target's own count at the moment the run stopped it (the test's question included). */
  servedAtStop?: Promise<{ pid: number; requests: number }>;
  runnerPid?: number;
}

/** The Node engine's launcher, whose `launchTarget` (the one every runtime's run uses) starts the real target and watches it. */
function nodeLauncher(seen: Seen): EngineLauncher {
  return {
    launch: (options) => forkLauncher().launch(options),
    async launchTarget() {
      const target = await startTargetProcess();
      seen.target = { pid: target.pid, url: target.url };
      return {
        ...target,
        stop() {
          seen.servedAtStop = askTarget(target.url).finally(() => target.stop());
        },
      };
    },
  };
}

/** The runtime's runner launcher (built into the tests' cache), remembering its process. */
function runnerLauncher(runtime: RunnerRuntime, seen: Seen): EngineLauncher {
  const launcher = defaultRuntimeLaunchers({ env: { ...process.env, [CACHE_ENV_VAR]: TEST_RUNNER_CACHE } })[runtime]!;
  return {
    launch(options): EngineProcess {
      const runner = launcher.launch(options);
      const remember = runner.onEvent((event) => {
        if (event.type === 'ready') {
          seen.runnerPid = event.pid;
          remember();
        }
      });
      return runner;
    },
  };
}

describe.each(toolchains)('$title', ({ runtime, status }) => {
  it.skipIf(!status.available)("sends its http tasks to the backend's target process, not a server of its own, which ends with the run", async () => {
    const scratchRoot = await mkdtemp(path.join(os.tmpdir(), `${runtime}-target-`));
    const seen: Seen = {};
    try {
      const runtimeLaunchers = { [runtime]: runnerLauncher(runtime, seen) };
      const service = new RunService({ store: null, launcher: nodeLauncher(seen), runtimeLaunchers, scratchRoot });
      const scenario = scenarioOn(runtime, {
        strategy: { type: 'pool', concurrency: 3 },
        tasks: [
          { kind: 'http', count: 5, latencyMs: 30 },
          { kind: 'http', count: 1, latencyMs: 5, failRate: 1 },
        ],
      });
      const outcome = await service.start(scenario, { save: false }).done;
      expect(outcome.status, outcome.error ?? '').toBe('completed');
      expect(outcome.metrics?.ok).toBe(5);
      expect(outcome.metrics?.failed).toBe(1);
      const target = seen.target!;
      expect(target.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(seen.runnerPid).toBeGreaterThan(0);
      expect(target.pid).not.toBe(seen.runnerPid);
      expect(target.pid).not.toBe(process.pid);
      // Six tasks' requests (after any warm-up's), then the test's own question: the target process served them all.
      await expect(seen.servedAtStop).resolves.toEqual({ pid: target.pid, requests: WARM_UP_REQUESTS[runtime] + 6 + 1 });
      await expect.poll(() => isProcessAlive(target.pid), { timeout: 5000 }).toBe(false);
    } finally {
      await rm(scratchRoot, { recursive: true, force: true });
    }
  }, 600_000);
});
