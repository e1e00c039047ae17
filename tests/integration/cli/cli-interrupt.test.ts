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

/** Waits until the CLI has recorded a run as running: from then on Ctrl+C cancels it. */
async function runningRunId(): Promise<number> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    let store: HistoryStore | null = null;
    try {
      store = HistoryStore.open(cli.db);
      const running = store.listRuns({ status: 'running' });
      if (running[0] !== undefined) return running[0].id;
    } catch {
      // The CLI may not have created the database yet.
    } finally {
      store?.close();
    }
    await sleep(100);
  }
  throw new Error('the CLI never started a run');
}

/** Waits until the engine of run `id` has sent a first batch (samples): it has started the clock. */
async function engineReported(id: number): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const store = HistoryStore.open(cli.db);
    try {
      if ((store.getRun(id)?.samples.length ?? 0) > 0) return;
    } finally {
      store.close();
    }
    await sleep(20);
  }
  throw new Error(`run ${id} never reported`);
}

describe('Ctrl+C during run', () => {
  it('cancels the run cleanly: recorded as cancelled with every task', async () => {
    const file = await cli.writeJson('long.json', {
      version: 1,
      name: 'Long timers',
      strategy: { type: 'pool', concurrency: 2 },
      tasks: [{ kind: 'timer', count: 400, ms: 50 }],
    });
    const { child, result } = cli.start(['run', file, '--json']);
    const id = await runningRunId();
    child.kill('SIGINT');
    const { code, stdout, stderr } = await result;
    expect(stderr).toMatch(/Cancelling/);
    expect(code).toBe(1);
    const { runs } = JSON.parse(stdout) as { runs: { id: number; status: string }[] };
    expect(runs).toEqual([expect.objectContaining({ id, status: 'cancelled' })]);
    const store = HistoryStore.open(cli.db);
    try {
      const run = store.getRun(id);
      expect(run?.status).toBe('cancelled');
      expect(run?.tasks).toHaveLength(400);
    } finally {
      store.close();
    }
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
