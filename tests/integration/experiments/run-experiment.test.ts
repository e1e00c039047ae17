import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/api-error';
import { runExperiment, type ExperimentProgress } from '../../../electron/backend/experiments/run-experiment';
import { loadExperiment } from '../../../electron/backend/experiments/load-experiment';
import { findPreset, variantScenario } from '../../../shared/presets';
import { RunFixture } from '../runs/run-fixture';

/** The folder of the test's user modules, as the folder of a scenario file that names them. */
const MODULES_DIR = fileURLToPath(new URL('../../fixtures/user-modules/', import.meta.url));

let fixture: RunFixture;

beforeEach(async () => {
  fixture = await RunFixture.create();
});

afterEach(async () => {
  await fixture.dispose();
});

const timers = (count: number, ms: number) => ({
  version: 1 as const,
  name: `${count} timers of ${ms} ms`,
  strategy: { type: 'all' as const },
  tasks: [{ kind: 'timer' as const, count, ms }],
});

function progressLog(): { seen: string[]; onRunFinished: (outcome: { status: string }, progress: ExperimentProgress) => void } {
  const seen: string[] = [];
  return { seen, onRunFinished: (outcome, progress) => seen.push(`${progress.index + 1}/${progress.total} ${progress.label} ${outcome.status}`) };
}

describe('runExperiment through the real engine and store', () => {
  it('repeats a scenario after a warm-up that is run but not stored, with statistics of the counted runs', async () => {
    const log = progressLog();
    const result = await runExperiment(fixture.service(), fixture.store, { kind: 'repeat', scenario: timers(6, 10), repeat: 3, warmup: 1 }, log);

    expect(log.seen).toEqual(['1/4 warm-up 1/1 completed', '2/4 repeat 1/3 completed', '3/4 repeat 2/3 completed', '4/4 repeat 3/3 completed']);
    expect(result.cancelled).toBe(false);
    expect(result.runs.map((r) => r.status)).toEqual(['completed', 'completed', 'completed']);
    const runIds = result.runs.map((r) => r.runId);
    expect(fixture.store.getExperiment(result.experimentId)).toMatchObject({ kind: 'repeat', runIds, params: { repeat: 3, warmup: 1 } });
    expect(fixture.store.countRuns()).toBe(3);

    const wall = result.stats?.wallMs;
    expect(wall?.n).toBe(3);
    expect(wall?.ci95?.[0]).toBeLessThanOrEqual(wall?.mean ?? Number.NaN);
    expect(wall?.ci95?.[1]).toBeGreaterThanOrEqual(wall?.mean ?? Number.NaN);
    expect(result.stats?.throughputPerSec.mean).toBeGreaterThan(0);
    expect(loadExperiment(fixture.store, result.experimentId).stats).toEqual(result.stats);
  });

  it('runs a matrix once per strategy, in the given order, under one experiment', async () => {
    const strategies = [{ type: 'sequential' }, { type: 'pool', concurrency: 2 }, { type: 'all' }] as const;
    const log = progressLog();
    const result = await runExperiment(fixture.service(), fixture.store, { kind: 'matrix', scenario: timers(6, 25), strategies: [...strategies] }, log);

    expect(log.seen).toEqual(['1/3 sequential completed', '2/3 pool:2 completed', '3/3 all completed']);
    const stored = fixture.store.getExperiment(result.experimentId)?.runIds.map((id) => fixture.store.getRunSummary(id));
    expect(stored?.map((r) => r?.strategy)).toEqual(strategies);
    expect(stored?.map((r) => r?.name)).toEqual(['6 timers of 25 ms (sequential)', '6 timers of 25 ms (pool:2)', '6 timers of 25 ms (all)']);
    const [sequential, , all] = result.runs.map((r) => r.metrics?.wallMs ?? Number.NaN);
    expect(sequential).toBeGreaterThan(2 * (all ?? Number.NaN));
    expect(result.stats).toBeUndefined();
    expect(result.sweep).toBeUndefined();
  });

  it("judges a built-in scenario's expectations on a run of its variants, as the workbench does, and again when reopened", async () => {
    const preset = findPreset('sequential-vs-all')!;
    const variants = preset.variants.map((variant) => ({ id: variant.id, label: variant.label, scenario: variantScenario(preset, variant) }));
    const result = await runExperiment(fixture.service(), fixture.store, { kind: 'variants', presetId: preset.id, variants });

    expect(result.expectations?.map((v) => v.check.met)).toEqual(preset.expectations.map(() => true));
    expect(result.expectations?.[0]?.sentence).toMatch(/^As expected: sequential took \d+(\.\d)?x Promise\.all \(expected >= 3\.0x\)\.$/);
    expect(fixture.store.getExperiment(result.experimentId)?.params).toMatchObject({ presetId: preset.id, variantIds: ['sequential', 'all'] });
    expect(loadExperiment(fixture.store, result.experimentId).expectations).toEqual(result.expectations);
  });

  it('sweeps a pool by powers of two up to 8, charting throughput and p99 against concurrency', async () => {
    const result = await runExperiment(fixture.service(), fixture.store, { kind: 'sweep', scenario: timers(16, 20), maxConcurrency: 8 });

    expect(result.runs).toHaveLength(4);
    const stored = fixture.store.getExperiment(result.experimentId)?.runIds.map((id) => fixture.store.getRunSummary(id)?.strategy);
    expect(stored).toEqual([1, 2, 4, 8].map((concurrency) => ({ type: 'pool', concurrency })));
    const points = result.sweep?.points ?? [];
    expect(points.map((p) => p.concurrency)).toEqual([1, 2, 4, 8]);
    expect(points[3]!.throughput).toBeGreaterThan(2 * points[0]!.throughput);
    expect(points.every((p) => p.p99 > 0)).toBe(true);
    expect(result.sweep?.knee === null || [1, 2, 4].includes(result.sweep?.knee?.concurrency ?? 0)).toBe(true);
    expect(loadExperiment(fixture.store, result.experimentId).sweep?.points).toEqual(points);
  });

  it('ends, starting no more runs, when the host stops its run service mid-experiment', async () => {
    const service = fixture.service({ cancelGraceMs: 500 });
    const started: string[] = [];
    const experiment = runExperiment(service, fixture.store, { kind: 'repeat', scenario: timers(3, 20_000), repeat: 3 }, {
      onRunStarted: (run, progress) => {
        started.push(progress.label);
        run.onStarted(() => service.stop());
      },
    });
    await expect(experiment).rejects.toThrow('Concurrency Explorer is closing: no new run can start.');
    expect(started).toEqual(['repeat 1/3']);
    expect(fixture.store.listRuns().map((r) => r.status)).toEqual(['cancelled']);
  });

  it('stops after cancelling the run under way when the signal aborts, keeping the runs made so far', async () => {
    const controller = new AbortController();
    const started: string[] = [];
    const result = await runExperiment(
      fixture.service({ cancelGraceMs: 500 }),
      fixture.store,
      { kind: 'repeat', scenario: timers(3, 20_000), repeat: 3 },
      {
        signal: controller.signal,
        onRunStarted: (run, progress) => {
          started.push(progress.label);
          run.onStarted(() => controller.abort());
        },
      },
    );

    expect(started).toEqual(['repeat 1/3']);
    expect(result.cancelled).toBe(true);
    expect(result.runs.map((r) => r.status)).toEqual(['cancelled']);
    expect(result.stats).toBeNull();
    expect(fixture.store.getExperiment(result.experimentId)?.runIds).toEqual([result.runs[0]?.runId]);
  });

  it('starts no run when the signal is already aborted', async () => {
    const result = await runExperiment(fixture.service(), fixture.store, { kind: 'sweep', scenario: timers(2, 5), maxConcurrency: 4 }, {
      signal: AbortSignal.abort(),
    });
    expect(result).toMatchObject({ cancelled: true, runs: [] });
    expect(fixture.store.countRuns()).toBe(0);
  });

  it('refuses an invalid spec with every problem, before anything is stored', async () => {
    const attempt = runExperiment(fixture.service(), fixture.store, { kind: 'repeat', scenario: { ...timers(2, 5), tasks: [] }, repeat: 0 });
    await expect(attempt).rejects.toThrow(ApiError);
    await expect(attempt).rejects.toMatchObject({
      code: 'bad_request',
      problems: [
        { path: 'scenario.tasks', message: 'must have at least 1 item(s)' },
        { path: 'repeat', message: 'must be a whole number >= 1, got 0' },
      ],
    });
    expect(fixture.store.listExperiments()).toEqual([]);
  });

  it("runs a scenario's relative module path from the spec's scenarioDir, warm-ups included, and refuses it without one", async () => {
    const own = { version: 1 as const, name: 'Own module', strategy: { type: 'all' as const }, tasks: [{ kind: 'module' as const, count: 2, path: './waits.mjs', args: { ms: 5 } }] };
    const log = progressLog();
    const result = await runExperiment(fixture.service(), fixture.store, { kind: 'repeat', scenario: own, repeat: 2, warmup: 1, scenarioDir: MODULES_DIR }, log);
    expect(log.seen).toEqual(['1/3 warm-up 1/1 completed', '2/3 repeat 1/2 completed', '3/3 repeat 2/2 completed']);
    expect(result.runs.map((r) => r.metrics?.ok)).toEqual([2, 2]);
    expect(result.runs.map((r) => fixture.store.getRunSummary(r.runId!)?.scenarioDir)).toEqual([MODULES_DIR, MODULES_DIR]);

    await expect(runExperiment(fixture.service(), fixture.store, { kind: 'repeat', scenario: own, repeat: 1 })).rejects.toThrow(/\.\/waits\.mjs/);
  });
});
