import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ParentToEngine } from '../../../shared/protocol/engine-protocol';
import { forkLauncher } from '../../../electron/backend/runs/fork-launcher';
import type { EngineLauncher } from '../../../electron/backend/runs/engine-launcher';
import { RunService } from '../../../electron/backend/runs/run-service';
import { builtEngineEntry } from '../../fixtures/built-app';
import { scenarioOf } from './run-fixture';
import { askTarget } from './target-probe';
import { isProcessAlive } from '../../../electron/backend/history/process-alive';

/** The real launcher, remembering each engine's pid and the start message it was sent. */
function watchingLauncher(seen: { enginePid?: number; start?: Extract<ParentToEngine, { type: 'start' }> }): EngineLauncher {
  const launcher = forkLauncher(builtEngineEntry());
  return {
    launch(options) {
      const engine = launcher.launch(options);
      seen.enginePid = engine.pid;
      return {
        get pid() {
          return engine.pid;
        },
        send(message) {
          if (message.type === 'start') seen.start = message;
          engine.send(message);
        },
        onEvent: (listener) => engine.onEvent(listener),
        onExit: (listener) => engine.onExit(listener),
        kill: () => engine.kill(),
      };
    },
  };
}

const services: RunService[] = [];
afterAll(() => services.forEach((service) => service.stop()));

describe('the built-in HTTP target runs in a process of its own', () => {
  it("is served by a process that is neither the engine's nor the backend's, and ends with the run", async () => {
    const seen: Parameters<typeof watchingLauncher>[0] = {};
    const service = new RunService({ store: null, launcher: watchingLauncher(seen), scratchRoot: path.join(os.tmpdir(), 'target-process-test') });
    services.push(service);
    const run = service.start(scenarioOf({ version: 1, name: 'target', strategy: { type: 'all' }, tasks: [{ kind: 'http', count: 4, latencyMs: 400 }] }), { save: false });
    const started = new Promise<void>((resolve) => run.onStarted(() => resolve()));
    await started;
    const targetUrl = seen.start?.targetUrl;
    expect(targetUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const targetPid = (await askTarget(targetUrl!)).pid;
    expect(targetPid).toBeGreaterThan(0);
    expect(targetPid).not.toBe(seen.enginePid);
    expect(targetPid).not.toBe(process.pid);
    const outcome = await run.done;
    expect(outcome.status).toBe('completed');
    expect(outcome.metrics?.ok).toBe(4);
    await expect.poll(() => isProcessAlive(targetPid), { timeout: 5000 }).toBe(false);
  }, 60_000);

  it('stays inside the engine with options.target "in-engine": no target process, no targetUrl', async () => {
    const seen: Parameters<typeof watchingLauncher>[0] = {};
    const service = new RunService({ store: null, launcher: watchingLauncher(seen), scratchRoot: path.join(os.tmpdir(), 'target-process-test') });
    services.push(service);
    const scenario = scenarioOf({ version: 1, name: 'in engine', strategy: { type: 'all' }, options: { target: 'in-engine' }, tasks: [{ kind: 'http', count: 2, latencyMs: 20 }] });
    const outcome = await service.start(scenario, { save: false }).done;
    expect(outcome.status).toBe('completed');
    expect(outcome.metrics?.ok).toBe(2);
    expect(seen.start?.targetUrl).toBeNull();
  }, 60_000);
});
