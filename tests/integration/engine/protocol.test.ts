import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forkLauncher } from '../../../electron/backend/runs/fork-launcher';
import { finishedOf, runEngine, scenario } from './run-engine';

describe('the engine protocol over a real process', () => {
  it('ready, started, batches, finished; every task is reported once before finished, and the process exits', async () => {
    const run = await runEngine(scenario({ strategy: { type: 'pool', concurrency: 3 }, tasks: [{ kind: 'timer', count: 30, ms: 10 }] }));
    const types = run.events.map((e) => e.type);
    expect(types[0]).toBe('ready');
    expect(types[1]).toBe('started');
    expect(types.at(-1)).toBe('finished');
    expect(new Set(types.slice(2, -1))).toEqual(new Set(['batch']));
    expect(run.records.map((r) => r.index)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(run.batches.flatMap((b) => b.started)).toHaveLength(30);
    expect(run.batches.at(-1)).toMatchObject({ done: 30, inFlight: 0 });
    expect(run.exitCode).toBe(0);
  });

  it('samples the process while it runs', async () => {
    const run = await runEngine(scenario({ strategy: { type: 'sequential' }, tasks: [{ kind: 'timer', count: 5, ms: 40 }] }));
    const samples = run.batches.flatMap((b) => b.samples);
    expect(samples.length).toBeGreaterThan(2);
    expect(samples.map((s) => s.tMs)).toEqual([...samples.map((s) => s.tMs)].sort((a, b) => a - b));
    expect(samples.some((s) => s.inFlight === 1)).toBe(true);
    expect(samples.every((s) => s.rssBytes > 0 && s.heapUsedBytes > 0)).toBe(true);
    expect(finishedOf(run).metrics.peakRssBytes).toBeGreaterThan(0);
  });

  it('sends events in batches, never one message per task', async () => {
    const run = await runEngine(scenario({ strategy: { type: 'pool', concurrency: 20 }, tasks: [{ kind: 'timer', count: 2_000, ms: 0 }] }));
    expect(run.records).toHaveLength(2_000);
    expect(run.batches.length).toBeLessThan(2_000 / 10);
  });

  it('answers a bad start message with failed, naming the problem', async () => {
    const run = await runEngine(scenario({ strategy: { type: 'all' }, tasks: [{ kind: 'timer', count: -4, ms: 10 }] }));
    expect(run.failed).toContain('scenario.tasks[0].count: must be a whole number >= 1, got -4');
    expect(run.events.some((e) => e.type === 'started')).toBe(false);
    expect(run.exitCode).toBe(1);
  });

  it('reports what could not be set up as failed', async () => {
    const run = await runEngine(scenario({ strategy: { type: 'all' }, tasks: [{ kind: 'sqlite', count: 1, rows: 10, sql: 'SELEKT 1' }] }));
    expect(run.failed).toMatch(/^tasks\[0\]\.sql: near "SELEKT": syntax error/);
  });

  it('turns a malformed message from the engine into a failed event', async () => {
    const fakeEngine = join(mkdtempSync(join(tmpdir(), 'fake-engine-')), 'engine.mjs');
    writeFileSync(fakeEngine, "process.send({ type: 'ready', pid: 'not a number' }, () => process.exit(0));\n");
    const engine = forkLauncher({ file: fakeEngine, execArgv: [] }).launch({ threadpoolSize: 1 });
    const events: unknown[] = [];
    engine.onEvent((event) => events.push(event));
    const code = await new Promise((resolve) => engine.onExit(resolve));
    expect(code).toBe(0);
    expect(events).toEqual([{ type: 'failed', message: expect.stringMatching(/malformed message:\npid: must be a number/) as string }]);
  });
});
