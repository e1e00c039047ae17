import { describe, expect, it } from 'vitest';
import { parseStrategyText } from '../../../shared/scenario';
import { predictRun, predictionErrorPercent } from '../../../shared/whatif';
import { craftedRun, tasksOf } from '../findings/crafted-run';

type Crafted = Parameters<typeof craftedRun>[0];

function predict(run: Crafted, strategy: string, cores = 8, threadpoolSize?: number) {
  const { scenario, records } = craftedRun(run);
  return predictRun({ scenario, tasks: records, strategy: parseStrategyText(strategy), cores, ...(threadpoolSize === undefined ? {} : { threadpoolSize }) });
}

/** `count` tasks of `ms` recorded one after another. */
function sequentialRun(count: number, ms: number, groups: Crafted['groups'], options: Crafted['options'] = {}): Crafted {
  return { strategy: { type: 'sequential' }, groups, options, tasks: tasksOf(count, (i) => i * ms, () => ms) };
}

describe('predictRun: waits', () => {
  const timers = { strategy: { type: 'all' as const }, groups: [{ kind: 'timer' as const, count: 16, ms: 100 }], tasks: tasksOf(16, () => 0, () => 100) };

  it('replays timers under pools, sequential and all from one recorded run', () => {
    expect(predict(timers, 'pool:4').metrics.wallMs).toBeCloseTo(400);
    expect(predict(timers, 'pool:4').metrics.maxInFlight).toBe(4);
    expect(predict(timers, 'sequential').metrics.wallMs).toBeCloseTo(1600);
    expect(predict(timers, 'all').metrics.wallMs).toBeCloseTo(100);
    expect(predict(timers, 'batch:5').metrics.wallMs).toBeCloseTo(400);
  });

  it('gives lanes as the engine does: a pool slot, a batch position, one lane in sequence', () => {
    expect(new Set(predict(timers, 'pool:4').tasks.map((t) => t.lane))).toEqual(new Set([0, 1, 2, 3]));
    expect(predict(timers, 'sequential').tasks.every((t) => t.lane === 0)).toBe(true);
    expect(predict(timers, 'batch:5').tasks[7]?.lane).toBe(2);
  });

  it('settles race at the first end and any at the first success', () => {
    const mixed: Crafted = {
      strategy: { type: 'allSettled' },
      groups: [{ kind: 'timer', count: 3, ms: 100 }],
      tasks: [{ startMs: 0, endMs: 30, status: 'error' }, { startMs: 0, endMs: 60 }, { startMs: 0, endMs: 90 }],
    };
    expect(predict(mixed, 'race').metrics.wallMs).toBeCloseTo(30);
    expect(predict(mixed, 'any').metrics.wallMs).toBeCloseTo(60);
    expect(predict(mixed, 'any').metrics.orphaned).toBe(1);
  });
});

describe('predictRun: failures', () => {
  // Task 1 fails after 50 ms; the sequential run skipped tasks 2 and 3.
  const failing: Crafted = {
    strategy: { type: 'sequential' },
    groups: [{ kind: 'timer', count: 4, ms: 100 }],
    tasks: [{ startMs: 0, endMs: 100 }, { startMs: 100, endMs: 150, status: 'error' }, { startMs: 150, endMs: 150, status: 'skipped' }, { startMs: 150, endMs: 150, status: 'skipped' }],
  };

  it('fails fast under all and leaves the rest running as orphans, skipped tasks taking their group\'s time', () => {
    const all = predict(failing, 'all');
    expect(all.metrics.wallMs).toBeCloseTo(50);
    expect(all.metrics.orphaned).toBe(3);
    expect(all.tasks[3]?.endMs).toBeCloseTo(100);
    expect(all.tasks.map((t) => t.status)).toEqual(['ok', 'error', 'ok', 'ok']);
  });

  it('cancels the tasks still running at the first failure under structured, instead of orphaning them', () => {
    const structured = predict(failing, 'structured');
    expect(structured.metrics.wallMs).toBeCloseTo(50);
    expect(structured.tasks.map((t) => t.status)).toEqual(['cancelled', 'error', 'cancelled', 'cancelled']);
    expect(structured.tasks[0]?.endMs).toBeCloseTo(50);
    expect(structured.metrics.orphaned).toBe(0);
  });

  it('keeps the sequential loop\'s stop at the first failure', () => {
    const sequential = predict(failing, 'sequential');
    expect(sequential.metrics.wallMs).toBeCloseTo(150);
    expect(sequential.metrics.skipped).toBe(2);
  });

  it('ends one slot of a stop-slot pool at a failure while the others carry on as orphans', () => {
    const run: Crafted = {
      strategy: { type: 'allSettled' },
      groups: [{ kind: 'timer', count: 6, ms: 100 }],
      tasks: tasksOf(6, () => 0, () => 100, (i) => (i === 0 ? { status: 'error' } : {})),
    };
    const stopSlot = predict(run, 'pool:2');
    expect(stopSlot.metrics.wallMs).toBeCloseTo(100);
    expect(stopSlot.tasks.every((t) => t.lane === 1 || t.index === 0)).toBe(true);
    expect(stopSlot.tasks[5]?.endMs).toBeCloseTo(500);
    expect(stopSlot.metrics.orphaned).toBe(4);
    const continuing = predict(run, 'pool:2:continue');
    expect(continuing.metrics.wallMs).toBeCloseTo(300);
    expect(continuing.metrics.orphaned).toBe(0);
    expect(predict(run, 'pool:2:reject').metrics.wallMs).toBeCloseTo(100);
  });

  it('ends a batch loop at a failure, the rest of that batch orphaned and later batches skipped', () => {
    const run: Crafted = {
      strategy: { type: 'allSettled' },
      groups: [{ kind: 'timer', count: 6, ms: 100 }],
      tasks: tasksOf(6, () => 0, (i) => (i === 1 ? 20 : 100), (i) => (i === 1 ? { status: 'error' } : {})),
    };
    const batch = predict(run, 'batch:3');
    expect(batch.metrics.wallMs).toBeCloseTo(20);
    expect(batch.metrics.skipped).toBe(3);
    expect(batch.metrics.orphaned).toBe(2);
  });

  it('replays retries: every attempt\'s work and the doubling backoff between them', () => {
    // 3 attempts of 40 ms, with 10 + 20 ms of backoff between them.
    const run: Crafted = {
      strategy: { type: 'sequential' },
      options: { retries: 2, retryDelayMs: 10 },
      groups: [{ kind: 'timer', count: 2, ms: 40 }],
      tasks: [{ startMs: 0, endMs: 150, attempts: 3 }, { startMs: 150, endMs: 190 }],
    };
    const all = predict(run, 'all');
    expect(all.tasks[0]?.attempts).toBe(3);
    expect(all.tasks[0]!.endMs - all.tasks[0]!.startMs).toBeCloseTo(150);
    expect(all.metrics.wallMs).toBeCloseTo(150);
  });

  it('ends a timed-out attempt at the timeout, whatever the strategy', () => {
    const run: Crafted = {
      strategy: { type: 'sequential' },
      options: { timeoutMs: 200 },
      groups: [{ kind: 'http', count: 2 }],
      tasks: [{ startMs: 0, endMs: 200, status: 'timeout' }, { startMs: 200, endMs: 250 }],
    };
    const all = predict(run, 'allSettled');
    expect(all.tasks[0]?.status).toBe('timeout');
    expect(all.metrics.wallMs).toBeCloseTo(200);
  });
});

describe('predictRun: where the work runs', () => {
  it('serialises CPU work on the loop under every strategy but workers, which the cores bound', () => {
    const cpu = sequentialRun(8, 50, [{ kind: 'cpu', count: 8, ms: 50 }]);
    expect(predict(cpu, 'all').metrics.wallMs).toBeCloseTo(400);
    expect(predict(cpu, 'pool:4').metrics.wallMs).toBeCloseTo(400);
    expect(predict(cpu, 'workers:4', 2).metrics.wallMs).toBeCloseTo(200);
    expect(predict(cpu, 'workers:4', 4).metrics.wallMs).toBeCloseTo(100);
    expect(predict(cpu, 'workers:2', 8).metrics.wallMs).toBeCloseTo(200);
  });

  it('shares the libuv pool: threadpoolSize threads, bounded by the cores for CPU-bound pool work', () => {
    const hashes = sequentialRun(8, 100, [{ kind: 'crypto', count: 8 }], { threadpoolSize: 4 });
    expect(predict(hashes, 'all', 8).metrics.wallMs).toBeCloseTo(200);
    expect(predict(hashes, 'all', 2).metrics.wallMs).toBeCloseTo(400);
    expect(predict(hashes, 'all', 8, 8).metrics.wallMs).toBeCloseTo(100);
    expect(predict(hashes, 'pool:2', 8).metrics.wallMs).toBeCloseTo(400);
  });

  it('takes the pool\'s sharing out of a recorded run before replaying it', () => {
    // 8 reads at once on 4 threads: each took 200 ms, of which 100 ms was its own work.
    const reads: Crafted = {
      strategy: { type: 'all' },
      options: { threadpoolSize: 4 },
      groups: [{ kind: 'file-read', count: 8, bytes: 1024 }],
      tasks: tasksOf(8, () => 0, () => 200),
    };
    expect(predict(reads, 'sequential').metrics.wallMs).toBeCloseTo(800);
    expect(predict(reads, 'all').metrics.wallMs).toBeCloseTo(200);
  });

  it('delays a timer behind CPU work that holds the loop', () => {
    const mixed: Crafted = {
      strategy: { type: 'sequential' },
      groups: [{ kind: 'cpu', count: 1, ms: 300 }, { kind: 'timer', count: 1, ms: 50 }],
      tasks: [{ startMs: 0, endMs: 300 }, { startMs: 300, endMs: 350, group: 1 }],
    };
    const all = predict(mixed, 'all');
    expect(all.tasks[1]?.startMs).toBeCloseTo(300);
    expect(all.metrics.wallMs).toBeCloseTo(350);
  });
});

describe('predictionErrorPercent', () => {
  it('is signed, in percent of the measurement', () => {
    expect(predictionErrorPercent(110, 100)).toBeCloseTo(10);
    expect(predictionErrorPercent(90, 100)).toBeCloseTo(-10);
  });
});
