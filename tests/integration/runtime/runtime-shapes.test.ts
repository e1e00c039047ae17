import { describe, expect, it } from 'vitest';
import type { TaskRecord } from '../../../shared/protocol/task-record';
import type { RuntimeTrace } from '../../../shared/runtime/runtime-slices';
import { traceFromSlices } from '../../../shared/runtime/runtime-trace';
import type { ScenarioInput } from '../../../shared/scenario';
import { finishedOf, runEngine, scenario, type EngineRun } from '../engine/run-engine';

/** Slack for "the slice starts while its task runs": the times come from one clock, read microseconds apart. */
const EDGE_MS = 1;

async function traced(input: Omit<ScenarioInput, 'version' | 'name'>, threadpoolSize = 4): Promise<{ run: EngineRun; trace: RuntimeTrace; wallMs: number }> {
  const run = await runEngine(scenario({ ...input, options: { ...input.options, trace: 'runtime', threadpoolSize } }), { threadpoolSize });
  const trace = traceFromSlices(run.batches.flatMap((batch) => (batch.runtime === undefined ? [] : [batch.runtime])));
  return { run, trace, wallMs: finishedOf(run).metrics.wallMs };
}

/**
 * Every slice that names a task starts while that task runs: from its start until the strategy heard of its end
 * (`observedMs`; the callback that brings a worker's answer comes after the work itself ended). It may end
 * later: the callback that settles a task goes on running the promise reactions of other work.
 */
function expectSlicesInsideTheirTasks(slices: readonly { startMs: number; endMs: number; task: number | null }[], records: readonly TaskRecord[]): void {
  const outside = slices.filter((slice) => {
    if (slice.task === null) return false;
    const record = records[slice.task];
    return record === undefined || slice.startMs < record.startMs - EDGE_MS || slice.startMs > Math.max(record.endMs, record.observedMs) + EDGE_MS;
  });
  expect(outside).toEqual([]);
}

/** The most slices running at one moment. */
function mostAtOnce(slices: readonly { startMs: number; endMs: number }[]): number {
  const edges = slices.flatMap((slice) => [[slice.startMs, 1], [slice.endMs, -1]] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let running = 0;
  let most = 0;
  for (const [, step] of edges) most = Math.max(most, (running += step));
  return most;
}

const overlaps = (a: { startMs: number; endMs: number }, b: { startMs: number; endMs: number }) => a.startMs < b.endMs && b.startMs < a.endMs;

describe('a runtime trace gives known workloads their known shapes', () => {
  it('readFileSync x 20 under pool:4: 20 sync loop slices covering most of the wall time, no pool request', async () => {
    const { run, trace, wallMs } = await traced({ strategy: { type: 'pool', concurrency: 4 }, tasks: [{ kind: 'file-read', count: 20, bytes: 4 * 1024 * 1024, sync: true }] });
    const sync = trace.loop.filter((slice) => slice.type === 'sync');
    expect(sync.map((slice) => slice.task).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(sync.reduce((sum, slice) => sum + slice.endMs - slice.startMs, 0)).toBeGreaterThan(wallMs / 2);
    expect(trace.threadpool).toEqual([]);
    expectSlicesInsideTheirTasks(trace.loop, run.records);
  });

  it('readFile x 20 under pool:4: pool requests of every task, short loop slices, no sync slice', async () => {
    const { run, trace } = await traced({ strategy: { type: 'pool', concurrency: 4 }, tasks: [{ kind: 'file-read', count: 20, bytes: 4 * 1024 * 1024 }] });
    expect(new Set(trace.threadpool.map((request) => request.task))).toEqual(new Set(Array.from({ length: 20 }, (_, i) => i)));
    expect(trace.loop.some((slice) => slice.type === 'sync')).toBe(false);
    const taskSlices = trace.loop.filter((slice) => slice.task !== null);
    expect(taskSlices.length).toBeGreaterThanOrEqual(20);
    const longestReadMs = Math.max(...trace.threadpool.map((request) => request.endMs - request.startMs));
    const medianSliceMs = taskSlices.map((slice) => slice.endMs - slice.startMs).sort((a, b) => a - b)[taskSlices.length >> 1]!;
    expect(medianSliceMs).toBeLessThan(longestReadMs);
    for (const request of trace.threadpool) expect(request.lane).toBeLessThan(4);
    expectSlicesInsideTheirTasks([...trace.loop, ...trace.threadpool], run.records);
  });

  it('crypto x 8 with threadpoolSize 1: 8 requests on lane 0, one after another, each waiting for the one before', async () => {
    const { run, trace } = await traced({ strategy: { type: 'pool', concurrency: 8 }, tasks: [{ kind: 'crypto', count: 8, iterations: 50_000 }] }, 1);
    const requests = trace.threadpool.filter((request) => request.type === 'PBKDF2REQUEST');
    expect(requests).toHaveLength(8);
    expect(requests.every((request) => request.lane === 0)).toBe(true);
    const byStart = [...requests].sort((a, b) => a.startMs - b.startMs);
    for (let i = 1; i < byStart.length; i++) {
      const previous = byStart[i - 1]!;
      const request = byStart[i]!;
      expect(request.startMs).toBeGreaterThanOrEqual(previous.endMs);
      // It waited at least for what was left of the previous one's run when it was submitted.
      expect(request.startMs - request.submitMs).toBeGreaterThanOrEqual(previous.endMs - Math.max(previous.startMs, request.submitMs) - EDGE_MS);
    }
    expectSlicesInsideTheirTasks([...trace.loop, ...requests], run.records);
  });

  it('crypto x 8 with threadpoolSize 4: at most 4 requests at once, on lanes 0..3', async () => {
    const { trace } = await traced({ strategy: { type: 'pool', concurrency: 8 }, tasks: [{ kind: 'crypto', count: 8, iterations: 20_000 }] }, 4);
    const requests = trace.threadpool.filter((request) => request.type === 'PBKDF2REQUEST');
    expect(requests).toHaveLength(8);
    for (const request of requests) expect(request.lane).toBeLessThan(4);
    expect(mostAtOnce(requests)).toBe(4);
    expect(new Set(requests.map((request) => request.lane)).size).toBe(4);
  });

  it('cpu x 4 under workers:2: two worker tracks whose sync slices overlap in time', async () => {
    const { run, trace } = await traced({ strategy: { type: 'workers', threads: 2 }, tasks: [{ kind: 'cpu', count: 4, ms: 150 }] });
    const sync = trace.workers.filter((slice) => slice.type === 'sync');
    expect(sync.map((slice) => slice.task).sort()).toEqual([0, 1, 2, 3]);
    expect(new Set(sync.map((slice) => slice.thread))).toEqual(new Set([0, 1]));
    const onZero = sync.filter((slice) => slice.thread === 0);
    const onOne = sync.filter((slice) => slice.thread === 1);
    expect(onZero.some((a) => onOne.some((b) => overlaps(a, b)))).toBe(true);
    expect(trace.loop.some((slice) => slice.type === 'sync')).toBe(false);
    expectSlicesInsideTheirTasks([...trace.loop, ...trace.workers], run.records);
  });

  it('a cpu task on the loop is one sync slice of its task; a tasks-mode run sends no slices', async () => {
    const { trace } = await traced({ strategy: { type: 'sequential' }, tasks: [{ kind: 'cpu', count: 3, ms: 30 }] });
    const sync = trace.loop.filter((slice) => slice.type === 'sync');
    expect(sync.map((slice) => slice.task)).toEqual([0, 1, 2]);
    for (const slice of sync) expect(slice.endMs - slice.startMs).toBeGreaterThanOrEqual(29);
    const plain = await runEngine(scenario({ strategy: { type: 'sequential' }, tasks: [{ kind: 'cpu', count: 3, ms: 5 }] }));
    expect(plain.batches.some((batch) => batch.runtime !== undefined)).toBe(false);
  });

  it('past traceSliceLimit, short slices are merged per 1 ms and the run says how many', async () => {
    const { trace } = await traced({ strategy: { type: 'pool', concurrency: 50 }, options: { traceSliceLimit: 1_000 }, tasks: [{ kind: 'timer', count: 20_000, ms: 0 }] });
    expect(trace.mergedSlices).toBeGreaterThan(0);
    expect(trace.loop.length).toBeLessThan(20_000);
    // Each timer's callback is a slice, or folded into one.
    expect(trace.loop.length + trace.mergedSlices).toBeGreaterThanOrEqual(20_000);
  });
});
