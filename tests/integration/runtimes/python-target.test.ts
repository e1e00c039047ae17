import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EngineLauncher, EngineProcess } from '../../../electron/backend/runs/engine-launcher';
import { forkLauncher } from '../../../electron/backend/runs/fork-launcher';
import { RunService } from '../../../electron/backend/runs/run-service';
import { startTargetProcess } from '../../../electron/backend/runs/target-process';
import { defaultRuntimeLaunchers } from '../../../electron/backend/runtimes/runtime-launchers';
import { askTarget, isAlive } from '../runs/target-probe';
import { scenarioOn, toolchainOf } from './runtime-harness';

const { status, title } = await toolchainOf('python');

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

/** The Python runner's launcher, remembering its process. */
function pythonLauncher(seen: Seen): EngineLauncher {
  const python = defaultRuntimeLaunchers().python!;
  return {
    launch(options): EngineProcess {
      const runner = python.launch(options);
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

describe.skipIf(!status.available)(title, () => {
  it("sends its http tasks to the backend's target process, not a server of its own, which ends with the run", async () => {
    const scratchRoot = await mkdtemp(path.join(os.tmpdir(), 'python-target-'));
    const seen: Seen = {};
    try {
      const service = new RunService({ store: null, launcher: nodeLauncher(seen), runtimeLaunchers: { python: pythonLauncher(seen) }, scratchRoot });
      const scenario = scenarioOn('python', {
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
      // Six tasks' requests, then the test's own question: the target process served every one of them.
      await expect(seen.servedAtStop).resolves.toEqual({ pid: target.pid, requests: 7 });
      await expect.poll(() => isAlive(target.pid), { timeout: 5000 }).toBe(false);
    } finally {
      await rm(scratchRoot, { recursive: true, force: true });
    }
  }, 60_000);
});
