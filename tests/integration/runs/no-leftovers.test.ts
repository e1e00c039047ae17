import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CACHE_ENV_VAR } from '../../../electron/backend/runtimes/runner-files';
import { defaultRuntimeLaunchers } from '../../../electron/backend/runtimes/runtime-launchers';
import { TEST_RUNNER_CACHE } from '../runners/runner-harness';
import { toolchainOf } from '../runtimes/runtime-harness';
import { RunFixture, scenarioOf } from './run-fixture';
import { isProcessAlive } from '../../../electron/backend/history/process-alive';

let fixture: RunFixture;
beforeEach(async () => {
  fixture = await RunFixture.create();
});
afterEach(async () => {
  await fixture.dispose();
});

/**
 * A `spawn` group whose shell starts a grandchild (`sleep`) and writes both pids to `pidFile`: a kill of the
 * shell alone would leave the sleep behind, only a kill of the whole process group takes both.
 */
function sleeperGroup(pidFile: string, count = 1) {
  return { kind: 'spawn', count, command: 'sh', args: ['-c', `sleep 60 & echo "$$ $!" >> '${pidFile}'; wait`] };
}

async function pidsIn(file: string, lines: number): Promise<number[]> {
  for (let attempt = 0; attempt < 400; attempt += 1) {
    const text = existsSync(file) ? await readFile(file, 'utf8') : '';
    const found = text.split('\n').filter((l) => l.trim() !== '');
    if (found.length >= lines) return found.flatMap((line) => line.split(' ').map(Number));
    await sleep(25);
  }
  throw new Error(`${file} never listed ${lines} process(es)`);
}

/** Waits (generously, the machine may be busy) until none of `pids` is alive; returns those still alive. */
async function survivors(pids: readonly number[]): Promise<number[]> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const alive = pids.filter(isProcessAlive);
    if (alive.length === 0) return [];
    await sleep(25);
  }
  return pids.filter(isProcessAlive);
}

describe('no process and no file outlives its run', () => {
  it('Cancel kills each spawned child with everything it started, and the scratch folder goes', async () => {
    const pidFile = path.join(fixture.dir, 'pids');
    const run = fixture.service().start(scenarioOf({ version: 1, name: 'sleepers', strategy: { type: 'all' }, tasks: [sleeperGroup(pidFile, 2)] }));
    const pids = await pidsIn(pidFile, 2);
    run.cancel();
    expect((await run.done).status).toBe('cancelled');
    expect(await survivors(pids)).toEqual([]);
    expect(await fixture.scratchLeft()).toEqual([]);
  });

  it('a timeout kills the timed-out child with everything it started', async () => {
    const pidFile = path.join(fixture.dir, 'pids');
    const scenario = scenarioOf({ version: 1, name: 'slow', strategy: { type: 'sequential' }, options: { timeoutMs: 1500 }, tasks: [sleeperGroup(pidFile)] });
    const run = fixture.service().start(scenario);
    const outcome = await run.done;
    expect(outcome.status).toBe('completed');
    expect(fixture.store.getRun(run.runId!)?.tasks[0]?.status).toBe('timeout');
    expect(await survivors(await pidsIn(pidFile, 1))).toEqual([]);
  });

  it('an engine killed because its loop stayed blocked after Cancel still takes its children along', async () => {
    const pidFile = path.join(fixture.dir, 'pids');
    const scenario = scenarioOf({
      version: 1,
      name: 'blocked with children',
      strategy: { type: 'sequential' },
      tasks: [sleeperGroup(pidFile), { kind: 'cpu', count: 1, ms: 60_000 }],
    });
    const run = fixture.service({ cancelGraceMs: 300 }).start(scenario);
    const pids = await pidsIn(pidFile, 1);
    run.cancel();
    await run.done;
    expect(await survivors(pids)).toEqual([]);
    expect(await fixture.scratchLeft()).toEqual([]);
  });

  it('removes scratch folders whose owner process has died at the next start, and keeps live owners\' ones', async () => {
    const dead = path.join(fixture.scratchRoot, 'run-999999999-abc123');
    const live = path.join(fixture.scratchRoot, `run-${process.pid}-keep`);
    const other = path.join(fixture.scratchRoot, 'not-a-run');
    for (const dir of [dead, live, other]) await mkdir(dir, { recursive: true });
    await writeFile(path.join(dead, 'left.bin'), 'x');
    const service = fixture.service();
    expect(await service.leftoversRemoved).toBe(1);
    expect((await fixture.scratchLeft()).sort()).toEqual(['not-a-run', `run-${process.pid}-keep`]);
  });
});

/**
 * A `spawn` child whose grandchild (`sleep`, its output elsewhere, as a daemon's) leaves the child's process tree at
 * once (its parent, a subshell, ends): only a kill of the child's process group finds it. Writes the grandchild's
 * pid, then the child's, to `pidFile`; the child then sleeps too, unless `leave` makes it end at once.
 */
function escapingGrandchild(pidFile: string, leave = false) {
  const script = `(sleep 60 >/dev/null 2>&1 & echo $! >> '${pidFile}'); echo $$ >> '${pidFile}'${leave ? '' : '; exec sleep 60'}`;
  return { kind: 'spawn', count: 1, command: 'sh', args: ['-c', script] };
}

const RUNTIMES = ['node', 'python', 'go', 'java'] as const;
const toolchains = await Promise.all(RUNTIMES.map(async (runtime) => ({ runtime, ...(runtime === 'node' ? { title: 'node engine', status: { available: true } } : await toolchainOf(runtime)) })));

describe.each(toolchains)('a spawned child leads a process group of its own, on the $title', ({ runtime, status }) => {
  const service = () => fixture.service({ runtimeLaunchers: defaultRuntimeLaunchers({ env: { ...process.env, [CACHE_ENV_VAR]: TEST_RUNNER_CACHE } }) });
  const scenario = (pidFile: string, leave: boolean) =>
    scenarioOf({ version: 1, name: `escaping grandchild on ${runtime}`, runtime, strategy: { type: 'all' }, tasks: [escapingGrandchild(pidFile, leave)] });

  it.skipIf(!status.available)('Cancel kills the group, a grandchild that left the child\'s tree included', async () => {
    const pidFile = path.join(fixture.dir, 'pids');
    const run = service().start(scenario(pidFile, false));
    const pids = await pidsIn(pidFile, 2);
    run.cancel();
    expect((await run.done).status).toBe('cancelled');
    expect(await survivors(pids)).toEqual([]);
  }, 300_000);

  it.skipIf(!status.available)('the group is noted for the run\'s end: what the child left running ends with a completed run', async () => {
    const pidFile = path.join(fixture.dir, 'pids');
    const outcome = await service().start(scenario(pidFile, true)).done;
    expect(outcome.status, outcome.error ?? '').toBe('completed');
    expect(outcome.metrics?.ok).toBe(1);
    expect(await survivors(await pidsIn(pidFile, 2))).toEqual([]);
  }, 300_000);
});
