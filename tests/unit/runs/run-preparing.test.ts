import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ScenarioSchema } from '../../../shared/scenario';
import { relayRunEvents } from '../../../electron/backend/api/run-handlers';
import { ApiEventHub } from '../../../electron/backend/api/event-hub';
import type { EngineLauncher } from '../../../electron/backend/runs/engine-launcher';
import { preparingRunner } from '../../fixtures/preparing-runner';
import { RunService } from '../../../electron/backend/runs/run-service';
import type { CliIo } from '../../../electron/cli/cli-io';
import { showProgress } from '../../../electron/cli/run/progress-display';

const GO_SCENARIO = ScenarioSchema.parse({ version: 1, name: 'first Go run', runtime: 'go', strategy: { type: 'all' }, tasks: [{ kind: 'timer', count: 2, ms: 1 }] });

/** A runner that prepares before it starts, as Go's first build does, and reports a late step that must reach no one. */
const preparingLauncher = () =>
  preparingRunner({ building: 'building the go runner (first run only)', built: 'built\u001b[31m in 2.0 s', totalTasks: 2, lateProgress: 'too late to matter' });

const NO_NODE_ENGINE: EngineLauncher = {
  launch: () => {
    throw new Error('no Node engine in this test');
  },
};

let scratchRoot: string | null = null;
afterEach(async () => {
  if (scratchRoot !== null) await rm(scratchRoot, { recursive: true, force: true });
  scratchRoot = null;
});

async function goService(): Promise<RunService> {
  scratchRoot = await mkdtemp(path.join(os.tmpdir(), 'ce-preparing-'));
  return new RunService({ store: null, launcher: NO_NODE_ENGINE, runtimeLaunchers: { go: preparingLauncher() }, scratchRoot });
}

describe('a runner preparing before its run starts', () => {
  it('is written to the CLI\'s stderr as lines naming the runtime, on a terminal or not', async () => {
    const lines: string[] = [];
    const io = { err: (text: string) => lines.push(text), stderrIsTTY: false } as unknown as CliIo;
    const run = (await goService()).start(GO_SCENARIO);
    showProgress(run, io);
    await run.done;
    expect(lines).toEqual(['go: building the go runner (first run only)\n', 'go: built[31m in 2.0 s\n']);
  });

  it('becomes runPreparing events of that run, before runStarted, and no more once the run has started', async () => {
    scratchRoot = await mkdtemp(path.join(os.tmpdir(), 'ce-preparing-'));
    const go = preparingLauncher();
    const service = new RunService({ store: null, launcher: NO_NODE_ENGINE, runtimeLaunchers: { go }, scratchRoot });
    const hub = new ApiEventHub();
    const heard: [string, unknown][] = [];
    for (const name of ['runPreparing', 'runStarted', 'runFinished'] as const) hub.subscribe(name, (payload) => heard.push([name, payload]));
    const run = service.start(GO_SCENARIO);
    relayRunEvents(run, hub);
    await run.done;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(go.launches).toBe(1);
    expect(heard.map(([name]) => name)).toEqual(['runPreparing', 'runPreparing', 'runStarted', 'runFinished']);
    expect(heard[0]![1]).toEqual({ key: run.key, runId: null, message: 'building the go runner (first run only)' });
    // What a runner's build prints reaches the UI as text, without control characters.
    expect(heard[1]![1]).toEqual({ key: run.key, runId: null, message: 'built[31m in 2.0 s' });
  });
});
