import { describe, expect, it } from 'vitest';
import { findPreset, PRESETS } from '../../../shared/presets';
import { checkScenario } from '../../../shared/scenario';
import { fasterInOneOf, groupLatency, hashesAtOnce, holdsInOneOf, runVariant, runVariants, type VariantResult } from './preset-runner';

// Each claim below is what the preset's `notice` tells the user to look for, checked with generous ratios.
describe('every built-in preset makes the point it claims, on the real engine', () => {
  it('every preset and variant passes checkScenario', () => {
    for (const preset of PRESETS) expect(checkScenario(preset.scenario).ok, preset.id).toBe(true);
  });

  it('sequential-vs-all: Promise.all is at least 3x faster than sequential awaits', async () => {
    const r = await runVariants('sequential-vs-all');
    expect(r.sequential!.metrics.wallMs).toBeGreaterThan(3 * r.all!.metrics.wallMs);
    expect(r.sequential!.metrics.maxInFlight).toBe(1);
  });

  it('file-sync-vs-async: readFileSync raises event-loop delay far above readFile', async () => {
    const r = await runVariants('file-sync-vs-async');
    expect(r.sync!.metrics.loopDelayMs.p99).toBeGreaterThan(3 * r.async!.metrics.loopDelayMs.p99);
  });

  it('sqlite-blocks-loop: synchronous queries on the loop raise loop delay far above worker threads', async () => {
    const r = await runVariants('sqlite-blocks-loop');
    expect(r.loop!.metrics.loopDelayMs.p99).toBeGreaterThan(2 * r['workers-2']!.metrics.loopDelayMs.p99);
  });

  it('callbacks-vs-promises: same results, about the same wall time', async () => {
    const r = await runVariants('callbacks-vs-promises');
    expect(r.callbacks!.metrics.ok).toBe(r.promises!.metrics.ok);
    const ratio = r.callbacks!.metrics.wallMs / r.promises!.metrics.wallMs;
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('all-vs-allsettled: allSettled ends with more ok tasks; all leaves orphans', async () => {
    const r = await runVariants('all-vs-allsettled');
    expect(r.allSettled!.metrics.ok).toBeGreaterThan(r.all!.metrics.ok);
    expect(r.all!.metrics.orphaned).toBeGreaterThan(0);
    expect(r.allSettled!.metrics.orphaned).toBe(0);
  });

  it('pool-vs-unbounded: a pool never exceeds its concurrency', async () => {
    const r = await runVariants('pool-vs-unbounded');
    for (const [id, size] of [['pool-4', 4], ['pool-8', 8]] as const) {
      expect(r[id]!.metrics.maxInFlight, id).toBeLessThanOrEqual(size);
      expect(Math.max(...r[id]!.tasks.map((t) => t.lane)), id).toBeLessThan(size);
    }
    expect(r.all!.metrics.maxInFlight).toBeGreaterThan(8);
    expect(r['pool-4']!.metrics.wallMs).toBeGreaterThan(r.all!.metrics.wallMs);
  });

  it('timeouts-and-retries: retries turn failures and timeouts into successes', async () => {
    const r = await runVariants('timeouts-and-retries');
    expect(r['no-retries']!.metrics.timedOut).toBeGreaterThan(0);
    expect(r['retries-2']!.metrics.ok).toBeGreaterThan(r['no-retries']!.metrics.ok);
    expect(r['retries-2']!.tasks.some((t) => t.attempts > 1)).toBe(true);
  });

  it('cpu-loop-vs-workers: Promise.all gains nothing on cpu work; worker threads are faster than the loop', async () => {
    const r = await runVariants('cpu-loop-vs-workers');
    const ratio = r.all!.metrics.wallMs / r.sequential!.metrics.wallMs;
    expect(ratio).toBeGreaterThan(0.6);
    expect(ratio).toBeLessThan(1.6);
    expect(r['workers-2']!.metrics.elu).toBeLessThan(r.all!.metrics.elu);
    expect(await fasterInOneOf(3, r, 'cpu-loop-vs-workers', { slow: 'all', fast: 'workers-2', ratio: 0.85 })).toBe(true);
  });

  it('threadpool-exhaustion: 1 thread runs the hashes one by one, 4 threads run four at once', async () => {
    const r = await runVariants('threadpool-exhaustion');
    // When the first hash is done, as a share of the run: after about 1/8 one by one, about 1/2 four at once
    // (four threads share the cores; another process busy on them can leave two running first, hence retries).
    const firstShare = (tasks: { endMs: number }[]) => Math.min(...tasks.map((t) => t.endMs)) / Math.max(...tasks.map((t) => t.endMs));
    const fourAtOnce = (one: VariantResult, four: VariantResult) => firstShare(four.tasks) > 1.5 * firstShare(one.tasks);
    expect(await holdsInOneOf(3, r, 'threadpool-exhaustion', ['threads-1', 'threads-4'], fourAtOnce)).toBe(true);
  });

  // Four pool threads finish sooner by as many cores as the machine gives them: how many that is now is
  // measured around each pair of runs (another process may hold a core), and the claim must hold against it.
  it('threadpool-exhaustion: 4 threads beat 1 by as many cores as the machine gives them', async () => {
    const task = findPreset('threadpool-exhaustion')?.scenario.tasks[0];
    if (task?.kind !== 'crypto' || task.iterations === undefined) throw new Error('the preset no longer hashes: update this claim');
    const { iterations } = task;
    const tries: string[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const before = await hashesAtOnce(iterations);
      const one = await runVariant('threadpool-exhaustion', 'threads-1');
      const four = await runVariant('threadpool-exhaustion', 'threads-4');
      const cores = Math.min(before, await hashesAtOnce(iterations));
      const speedup = one.metrics.wallMs / four.metrics.wallMs;
      // 0.7: a generous share of the ideal speed-up (1 core free: four threads may be a little slower).
      if (speedup >= 0.7 * cores) return;
      tries.push(`speed-up ${speedup.toFixed(2)} with ${cores.toFixed(2)} hashes at once`);
    }
    expect.fail(`4 threads never beat 1 by the cores the machine gave: ${tries.join('; ')}`);
  });

  it('server-under-load: cpu work on the loop makes every request slower', async () => {
    const r = await runVariants('server-under-load');
    expect(groupLatency(r.blocking!, 0, 0.5)).toBeGreaterThan(2 * groupLatency(r['non-blocking']!, 0, 0.5));
  });
});
