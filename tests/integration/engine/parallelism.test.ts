import { describe, expect, it } from 'vitest';
import { keepsUpWithPlain } from '../../fixtures/plain-speed-up';
import { bestRatio, finishedOf, runEngine, scenario } from './run-engine';

// Up to three tries (or rounds) of engine runs, and plain ones beside them: give them room on a busy machine.
const RATIO_TEST_TIMEOUT_MS = 180_000;

describe('parallelism through a real engine process', () => {
  const cpuTasks = [{ kind: 'cpu' as const, count: 8, ms: 100 }];

  it('CPU work: worker threads beat the event loop', async () => {
    const ratio = await bestRatio(1.3, async () => {
      const onLoop = finishedOf(await runEngine(scenario({ strategy: { type: 'all' }, tasks: cpuTasks }))).metrics;
      const onWorkers = finishedOf(await runEngine(scenario({ strategy: { type: 'workers', threads: 2 }, tasks: cpuTasks }))).metrics;
      return onLoop.wallMs / onWorkers.wallMs;
    });
    expect(ratio).toBeGreaterThanOrEqual(1.3);
  }, RATIO_TEST_TIMEOUT_MS);

  it('CPU work on the loop blocks it; on workers the loop stays free', async () => {
    const onLoop = finishedOf(await runEngine(scenario({ strategy: { type: 'all' }, tasks: cpuTasks }))).metrics;
    const onWorkers = finishedOf(await runEngine(scenario({ strategy: { type: 'workers', threads: 2 }, tasks: cpuTasks }))).metrics;
    expect(onLoop.loopDelayMs.max).toBeGreaterThan(3 * onWorkers.loopDelayMs.max);
    expect(onLoop.elu).toBeGreaterThan(onWorkers.elu);
    expect(onWorkers.maxInFlight).toBe(2);
  });

  it('crypto: pbkdf2 runs on the libuv pool, so a pool of 4 beats a pool of 1 by what the machine gives plain Node', async () => {
    const pbkdf2 = scenario({ strategy: { type: 'all' }, tasks: [{ kind: 'crypto', count: 8, iterations: 60_000 }] });
    const wallMs = async (threadpoolSize: number) => finishedOf(await runEngine(pbkdf2, { threadpoolSize })).metrics.wallMs;
    const { held, tries } = await keepsUpWithPlain(4, () => wallMs(1), () => wallMs(4));
    expect(held, tries).toBe(true);
  }, RATIO_TEST_TIMEOUT_MS);

  it('the engine process runs with the scenario\'s UV_THREADPOOL_SIZE (its children inherit it)', async () => {
    const checkPoolSize = { kind: 'spawn' as const, count: 1, command: 'node', args: ['-e', 'process.exit(process.env.UV_THREADPOOL_SIZE === "3" ? 0 : 1)'] };
    const run = await runEngine(scenario({ strategy: { type: 'all' }, tasks: [checkPoolSize] }), { threadpoolSize: 3 });
    expect(run.records.map((r) => [r.status, r.error])).toEqual([['ok', null]]);
  });
});
