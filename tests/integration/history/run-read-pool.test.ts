import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../shared/api/api-client';
import { createBackend } from '../../../electron/backend/api/create-backend';
import { RunReadPool } from '../../../electron/backend/history';
import { RunService } from '../../../electron/backend/runs/run-service';
import { EXPORT_FORMATS, exportRunFile } from '../../../electron/backend/transfer';
import { makeMetrics, makeSamples, makeScenario, makeTasks, openTempStore } from '../../unit/history/fixtures';

let temp: ReturnType<typeof openTempStore>;
const pools: RunReadPool[] = [];
beforeEach(() => {
  temp = openTempStore();
});
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
  temp.dispose();
});

function startPool(path = temp.file): RunReadPool {
  const pool = RunReadPool.start(path);
  pools.push(pool);
  return pool;
}

function recordRun(taskCount: number, name: string): number {
  const id = temp.store.createRun({ scenario: makeScenario(), name });
  const tasks = makeTasks(taskCount);
  temp.store.appendBatch(id, { finished: tasks, samples: makeSamples(3) });
  temp.store.finishRun(id, { status: 'completed', metrics: makeMetrics(tasks) });
  return id;
}

describe('RunReadPool: runs read on worker threads', () => {
  it('reads runs side by side, each exactly as the store on this thread reads it', async () => {
    const pool = startPool();
    // Recorded after the threads connected: each read sees what is committed when it starts.
    const ids = [recordRun(2_000, 'big'), recordRun(16, 'small'), recordRun(300, 'middle')];
    const read = await Promise.all(ids.map((id) => pool.getColumnarRun(id)));
    expect(read).toEqual(ids.map((id) => temp.store.getColumnarRun(id)));
    expect(read.map((run) => run?.tasks.count)).toEqual([2_000, 16, 300]);
  });

  it('writes export files exactly as this thread would, in every format', async () => {
    const pool = startPool();
    const id = recordRun(500, 'exported');
    for (const format of EXPORT_FORMATS) expect(await pool.exportRun(id, format)).toEqual(exportRunFile(temp.store.getRun(id)!, format));
    expect(await pool.exportRun(id + 1, 'json')).toBeNull();
  });

  it("computes a run's findings on a thread, the same as this thread computes them", async () => {
    const pool = startPool();
    const id = recordRun(500, 'explained');
    expect(await pool.getFindings(id)).toEqual(temp.store.getFindings(id));
    expect(await pool.getFindings(id + 1)).toBeNull();
  });

  it('reads the columns a view asks for without waiting behind the exports and findings asked for before', async () => {
    const pool = startPool();
    const big = recordRun(60_000, 'big');
    const small = recordRun(10, 'small');
    const finished: string[] = [];
    const note = (name: string) => () => finished.push(name);
    // Enough background work to fill every thread of the pool were they shared.
    const background = [pool.exportRun(big, 'json').then(note('export')), pool.getFindings(big).then(note('findings')), pool.exportRun(big, 'csv').then(note('export'))];
    await pool.getColumnarRun(small).then(note('columns'));
    await Promise.all(background);
    expect(finished[0]).toBe('columns');
  });

  it('answers null for a run that is not there or is in the trash', async () => {
    const pool = startPool();
    const id = recordRun(4, 'soon gone');
    temp.store.deleteRuns([id]);
    expect(await pool.getColumnarRun(id)).toBeNull();
    expect(await pool.getColumnarRun(id + 100)).toBeNull();
  });

  it('fails every read with the reason when its threads cannot open the history', async () => {
    const pool = startPool(join(temp.file, '..', 'missing.sqlite'));
    await expect(pool.getColumnarRun(1)).rejects.toThrow(/Cannot open the history database .*missing\.sqlite: there is no such file/);
    // The pool stopped at the first failure: later reads fail at once, with the same reason.
    await expect(pool.getColumnarRun(2)).rejects.toThrow(/missing\.sqlite: there is no such file/);
  });
});

describe('history.getColumnar', () => {
  const noEngines = { launch: () => { throw new Error('no engine should start in these tests'); } };
  const client = (runReads?: RunReadPool) =>
    createApiClient(createBackend({ store: temp.store, runService: new RunService({ store: temp.store, launcher: noEngines }), ...(runReads ? { runReads } : {}) }));

  it('serves runs from the pool, and not_found for a missing one', async () => {
    const api = client(startPool());
    const id = recordRun(50, 'served');
    expect(await api.history.getColumnar({ id })).toEqual(temp.store.getColumnarRun(id));
    await expect(api.history.getColumnar({ id: id + 1 })).rejects.toMatchObject({ code: 'not_found' });
    expect(await api.history.export({ id, format: 'csv' })).toEqual(exportRunFile(temp.store.getRun(id)!, 'csv'));
    await expect(api.history.export({ id: id + 1, format: 'json' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(api.history.getColumnar({ id: 0 })).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('still answers when the pool cannot read, from this thread', async () => {
    const api = client(startPool(join(temp.file, '..', 'missing.sqlite')));
    const id = recordRun(10, 'fallback');
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      expect((await api.history.getColumnar({ id })).tasks.count).toBe(10);
      expect((await api.history.getColumnar({ id })).name).toBe('fallback');
      expect((await api.history.export({ id, format: 'json' })).fileName).toBe(`run-${id}-fallback.json`);
    } finally {
      console.error = original;
    }
    expect(logged).toHaveLength(1);
  });
});
