import { describe, expect, it } from 'vitest';
import { cpuOnLoop, loopBlocked, threadpoolSaturated } from '../../../shared/findings/rules/loop-rules';
import { LOOP_BLOCKED_MS } from '../../../shared/findings';
import { craftedRun, quietSamples, sample, tasksOf } from './crafted-run';

const cpuPair = tasksOf(2, (i) => i * 300, () => 300);
const stalledSamples = [...quietSamples(600).filter((s) => s.tMs !== 300 && s.tMs !== 600), sample(300, { loopDelayMs: 300 }), sample(600, { loopDelayMs: 300 })];
const timers = { strategy: { type: 'all' as const }, groups: [{ kind: 'timer' as const, count: 10, ms: 100 }], tasks: tasksOf(10, () => 0, () => 100) };

describe('loop-blocked', () => {
  it('fires on sampled loop delays over the threshold, with when, how long and the loop-bound tasks that ran', () => {
    const run = craftedRun({ strategy: { type: 'all' }, groups: [{ kind: 'cpu', count: 2, ms: 300 }], tasks: cpuPair, samples: stalledSamples });
    const [finding] = loopBlocked(run);
    expect(finding).toMatchObject({ id: 'loop-blocked', severity: 'problem', fromMs: 0, toMs: 600, tasks: [0, 1] });
    expect(finding?.evidence.maxLoopDelayMs).toBeGreaterThan(LOOP_BLOCKED_MS);
    expect(finding?.detail).toContain('300 ms');
    expect(finding?.suggestion?.scenarioPatch.strategy).toMatchObject({ type: 'workers' });
  });

  it('fires on a loop slice of the runtime track even when the samples missed it', () => {
    const run = craftedRun({
      ...timers,
      runtime: { loop: [{ startMs: 20, endMs: 170, type: 'Timeout', task: 3 }], threadpool: [], workers: [] },
    });
    expect(loopBlocked(run)).toMatchObject([{ id: 'loop-blocked', fromMs: 20, toMs: 170 }]);
  });

  it('stays silent on a clean timers run', () => {
    expect(loopBlocked(craftedRun(timers))).toEqual([]);
  });
});

describe('cpu-on-loop', () => {
  it('fires when CPU tasks under a concurrent strategy ran one at a time', () => {
    const run = craftedRun({ strategy: { type: 'all' }, groups: [{ kind: 'cpu', count: 2, ms: 300 }], tasks: cpuPair });
    expect(cpuOnLoop(run)).toMatchObject([{ id: 'cpu-on-loop', severity: 'warning', evidence: { effectiveConcurrency: 1 }, tasks: [0, 1] }]);
  });

  it('stays silent under workers and on a run without loop-bound work', () => {
    const workers = craftedRun({ strategy: { type: 'workers', threads: 2 }, groups: [{ kind: 'cpu', count: 2, ms: 300 }], tasks: tasksOf(2, () => 0, () => 300) });
    expect(cpuOnLoop(workers)).toEqual([]);
    expect(cpuOnLoop(craftedRun(timers))).toEqual([]);
  });
});

describe('threadpool-saturated', () => {
  const crypto = (threadpoolSize: number) =>
    craftedRun({
      strategy: { type: 'all' },
      options: { threadpoolSize },
      groups: [{ kind: 'crypto', count: 8 }],
      tasks: tasksOf(8, () => 0, (i) => (i < threadpoolSize ? 50 : 100)),
    });

  it('fires when more pool tasks were in flight than threads, with the estimated queue wait', () => {
    const [finding] = threadpoolSaturated(crypto(4));
    expect(finding).toMatchObject({ id: 'threadpool-saturated', evidence: { peakInFlight: 8, threadpoolSize: 4, queueWaitP50Ms: 25 } });
    expect(finding?.suggestion?.scenarioPatch).toEqual({ options: { threadpoolSize: 8 } });
  });

  it('uses the measured queue wait of the runtime track when there is one', () => {
    const run = {
      ...crypto(4),
      runtime: { loop: [], workers: [], threadpool: tasksOf(8, () => 0, () => 50).map((t, i) => ({ submitMs: 0, startMs: i < 4 ? 0 : 50, endMs: t.endMs + (i < 4 ? 0 : 50), lane: i % 4, type: 'PBKDF2', task: i })) },
    };
    expect(threadpoolSaturated(run)).toMatchObject([{ evidence: { queueWaitP50Ms: 25, queueWaitMaxMs: 50 } }]);
  });

  it('stays silent when the pool has a thread for every task', () => {
    expect(threadpoolSaturated(crypto(8))).toEqual([]);
  });
});
