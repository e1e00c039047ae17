import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunDetail } from '../../../shared/run/run-schema';
import type { RuntimeTrace } from '../../../shared/runtime/runtime-slices';
import { CliFixture, STACK_LINE } from '../cli/cli-fixture';

type ShownRun = RunDetail & RuntimeTrace;

interface TraceEvent {
  name: string;
  ph: string;
  tid: number;
  ts?: number;
  dur?: number;
  args: Record<string, unknown>;
}

/** A pool of 2 crypto tasks and 2 CPU tasks on two worker threads: every track has something. */
const SCENARIO = {
  version: 1,
  name: 'runtime storage',
  strategy: { type: 'workers', threads: 2 },
  options: { threadpoolSize: 2 },
  tasks: [
    { kind: 'cpu', count: 2, ms: 40 },
    { kind: 'crypto', count: 2, iterations: 20_000 },
  ],
};

describe('runtime tracks in the history, the exports and the CLI', () => {
  let cli: CliFixture;
  let tracedId: number;
  let plainId: number;

  beforeAll(async () => {
    cli = await CliFixture.create();
    const file = await cli.writeJson('scenario.json', SCENARIO);
    tracedId = (await cli.json<{ runs: { id: number }[] }>(['run', file, '--trace', 'runtime', '--json'])).runs[0]!.id;
    plainId = (await cli.json<{ runs: { id: number }[] }>(['run', file, '--json'])).runs[0]!.id;
  }, 120_000);

  afterAll(async () => {
    await cli.dispose();
  });

  it('show --json gives loop, threadpool and workers; empty arrays for a tasks-mode run', async () => {
    const traced = await cli.json<ShownRun>(['show', String(tracedId), '--json']);
    expect(traced.scenario.options.trace).toBe('runtime');
    expect(traced.loop.length).toBeGreaterThan(0);
    expect(traced.workers.filter((slice) => slice.type === 'sync').map((slice) => slice.task).sort()).toEqual([0, 1]);
    // The crypto tasks ran their pbkdf2 on worker threads, whose pool requests the engine does not see;
    // the engine's own loop still served the piscina answers of all four tasks.
    expect(new Set(traced.loop.flatMap((slice) => (slice.task === null ? [] : [slice.task])))).toEqual(new Set([0, 1, 2, 3]));
    for (const slice of traced.loop) expect(Object.keys(slice).sort()).toEqual(['endMs', 'startMs', 'task', 'type']);
    for (const slice of traced.workers) expect(Object.keys(slice).sort()).toEqual(['endMs', 'startMs', 'task', 'thread', 'type']);
    const plain = await cli.json<ShownRun>(['show', String(plainId), '--json']);
    expect([plain.loop, plain.threadpool, plain.workers]).toEqual([[], [], []]);
    const text = await cli.run(['show', String(tracedId)]);
    expect(text.stdout).toMatch(/runtime trace: [\d,]+ loop slices, 0 pool requests, [\d,]+ worker slices/);
  });

  it('export json -> import keeps every track, slice for slice', async () => {
    const exported = cli.file('traced.json');
    expect((await cli.run(['export', String(tracedId), '--format', 'json', '-o', exported])).code).toBe(0);
    const file = JSON.parse(await readFile(exported, 'utf8')) as { runtime?: RuntimeTrace };
    expect(file.runtime?.loop.length).toBeGreaterThan(0);
    const { id } = await cli.json<{ id: number }>(['import', exported, '--json']);
    const original = await cli.json<ShownRun>(['show', String(tracedId), '--json']);
    const imported = await cli.json<ShownRun>(['show', String(id), '--json']);
    expect(imported.loop).toEqual(original.loop);
    expect(imported.threadpool).toEqual(original.threadpool);
    expect(imported.workers).toEqual(original.workers);
    const plainExport = JSON.parse((await cli.run(['export', String(plainId)])).stdout) as Record<string, unknown>;
    expect(plainExport).not.toHaveProperty('runtime');
  });

  it('an import whose slice names a task the run does not have is refused, naming the slice', async () => {
    const file = JSON.parse((await cli.run(['export', String(tracedId)])).stdout) as { runtime: RuntimeTrace };
    file.runtime.loop[0]!.task = 99;
    const bad = await cli.writeJson('bad.json', file);
    const result = await cli.run(['import', bad]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('runtime.loop[0].task: must be the index of a task of the run (0 to 3) or null, got 99');
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it('the Chrome trace has an Event loop thread and a thread per worker below the lanes', async () => {
    const trace = JSON.parse((await cli.run(['export', String(tracedId), '--format', 'trace'])).stdout) as { traceEvents: TraceEvent[] };
    const threadNames = new Map(trace.traceEvents.filter((e) => e.name === 'thread_name').map((e) => [e.tid, e.args.name]));
    expect([...threadNames.values()]).toEqual(expect.arrayContaining(['lane 0', 'lane 1', 'Event loop', 'Worker 1', 'Worker 2']));
    const laneTids = [...threadNames].filter(([, name]) => String(name).startsWith('lane')).map(([tid]) => tid);
    const runtimeTids = [...threadNames].filter(([, name]) => !String(name).startsWith('lane')).map(([tid]) => tid);
    expect(Math.min(...runtimeTids)).toBeGreaterThan(Math.max(...laneTids));
    for (const event of trace.traceEvents.filter((e) => e.ph === 'X')) {
      expect(event.ts).toBeGreaterThanOrEqual(0);
      expect(event.dur).toBeGreaterThanOrEqual(0);
      expect(threadNames.has(event.tid)).toBe(true);
    }
  });

  it('run --trace takes tasks or runtime only, and says so', async () => {
    const result = await cli.run(['run', '--preset', 'timers-pool', '--trace', 'everything', '--no-save']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/--trace.*everything.*tasks, runtime/s);
  });
});
