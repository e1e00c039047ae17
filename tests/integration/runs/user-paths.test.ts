import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngineLauncher } from '../../../electron/backend/runs/engine-launcher';
import { forkLauncher } from '../../../electron/backend/runs/fork-launcher';
import { RunService } from '../../../electron/backend/runs/run-service';
import { ParentToEngineSchema, type ParentToEngine } from '../../../shared/protocol/engine-protocol';
import { builtEngineEntry } from '../../fixtures/built-app';
import { RunFixture, scenarioOf } from './run-fixture';

/** The folder of the test's user modules, as the folder of a scenario file that names them. */
const MODULES_DIR = fileURLToPath(new URL('../../fixtures/user-modules/', import.meta.url));

let fixture: RunFixture;
beforeEach(async () => {
  fixture = await RunFixture.create();
});
afterEach(async () => {
  await fixture.dispose();
});

/** The real engine launcher, keeping every message the backend sends an engine and counting launches. */
function recordingLauncher(): { launcher: EngineLauncher; sent: ParentToEngine[]; launches: () => number } {
  const real = forkLauncher(builtEngineEntry());
  const sent: ParentToEngine[] = [];
  let launches = 0;
  const launcher: EngineLauncher = {
    launch(options) {
      launches += 1;
      const engine = real.launch(options);
      return {
        get pid() { return engine.pid; },
        send: (message) => {
          sent.push(message);
          engine.send(message);
        },
        onEvent: (listener) => engine.onEvent(listener),
        onExit: (listener) => engine.onExit(listener),
        kill: () => engine.kill(),
      };
    },
  };
  return { launcher, sent, launches: () => launches };
}

const ownModule = (modulePath: string) =>
  scenarioOf({ version: 1, name: 'Own module', strategy: { type: 'all' }, tasks: [{ kind: 'module', count: 2, path: modulePath, args: { ms: 1 } }] });

describe("user paths are resolved once, in the backend, from the scenario's folder", () => {
  it('the engine gets the module path absolute; the history keeps it as written, with the folder', async () => {
    const { launcher, sent } = recordingLauncher();
    const service = new RunService({ store: fixture.store, launcher, scratchRoot: fixture.scratchRoot });
    const run = service.start(ownModule('./waits.mjs'), { scenarioDir: MODULES_DIR });
    const outcome = await run.done;
    expect(outcome).toMatchObject({ status: 'completed', error: null });
    const start = sent.find((message) => message.type === 'start');
    expect(start?.type === 'start' ? start.scenario.tasks[0] : null).toMatchObject({ path: path.join(MODULES_DIR, 'waits.mjs') });
    expect(start).not.toHaveProperty('scenarioDir');
    const stored = fixture.store.getRun(run.runId!);
    expect(stored?.scenarioDir).toBe(MODULES_DIR);
    expect(stored?.scenario.tasks[0]).toMatchObject({ path: './waits.mjs' });
  });

  it('a relative path without a folder is refused before any engine starts, and nothing is recorded', () => {
    const { launcher, launches } = recordingLauncher();
    const service = new RunService({ store: fixture.store, launcher, scratchRoot: fixture.scratchRoot });
    expect(() => service.start(ownModule('./waits.mjs'))).toThrow(/^tasks\[0\]\.path: "\.\/waits\.mjs" is relative to the scenario's file, and this scenario has no file/);
    expect(launches()).toBe(0);
    expect(fixture.store.countRuns()).toBe(0);
  });

  it('a folder that is gone is refused naming the folder and the path that starts there; an absolute path needs none', async () => {
    const { launcher, launches } = recordingLauncher();
    const service = new RunService({ store: fixture.store, launcher, scratchRoot: fixture.scratchRoot });
    const gone = path.join(fixture.dir, 'moved-away');
    expect(() => service.start(ownModule('./waits.mjs'), { scenarioDir: gone })).toThrow(
      `The scenario's folder ${gone} no longer exists, and tasks[0].path "./waits.mjs" starts there: open the scenario from its file again, or give absolute paths.`,
    );
    expect(launches()).toBe(0);
    const absolute = await service.start(ownModule(path.join(MODULES_DIR, 'waits.mjs')), { scenarioDir: gone }).done;
    expect(absolute.status).toBe('completed');
    await rm(gone, { recursive: true, force: true });
  });

  it('the engine protocol refuses a start message with a relative user path, naming the field', () => {
    const parsed = ParentToEngineSchema.safeParse({ type: 'start', scenario: ownModule('./waits.mjs'), scratchDir: fixture.scratchRoot });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['scenario.tasks.0.path', '"./waits.mjs" is not absolute: the backend resolves user paths before a run starts'],
    ]);
  });
});
