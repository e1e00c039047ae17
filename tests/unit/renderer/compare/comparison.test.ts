/// <reference types="svelte" />
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Comparison } from '../../../../renderer/state/compare/comparison.svelte';
import { SharedTimeAxis } from '../../../../renderer/state/compare/shared-time-axis.svelte';
import { makeMetrics, makeTasks } from '../../history/fixtures';
import { HistoryBackend } from '../history/history-backend';

let backend: HistoryBackend;
let comparison: Comparison;

beforeEach(() => {
  backend = new HistoryBackend();
  comparison = new Comparison(backend.api);
});
afterEach(() => backend.dispose());

/** A finished run with 12 tasks whose wall time and throughput are given. */
function runWith(name: string, wallMs: number, throughputPerSec: number): number {
  const tasks = makeTasks(12);
  return backend.addRun({ name, wallMs, metrics: { ...makeMetrics(tasks), wallMs, throughputPerSec } });
}

const row = (key: string) => comparison.metrics.find((m) => m.key === key);

describe('Comparison', () => {
  it('compares each metric with the baseline: ratios written like 2.4x with a better/worse verdict', async () => {
    const slow = runWith('slow', 240, 50);
    const fast = runWith('fast', 100, 120);
    expect(await comparison.load([slow, fast])).toBe(true);
    expect(comparison.baseline?.id).toBe(slow);
    expect(row('wallMs')?.others[0]).toMatchObject({ value: 100, ratioText: '0.42x', verdict: 'better' });
    expect(row('throughputPerSec')?.others[0]).toMatchObject({ ratioText: '2.4x', verdict: 'better' });

    comparison.setBaseline(fast);
    expect(comparison.measured.map((r) => r.id)).toEqual([fast, slow]);
    expect(row('wallMs')?.others[0]).toMatchObject({ value: 240, ratioText: '2.4x', verdict: 'worse' });
    expect(comparison.repeats).toBeNull();
  });

  it('tells two runs apart by their findings, from the backend, and says what explains the biggest ratio', async () => {
    const slow = runWith('slow', 240, 50);
    const fast = runWith('fast', 100, 120);
    await comparison.load([slow, fast]);
    expect(comparison.findingsDifference?.explanation).toMatch(new RegExp(`^The biggest difference is .+ in #${fast} against #${slow}\\.`));
    const [one, two, three] = [runWith('a', 100, 10), runWith('b', 100, 10), runWith('c', 100, 10)];
    await comparison.load([one, two, three]);
    expect(comparison.findingsDifference).toBeNull();
  });

  it('draws every run: a latency CDF, in flight over time and a timeline, on one axis as long as the longest run', async () => {
    const a = runWith('a', 100, 10);
    const b = runWith('b', 200, 10);
    await comparison.load([a, b]);
    expect(comparison.series.map((s) => s.id)).toEqual([a, b]);
    const [first] = comparison.series;
    expect(first?.cdf.at(-1)?.fraction).toBe(1);
    expect(first?.inFlight).toHaveLength(4);
    expect(first?.timeline?.count).toBe(12);
    expect(comparison.axis.extentMs).toBe(Math.max(...comparison.series.map((s) => s.timeline!.nowMs)));
  });

  it('keeps runs without metrics out of the ratios and says which they are', async () => {
    const done = runWith('done', 100, 10);
    const failed = backend.addRun({ name: 'failed', status: 'failed', metrics: null, error: 'engine crashed' });
    await comparison.load([failed, done]);
    expect(comparison.baseline?.id).toBe(done);
    expect(comparison.unmeasured.map((r) => r.name)).toEqual(['failed']);
    expect(comparison.metrics).toEqual([]);
  });

  it('compares repeat experiments as samples: mean, 95% CI and whether the difference is significant', async () => {
    const before = backend.store.createExperiment({ kind: 'repeat', name: 'Before', params: {} });
    const after = backend.store.createExperiment({ kind: 'repeat', name: 'After', params: {} });
    const beforeIds = [400, 410, 395, 405].map((wall) => backend.addExperimentRun(before, wall));
    const afterIds = [200, 205, 198, 202].map((wall) => backend.addExperimentRun(after, wall));
    await comparison.load([beforeIds[0]!, afterIds[2]!]);

    expect(comparison.units.map((u) => [u.label, u.metrics.length])).toEqual([['Before', 4], ['After', 4]]);
    const wall = comparison.repeats?.find((m) => m.key === 'wallMs');
    expect(wall?.baseline.mean).toBeCloseTo(402.5);
    expect(wall?.baseline.ci95?.[0]).toBeLessThan(402.5);
    expect(wall?.others[0]?.summary.mean).toBeCloseTo(201.25);
    expect(wall?.others[0]?.welch?.significant).toBe(true);
    expect(wall?.others[0]?.verdict).toBe('better');
  });

  it('treats two runs of one repeat experiment as single runs', async () => {
    const experiment = backend.store.createExperiment({ kind: 'repeat', name: 'Same', params: {} });
    const ids = [100, 300].map((wall) => backend.addExperimentRun(experiment, wall));
    await comparison.load(ids);
    expect(comparison.units.map((u) => u.metrics.length)).toEqual([1, 1]);
    expect(comparison.repeats).toBeNull();
    expect(row('wallMs')?.others[0]?.ratioText).toBe('3.0x');
  });

  it('reports a run that cannot be loaded and keeps the previous comparison', async () => {
    const a = runWith('a', 100, 10);
    const b = runWith('b', 200, 10);
    await comparison.load([a, b]);
    expect(await comparison.load([a, 999])).toBe(false);
    expect(comparison.error).toContain('There is no run with id 999');
    expect(comparison.runs.map((r) => r.id)).toEqual([a, b]);
  });
});

describe('SharedTimeAxis', () => {
  it('keeps one window for every stacked timeline and ignores a publish that changes nothing', () => {
    const axis = new SharedTimeAxis(500);
    expect(axis.window).toBeNull();
    const window = { startMs: 10, endMs: 90 };
    axis.publish(window);
    axis.publish({ startMs: 10, endMs: 90 });
    expect(axis.window).toBe(window);
    axis.publish({ startMs: 20, endMs: 90 });
    expect(axis.window).toEqual({ startMs: 20, endMs: 90 });
  });
});
