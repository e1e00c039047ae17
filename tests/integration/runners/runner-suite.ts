import { beforeAll, describe, expect, it } from 'vitest';
import { taskDraws } from '../../../shared/random/seeded-random';
import type { RunnerCommand, RuntimeRunner } from '../../../electron/backend/runtimes/runtime-runner';
import type { ScenarioInput } from '../../../shared/scenario';
import { bestOf } from '../../fixtures/best-of';
import { maxOverlap, prepareForTests, runRunner, startScenario, type RunnerRun } from './runner-harness';

/** The same two timer workloads written plainly in the runner's language, run with its toolchain: the wall time in ms. */
export type PlainTimers = (toolchainPath: string, workload: 'sequential' | 'all') => Promise<number>;

type Body = Omit<ScenarioInput, 'version' | 'name' | 'runtime'>;

const FIDELITY_TOLERANCE = 0.15;
const TEST_TIMEOUT_MS = 90_000;

function statuses(run: RunnerRun): string[] {
  return run.records.map((record) => record.status);
}

const FIDELITY_RUNS = 3;

/**
 * The runner's wall time against the plain code's, each the fastest of three runs made one after the other (on a
 * shared machine another process stalls one run now and then, never every run): up to three such comparisons,
 * the first within the tolerance is kept, or the last.
 */
async function compareWithPlain(plain: () => Promise<number>, runner: () => Promise<number>) {
  let last = { runnerMs: 0, plainMs: 0, ratio: 0 };
  for (let i = 0; i < 3; i++) {
    const plainMs = await bestOf(FIDELITY_RUNS, plain);
    const runnerMs = await bestOf(FIDELITY_RUNS, runner);
    last = { runnerMs, plainMs, ratio: runnerMs / plainMs };
    if (Math.abs(last.ratio - 1) <= FIDELITY_TOLERANCE) break;
  }
  return last;
}

/**
 * The integration tests that hold for the Node engine, held against another runtime's runner in its own
 * process: the runner is built once (the cache), each test runs a scenario through the runner protocol.
 */
export function describeRunner(runner: RuntimeRunner, plainTimers: PlainTimers): void {
  const runtime = runner.name;
  let command: RunnerCommand | { skip: string };
  let toolchainPath = '';
  const scenario = (body: Body, strategy?: Record<string, unknown>) => startScenario({ runtime, ...body }, strategy);
  const run = async (body: Body, options: Parameters<typeof runRunner>[2] & { strategy?: Record<string, unknown> } = {}) => {
    if ('skip' in command) throw new Error(command.skip);
    return runRunner(command, scenario(body, options.strategy), options);
  };

  describe(`the ${runtime} runner`, () => {
    beforeAll(async () => {
      command = await prepareForTests(runner);
      toolchainPath = (await runner.detect(process.env)).path ?? '';
    }, 600_000);

    it('never has more than N tasks in flight in a pool, each on its own lane', async (context) => {
      if ('skip' in command) return context.skip(command.skip);
      const result = await run({ strategy: { type: 'pool', concurrency: 3 }, tasks: [{ kind: 'timer', count: 12, ms: 40 }] });
      expect(result.finished?.status).toBe('completed');
      expect(statuses(result)).toEqual(Array(12).fill('ok'));
      expect(maxOverlap(result.records)).toBeLessThanOrEqual(3);
      expect(new Set(result.records.map((record) => record.lane))).toEqual(new Set([0, 1, 2]));
      expect(result.lanes).toBe(3);
      expect(Math.max(...result.samples.map((sample) => sample.inFlight))).toBeLessThanOrEqual(3);
    }, TEST_TIMEOUT_MS);

    it('runs a pool of 4 about four times faster than one at a time', async (context) => {
      if ('skip' in command) return context.skip(command.skip);
      const tasks: Body['tasks'] = [{ kind: 'timer', count: 8, ms: 80 }];
      const sequential = await run({ strategy: { type: 'sequential' }, tasks });
      const pool = await run({ strategy: { type: 'pool', concurrency: 4 }, tasks });
      expect(sequential.finished!.wallMs / pool.finished!.wallMs).toBeGreaterThanOrEqual(2.5);
    }, TEST_TIMEOUT_MS);

    it('stops a sequential loop at the first failure and skips the rest', async (context) => {
      if ('skip' in command) return context.skip(command.skip);
      const result = await run({
        strategy: { type: 'sequential' },
        tasks: [
          { kind: 'timer', count: 1, ms: 10 },
          { kind: 'timer', count: 1, ms: 10, failRate: 1 },
          { kind: 'timer', count: 3, ms: 10 },
        ],
      });
      expect(statuses(result)).toEqual(['ok', 'error', 'skipped', 'skipped', 'skipped']);
      expect(result.records[1]!.error).toBe('injected failure (failRate 1)');
      expect(result.records[2]!.attempts).toBe(0);
    }, TEST_TIMEOUT_MS);

    it('stops a pool at the first failure by default, and runs every task with onFailure continue', async (context) => {
      if ('skip' in command) return context.skip(command.skip);
      const tasks: Body['tasks'] = [
        { kind: 'timer', count: 1, ms: 10, failRate: 1 },
        { kind: 'timer', count: 6, ms: 40 },
      ];
      const stopped = await run({ strategy: { type: 'pool', concurrency: 2 }, tasks });
      expect(statuses(stopped)[0]).toBe('error');
      expect(statuses(stopped).filter((status) => status === 'skipped').length).toBeGreaterThanOrEqual(4);
      const continued = await run({ strategy: { type: 'pool', concurrency: 2, onFailure: 'continue' }, tasks });
      expect(statuses(continued)).toEqual(['error', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
    }, TEST_TIMEOUT_MS);

    it('settles a race with the first task and leaves the rest running as orphans', async (context) => {
      if ('skip' in command) return context.skip(command.skip);
      const result = await run({
        strategy: { type: 'race' },
        tasks: [
          { kind: 'timer', count: 1, ms: 20, failRate: 1 },
          { kind: 'timer', count: 4, ms: 300 },
        ],
      });
      expect(result.finished!.wallMs).toBeLessThan(250);
      expect(statuses(result)).toEqual(['error', 'ok', 'ok', 'ok', 'ok']);
      expect(result.records.map((record) => record.orphaned)).toEqual([false, true, true, true, true]);
    }, TEST_TIMEOUT_MS);

    it('waits for every task under all (the idiom waits for all of them) and keeps every outcome under allSettled', async (context) => {
      if ('skip' in command) return context.skip(command.skip);
      const tasks: Body['tasks'] = [
        { kind: 'timer', count: 1, ms: 20, failRate: 1 },
        { kind: 'timer', count: 3, ms: 250 },
      ];
      for (const type of ['all', 'allSettled'] as const) {
        const result = await run({ strategy: { type }, tasks });
        expect(statuses(result)).toEqual(['error', 'ok', 'ok', 'ok']);
        expect(result.records.some((record) => record.orphaned)).toBe(false);
        expect(result.finished!.wallMs).toBeGreaterThanOrEqual(240);
      }
    }, TEST_TIMEOUT_MS);

    it('ends an attempt over its timeout as timeout, on time', async (context) => {
      if ('skip' in command) return context.skip(command.skip);
      const result = await run({ strategy: { type: 'all' }, options: { timeoutMs: 100 }, tasks: [{ kind: 'timer', count: 3, ms: 2000 }] });
      expect(statuses(result)).toEqual(['timeout', 'timeout', 'timeout']);
      for (const record of result.records) {
        expect(record.error).toMatch(/^timed out after 100 ms/);
        expect(record.endMs - record.startMs).toBeGreaterThanOrEqual(95);
        expect(record.endMs - record.startMs).toBeLessThan(1000);
      }
      expect(result.finished!.wallMs).toBeLessThan(1000);
    }, TEST_TIMEOUT_MS);

    it('retries with exponential backoff, and fails the same tasks as the Node engine for a seed', async (context) => {
      if ('skip' in command) return context.skip(command.skip);
      const retried = await run({ strategy: { type: 'all' }, options: { retries: 2, retryDelayMs: 40 }, tasks: [{ kind: 'timer', count: 2, ms: 5, failRate: 1 }] });
      for (const record of retried.records) {
        expect(record).toMatchObject({ status: 'error', attempts: 3 });
        // Three 5 ms attempts with 40 + 80 ms between them.
        expect(record.endMs - record.startMs).toBeGreaterThanOrEqual(130);
      }
      const seed = 7;
      const seeded = await run({ strategy: { type: 'allSettled' }, options: { seed }, tasks: [{ kind: 'timer', count: 40, ms: 1, failRate: 0.5 }] });
      const expected = Array.from({ length: 40 }, (_, index) => (taskDraws(seed, index, 0.5)().failInjected ? 'error' : 'ok'));
      expect(statuses(seeded)).toEqual(expected);
    }, TEST_TIMEOUT_MS);

    it('ends every unfinished task as cancelled within a second of Cancel', async (context) => {
      if ('skip' in command) return context.skip(command.skip);
      const result = await run(
        {
          strategy: { type: 'pool', concurrency: 4 },
          tasks: [
            { kind: 'timer', count: 6, ms: 20_000 },
            { kind: 'spawn', count: 2, command: 'sleep', args: ['30'] },
          ],
        },
        { cancelAfterMs: 300 },
      );
      expect(result.finished?.status).toBe('cancelled');
      expect(result.cancelToFinishedMs).toBeLessThan(1000);
      expect(statuses(result)).toEqual(Array(8).fill('cancelled'));
      expect(result.records.filter((record) => record.attempts === 0).length).toBe(4);
    }, TEST_TIMEOUT_MS);

    it('cancels the rest of a structured group at the first failure, instead of leaving orphans', async (context) => {
      if ('skip' in command) return context.skip(command.skip);
      const result = await run(
        {
          strategy: { type: 'all' },
          tasks: [
            { kind: 'timer', count: 1, ms: 30, failRate: 1 },
            { kind: 'timer', count: 4, ms: 5000 },
          ],
        },
        { strategy: { type: 'structured' } },
      );
      expect(result.finished!.wallMs).toBeLessThan(1000);
      expect(statuses(result)).toEqual(['error', 'cancelled', 'cancelled', 'cancelled', 'cancelled']);
      expect(result.records[1]!.error).toBe('cancelled: task 0 failed first, and the structured strategy aborted the rest');
      expect(result.records.some((record) => record.orphaned)).toBe(false);
    }, TEST_TIMEOUT_MS);

    it('runs CPU work on 2 worker threads faster than one at a time (2 cores)', async (context) => {
      if ('skip' in command) return context.skip(command.skip);
      const tasks: Body['tasks'] = [{ kind: 'cpu', count: 8, ms: 150 }];
      const sequential = await run({ strategy: { type: 'sequential' }, tasks });
      const workers = await run({ strategy: { type: 'workers', threads: 2 }, tasks });
      expect(new Set(workers.records.map((record) => record.lane))).toEqual(new Set([0, 1]));
      expect(sequential.finished!.wallMs / workers.finished!.wallMs).toBeGreaterThanOrEqual(1.3);
    }, TEST_TIMEOUT_MS);

    it('runs every kind it supports: files, crypto, spawn, HTTP to the built-in target in a process of its own', async (context) => {
      if ('skip' in command) return context.skip(command.skip);
      const result = await run({
        strategy: { type: 'allSettled' },
        tasks: [
          { kind: 'file-write', count: 2, bytes: 4096 },
          { kind: 'file-read', count: 2, bytes: 4096 },
          { kind: 'crypto', count: 2, iterations: 2000 },
          { kind: 'spawn', count: 1, command: 'sh', args: ['-c', 'exit 0'] },
          { kind: 'spawn', count: 1, command: 'sh', args: ['-c', 'echo broken >&2; exit 3'] },
          { kind: 'http', count: 3, latencyMs: 30 },
          { kind: 'http', count: 1, latencyMs: 5, failRate: 1 },
        ],
      });
      expect(statuses(result)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'error', 'ok', 'ok', 'ok', 'error']);
      expect(result.records[7]!.error).toBe('sh exited with code 3: broken');
      expect(result.records[11]!.error).toMatch(/^HTTP 500/);
      expect(result.records[8]!.endMs - result.records[8]!.startMs).toBeGreaterThanOrEqual(29);
    }, TEST_TIMEOUT_MS);

    it('samples its process every 20 ms (no event loop: loop delay 0)', async (context) => {
      if ('skip' in command) return context.skip(command.skip);
      const result = await run({ strategy: { type: 'all' }, tasks: [{ kind: 'timer', count: 5, ms: 200 }] });
      expect(result.samples.length).toBeGreaterThanOrEqual(5);
      for (const sample of result.samples) expect(sample).toMatchObject({ loopDelayMs: 0, elu: 0 });
      expect(Math.max(...result.samples.map((sample) => sample.rssBytes))).toBeGreaterThan(0);
    }, TEST_TIMEOUT_MS);

    it('fails the run, naming targetUrl, when http tasks call the built-in target and the start message has no targetUrl', async (context) => {
      if ('skip' in command) return context.skip(command.skip);
      const result = await run({ strategy: { type: 'all' }, tasks: [{ kind: 'http', count: 2, latencyMs: 5 }] }, { targetUrl: null });
      expect(result.failed).toBe("the scenario has http tasks without a url, and the start message has no targetUrl (the built-in HTTP target's address)");
      expect(result.records).toEqual([]);
    }, TEST_TIMEOUT_MS);

    it('answers a start message without a scenario with failed, naming what is missing', async (context) => {
      if ('skip' in command) return context.skip(command.skip);
      const result = await run({ strategy: { type: 'all' }, tasks: [{ kind: 'timer', count: 1, ms: 1 }] }, { rawStart: { type: 'start' } });
      expect(result.failed).toBe('the start message needs a scenario and a scratchDir');
    }, TEST_TIMEOUT_MS);

    const fidelityWorkloads: { workload: 'sequential' | 'all'; title: string; body: Body }[] = [
      { workload: 'sequential', title: '10 sequential 100 ms timers', body: { strategy: { type: 'sequential' }, tasks: [{ kind: 'timer', count: 10, ms: 100 }] } },
      { workload: 'all', title: '200 x 50 ms timers at once', body: { strategy: { type: 'all' }, tasks: [{ kind: 'timer', count: 200, ms: 50 }] } },
    ];
    for (const { workload, title, body } of fidelityWorkloads) {
      it(`measures ${title} within 15% of the same code written plainly`, async (context) => {
        if ('skip' in command) return context.skip(command.skip);
        const result = await compareWithPlain(
          () => plainTimers(toolchainPath, workload),
          async () => (await run(body)).finished!.wallMs,
        );
        const detail = `runner ${result.runnerMs.toFixed(1)} ms, plain ${result.plainMs.toFixed(1)} ms`;
        expect(result.ratio, detail).toBeGreaterThanOrEqual(1 - FIDELITY_TOLERANCE);
        expect(result.ratio, detail).toBeLessThanOrEqual(1 + FIDELITY_TOLERANCE);
      }, 180_000);
    }
  });
}
