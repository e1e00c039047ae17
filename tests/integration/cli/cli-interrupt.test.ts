import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HistoryStore } from '../../../electron/backend/history';
import { CliFixture } from './cli-fixture';

let cli: CliFixture;

beforeAll(async () => {
  cli = await CliFixture.create();
});

afterAll(async () => {
  await cli.dispose();
});

/** Opens the history the CLI writes, hands it to `use`, and closes it. */
function readHistory<T>(use: (store: HistoryStore) => T): T {
  const store = HistoryStore.open(cli.db);
  try {
    return use(store);
  } finally {
    store.close();
  }
}

/** Waits until the CLI has recorded a run as running: from then on Ctrl+C cancels it. */
async function runningRunId(): Promise<number> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    try {
      const running = readHistory((store) => store.listRuns({ status: 'running' }));
      if (running[0] !== undefined) return running[0].id;
    } catch {
      // The CLI may not have created the database yet.
    }
    await sleep(100);
  }
  throw new Error('the CLI never started a run');
}

/** Waits until the engine of run `id` has sent a first batch (samples): it has started the clock. */
async function engineReported(id: number): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if ((readHistory((store) => store.getRun(id))?.samples.length ?? 0) > 0) return;
    await sleep(20);
  }
  throw new Error(`run ${id} never reported`);
}

/** 50 ms timers in a pool of two: `count` of them make a run long enough to interrupt. */
function slowTimers(file: string, name: string, count: number): Promise<string> {
  return cli.writeJson(file, { version: 1, name, strategy: { type: 'pool', concurrency: 2 }, tasks: [{ kind: 'timer', count, ms: 50 }] });
}

describe('Ctrl+C during run', () => {
  it('cancels the run cleanly: recorded as cancelled with every task', async () => {
    const file = await slowTimers('long.json', 'Long timers', 400);
    const { child, result } = cli.start(['run', file, '--json']);
    const id = await runningRunId();
    child.kill('SIGINT');
    const { code, stdout, stderr } = await result;
    expect(stderr).toMatch(/Cancelling/);
    expect(code).toBe(1);
    const { runs } = JSON.parse(stdout) as { runs: { id: number; status: string }[] };
    expect(runs).toEqual([expect.objectContaining({ id, status: 'cancelled' })]);
    const run = readHistory((store) => store.getRun(id));
    expect(run?.status).toBe('cancelled');
    expect(run?.tasks).toHaveLength(400);
  });

  it('cancels an experiment cleanly: the run under way is cancelled, and no more start', async () => {
    const file = await slowTimers('long-repeat.json', 'Long repeat', 400);
    const { child, result } = cli.start(['run', file, '--repeat', '3', '--json']);
    const id = await runningRunId();
    child.kill('SIGINT');
    const { code, stdout, stderr } = await result;
    expect(stderr).toMatch(/Cancelling the experiment/);
    expect(code).toBe(1);
    const output = JSON.parse(stdout) as { runs: { id: number; status: string }[]; experimentId: number; stats: unknown };
    expect(output.runs).toEqual([expect.objectContaining({ id, status: 'cancelled' })]);
    expect(output.stats).toBeNull();
    expect(readHistory((store) => store.getExperiment(output.experimentId)?.runIds)).toEqual([id]);
    expect(readHistory((store) => store.listRuns({ status: 'running' }))).toEqual([]);
  });

  it('a run left running by a CLI that was killed shows as interrupted the next time the history is opened', async () => {
    const file = await slowTimers('killed.json', 'Killed', 100);
    const { child, result } = cli.start(['run', file]);
    const id = await runningRunId();
    child.kill('SIGKILL');
    await result;
    const { runs } = await cli.json<{ runs: { id: number; status: string }[] }>(['list', '--json']);
    expect(runs.find((r) => r.id === id)?.status).toBe('interrupted');
  });

  it('a second Ctrl+C exits at once', async () => {
    const file = await cli.writeJson('blocked.json', {
      version: 1,
      name: 'Blocked loop',
      strategy: { type: 'sequential' },
      tasks: [
        { kind: 'timer', count: 1, ms: 300 },
        { kind: 'cpu', count: 1, ms: 3_000 },
      ],
    });
    const { child, result } = cli.start(['run', file]);
    await engineReported(await runningRunId());
    // By now the timer is over and the cpu task blocks the engine, so the first Ctrl+C cannot end the run
    // before the engine is killed a second later.
    await sleep(600);
    const cancelling = new Promise((resolve) => child.stderr?.on('data', (chunk: string) => chunk.includes('Cancelling') && resolve(null)));
    child.kill('SIGINT');
    await cancelling;
    child.kill('SIGINT');
    const { code, stderr } = await result;
    expect(stderr).toMatch(/Cancelling[^]*Stopped/);
    expect(code).toBe(130);
  });
});
