import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../shared/presets';
import { checkScenario } from '../../../shared/scenario';
import { keepsUpWithPlain } from '../../fixtures/plain-speed-up';
import { groupLatency, holdsInOneOf, missedExpectations, runVariant, runVariants, type VariantResult } from './preset-runner';

// Each preset's claim is its `expectations` (the same data the workbench judges on the user's machine), checked
// with generous ratios; the checks beside them are details of the engine that the claim rests on.
describe('every built-in preset makes the point it claims, on the real engine', () => {
  it('every preset and variant passes checkScenario', () => {
    for (const preset of PRESETS) expect(checkScenario(preset.scenario).ok, preset.id).toBe(true);
  });

  it('sequential-vs-all: Promise.all is at least 3x faster than sequential awaits, each task still taking its 100 ms', async () => {
    const r = await runVariants('sequential-vs-all');
    expect(await missedExpectations('sequential-vs-all', r)).toEqual([]);
    expect(r.sequential!.metrics.maxInFlight).toBe(1);
    expect(r.all!.metrics.maxInFlight).toBe(10);
    for (const variant of ['sequential', 'all']) {
      expect(r[variant]!.metrics.latencyMs.p50, variant).toBeGreaterThanOrEqual(99);
      expect(r[variant]!.metrics.latencyMs.p50, variant).toBeLessThan(150);
    }
  });

  it('file-sync-vs-async: readFileSync raises event-loop delay far above readFile, towards all the reads together', async () => {
    const r = await runVariants('file-sync-vs-async');
    expect(await missedExpectations('file-sync-vs-async', r)).toEqual([]);
    // The pool's slots start each next read in the continuation of the last: the reads run back to back
    // without the loop turning, so the longest delay is about all of them together (and they never overlap).
    const readsMs = r.sync!.tasks.reduce((sum, t) => sum + (t.endMs - t.startMs), 0);
    expect(r.sync!.metrics.loopDelayMs.max).toBeGreaterThan(0.5 * readsMs);
    expect(r.sync!.metrics.maxInFlight).toBe(1);
    expect(r.sync!.metrics.effectiveConcurrency).toBeLessThan(1.2);
  });

  it('sqlite-blocks-loop: synchronous queries on the loop raise loop delay far above worker threads', async () => {
    const r = await runVariants('sqlite-blocks-loop');
    expect(await missedExpectations('sqlite-blocks-loop', r)).toEqual([]);
  });

  it('callbacks-vs-promises: same results, about the same wall time', async () => {
    const r = await runVariants('callbacks-vs-promises');
    expect(r.callbacks!.metrics.ok).toBe(r.promises!.metrics.ok);
    expect(await missedExpectations('callbacks-vs-promises', r)).toEqual([]);
  });

  it('all-vs-allsettled: all settles early and leaves orphans; allSettled waits; the tasks end the same way', async () => {
    const r = await runVariants('all-vs-allsettled');
    expect(await missedExpectations('all-vs-allsettled', r)).toEqual([]);
    expect(r.all!.metrics.ok).toBe(r.allSettled!.metrics.ok);
    expect(r.all!.metrics.failed).toBe(r.allSettled!.metrics.failed);
  });

  it('pool-vs-unbounded: a pool never exceeds its concurrency; waits grow as it shrinks, latency does not', async () => {
    const r = await runVariants('pool-vs-unbounded');
    expect(await missedExpectations('pool-vs-unbounded', r)).toEqual([]);
    for (const [id, size] of [['pool-4', 4], ['pool-8', 8]] as const) {
      // About 40 / N rounds of 100 ms.
      expect(r[id]!.metrics.wallMs, id).toBeGreaterThan(0.8 * (40 / size) * 100);
      expect(r[id]!.metrics.wallMs, id).toBeLessThan(2 * (40 / size) * 100);
    }
    for (const [id, size] of [['pool-4', 4], ['pool-8', 8]] as const) {
      expect(Math.max(...r[id]!.tasks.map((t) => t.lane)), id).toBeLessThan(size);
    }
  });

  it('timeouts-and-retries: retries turn failures and timeouts into successes', async () => {
    const r = await runVariants('timeouts-and-retries');
    expect(await missedExpectations('timeouts-and-retries', r)).toEqual([]);
    expect(r['retries-2']!.tasks.some((t) => t.attempts > 1)).toBe(true);
  });

  it('structured-vs-all: both settle at the first failure; the tasks all leaves orphaned end cancelled under structured', async () => {
    const r = await runVariants('structured-vs-all');
    expect(await missedExpectations('structured-vs-all', r)).toEqual([]);
    expect(r.all!.metrics.cancelled).toBe(0);
    const indexes = (tasks: VariantResult['tasks'], which: (t: VariantResult['tasks'][number]) => boolean) => tasks.filter(which).map((t) => t.index).sort((a, b) => a - b);
    // Same seed, same tasks: the ones still running at the first failure.
    expect(indexes(r.structured!.tasks, (t) => t.status === 'cancelled')).toEqual(indexes(r.all!.tasks, (t) => t.orphaned));
    for (const task of r.structured!.tasks.filter((t) => t.status === 'cancelled')) expect(task.endMs).toBeLessThanOrEqual(r.structured!.metrics.wallMs);
  });

  it('cpu-loop-vs-workers: Promise.all gains nothing on cpu work; worker threads are faster than the loop', async () => {
    const r = await runVariants('cpu-loop-vs-workers');
    expect(await missedExpectations('cpu-loop-vs-workers', r)).toEqual([]);
    // CPU work on one thread: one task at a time, whatever the strategy's code looks like.
    for (const variant of ['sequential', 'all']) {
      expect(r[variant]!.metrics.effectiveConcurrency, variant).toBeGreaterThan(0.8);
      expect(r[variant]!.metrics.effectiveConcurrency, variant).toBeLessThan(1.2);
      expect(r[variant]!.metrics.maxInFlight, variant).toBe(1);
    }
  });

  it('threadpool-exhaustion: 1 thread runs the hashes one by one, 4 threads run four at once', async () => {
    const r = await runVariants('threadpool-exhaustion');
    expect(await missedExpectations('threadpool-exhaustion', r)).toEqual([]);
    // When the first hash is done, as a share of the run: after about 1/8 one by one, about 1/2 four at once
    // (four threads share the cores; another process busy on them can leave two running first, hence retries).
    const firstShare = (tasks: { endMs: number }[]) => Math.min(...tasks.map((t) => t.endMs)) / Math.max(...tasks.map((t) => t.endMs));
    const fourAtOnce = (one: VariantResult, four: VariantResult) => firstShare(four.tasks) > 1.5 * firstShare(one.tasks);
    expect(await holdsInOneOf(3, r, 'threadpool-exhaustion', ['threads-1', 'threads-4'], fourAtOnce)).toBe(true);
  });

  it('threadpool-exhaustion: 4 threads beat 1 by what the machine gives plain Node', async () => {
    const wallMs = async (variant: string) => (await runVariant('threadpool-exhaustion', variant)).metrics.wallMs;
    const { held, tries } = await keepsUpWithPlain(4, () => wallMs('threads-1'), () => wallMs('threads-4'));
    expect(held, tries).toBe(true);
  });

  it('server-under-load: cpu work on the loop makes every request slower, and the loop delay shows why', async () => {
    const r = await runVariants('server-under-load');
    expect(await missedExpectations('server-under-load', r)).toEqual([]);
    expect(groupLatency(r.blocking!, 0, 0.5)).toBeGreaterThan(2 * groupLatency(r['non-blocking']!, 0, 0.5));
    // The CPU handlers end one after another, 60 ms apart, not all at the end of the block.
    const cpuEnds = r.blocking!.tasks.filter((t) => t.group === 1).map((t) => t.endMs).sort((a, b) => a - b);
    for (let i = 1; i < cpuEnds.length; i++) expect(cpuEnds[i]! - cpuEnds[i - 1]!).toBeGreaterThanOrEqual(55);
  });
});
