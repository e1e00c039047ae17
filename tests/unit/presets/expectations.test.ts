import { describe, expect, it } from 'vitest';
import {
  EXPECTATION_METRICS,
  PRESETS,
  checkExpectation,
  expectationVerdicts,
  findPreset,
  metricValue,
  variantScenario,
  type VariantRun,
} from '../../../shared/presets';
import { checkScenario, type Scenario } from '../../../shared/scenario';
import { makeMetrics } from '../history/fixtures';

const sequentialVsAll = findPreset('sequential-vs-all')!;
const cpuVsWorkers = findPreset('cpu-loop-vs-workers')!;

function scenarioOf(presetId: string, variantId: string): Scenario {
  const preset = findPreset(presetId)!;
  const check = checkScenario(variantScenario(preset, preset.variants.find((v) => v.id === variantId)!));
  if (!check.ok) throw new Error('invalid variant');
  return check.scenario;
}

function runOf(presetId: string, variantId: string, changes: { wallMs?: number; maxInFlight?: number }): VariantRun {
  return { metrics: { ...makeMetrics([]), ...changes }, scenario: scenarioOf(presetId, variantId) };
}

const QUIET = { cpuCount: 4, loadAverage1m: 0.5 };

describe("the presets' expectations", () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))('%s: name its own variants and known metrics', (_id, preset) => {
    expect(preset.expectations.length).toBeGreaterThan(0);
    const ids = new Set(preset.variants.map((v) => v.id));
    for (const e of preset.expectations) {
      expect(ids.has(e.variant), e.variant).toBe(true);
      if ('of' in e) expect(ids.has(e.of), e.of).toBe(true);
      expect(EXPECTATION_METRICS).toContain(e.metric);
    }
  });

  it('reads a metric by its dotted name', () => {
    const metrics = { ...makeMetrics([]), loopDelayMs: { p50: 1, p99: 42, max: 50 } };
    expect(metricValue(metrics, 'loopDelayMs.p99')).toBe(42);
    expect(metricValue(metrics, 'wallMs')).toBe(metrics.wallMs);
  });

  it('needs every variant it names, and compares by factor or a fixed value', () => {
    const wall = sequentialVsAll.expectations[0]!;
    const one = { ...makeMetrics([]), wallMs: 1000 };
    expect(checkExpectation(wall, { sequential: one })).toBeNull();
    expect(checkExpectation(wall, { sequential: one, all: { ...one, wallMs: 100 } })).toMatchObject({ met: true, ratio: 10 });
    expect(checkExpectation(wall, { sequential: one, all: { ...one, wallMs: 500 } })).toMatchObject({ met: false, ratio: 2 });
    expect(checkExpectation({ metric: 'orphaned', variant: 'all', op: '>', value: 0 }, { all: one })).toMatchObject({ met: false, measured: 0 });
  });
});

describe('expectationVerdicts: each lesson judged on this machine, in words', () => {
  it('says "As expected" with the measured ratio', () => {
    const verdicts = expectationVerdicts(
      sequentialVsAll,
      { sequential: runOf('sequential-vs-all', 'sequential', { wallMs: 1005, maxInFlight: 1 }), all: runOf('sequential-vs-all', 'all', { wallMs: 104, maxInFlight: 10 }) },
      QUIET,
    );
    expect(verdicts.map((v) => v.check.met)).toEqual([true, true, true]);
    expect(verdicts[0]!.sentence).toBe('As expected: sequential took 9.7x Promise.all (expected >= 3.0x).');
    expect(verdicts[1]!.sentence).toBe('As expected: sequential: peak in flight 1 (expected <= 1).');
  });

  it('leaves out what the variants run so far cannot decide', () => {
    const verdicts = expectationVerdicts(sequentialVsAll, { all: runOf('sequential-vs-all', 'all', { maxInFlight: 10 }) }, QUIET);
    expect(verdicts).toHaveLength(1);
    expect(verdicts[0]!.check.expectation).toMatchObject({ variant: 'all', metric: 'maxInFlight' });
  });

  it('blames a changed scenario first, then one core, then a busy machine, and else nothing', () => {
    const runs = { all: runOf('cpu-loop-vs-workers', 'all', { wallMs: 1000 }), 'workers-2': runOf('cpu-loop-vs-workers', 'workers-2', { wallMs: 950 }) };
    const parallel = (machine: { cpuCount: number; loadAverage1m: number } | null, changed = runs) =>
      expectationVerdicts(cpuVsWorkers, changed, machine).find((v) => v.check.expectation.needsCores !== undefined)!;
    expect(parallel(QUIET)).toMatchObject({ reason: null, reasonText: null });
    expect(parallel(QUIET).sentence).toMatch(/^Not as expected: 2 worker threads took 0\.9(5)?x Promise\.all/);
    expect(parallel({ cpuCount: 1, loadAverage1m: 0 })).toMatchObject({ reason: 'one-core' });
    expect(parallel({ cpuCount: 2, loadAverage1m: 3.4 })).toMatchObject({ reason: 'busy-machine', reasonText: 'the machine is busy: load average 3.4 over its 2 cores' });
    const edited = { ...runs, 'workers-2': { ...runs['workers-2'], scenario: { ...runs['workers-2'].scenario, strategy: { type: 'workers' as const, threads: 1 } } } };
    expect(parallel({ cpuCount: 1, loadAverage1m: 9 }, edited)).toMatchObject({
      reason: 'scenario-changed',
      reasonText: 'the scenario of 2 worker threads differs from the built-in variant',
    });
    expect(parallel(null)).toMatchObject({ reason: null });
  });
});
