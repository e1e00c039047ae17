import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryStore } from '../../../electron/backend/history';
import { compareJson, renderComparison, repeatGroups } from '../../../electron/cli/compare/compare-report';
import { LEGACY_RECORD_VERSION, OLDER_ENGINE_NOTE, RECORD_VERSION } from '../../../shared/run/record-version';
import type { RunDetail } from '../../../shared/run/run-schema';
import { ScenarioSchema } from '../../../shared/scenario';
import { metricsWith } from '../stats/metrics-fixture';

let dir: string;
let store: HistoryStore;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cli-compare-'));
  store = HistoryStore.open(path.join(dir, 'history.sqlite'));
});

afterEach(async () => {
  store.close();
  await rm(dir, { recursive: true, force: true });
});

const scenario = ScenarioSchema.parse({ version: 1, name: 'Timers', strategy: { type: 'all' }, tasks: [{ kind: 'timer', count: 4, ms: 5 }] });

function storeRun(wallMs: number | null, experimentId: number | null = null): number {
  const id = store.createRun({ scenario, experimentId });
  store.finishRun(id, wallMs === null ? { status: 'failed', metrics: null, error: 'broke' } : { status: 'completed', metrics: metricsWith({ wallMs }) });
  return id;
}

function storeExperiment(kind: 'repeat' | 'matrix', wallTimes: readonly (number | null)[]): number[] {
  const experimentId = store.createExperiment({ kind, name: kind, params: {} });
  return wallTimes.map((wallMs) => storeRun(wallMs, experimentId));
}

const details = (ids: readonly number[]): RunDetail[] => ids.map((id) => store.getRun(id)!);

describe('comparing runs of repeat experiments', () => {
  it('compares each run with the first, and the repeats they belong to as whole groups with Welch', () => {
    const fast = storeExperiment('repeat', [100, 102, 98, null]);
    const slow = storeExperiment('repeat', [200, 204, 196]);
    const runs = details([fast[0]!, slow[1]!]);
    const groups = repeatGroups(store, runs);
    expect(groups?.map((g) => [g.title, g.runIds])).toEqual([
      [`experiment ${runs[0]!.experimentId}`, fast.slice(0, 3)],
      [`experiment ${runs[1]!.experimentId}`, slow],
    ]);

    const json = compareJson(runs, groups);
    expect(json.baseline).toBe(fast[0]);
    expect(json.runs[1]?.comparison?.['wallMs']).toMatchObject({ ratio: 2.04, verdict: 'worse' });
    const wall = json.repeats?.metrics.find((m) => m.key === 'wallMs');
    expect(wall?.baseline).toMatchObject({ mean: 100, n: 3 });
    expect(wall?.others[0]).toMatchObject({ summary: { mean: 200, n: 3 }, verdict: 'worse', welch: { significant: true } });

    const text = renderComparison(runs, groups);
    expect(text).toMatch(/^Compared as repeats/m);
    expect(text).toMatch(/^wall time\s+100 ± [\d.]+ ms \(95% CI, n=3\)\s+200 ± [\d.]+ ms \(95% CI, n=3\)\s+2\.0x worse, p[=<][\d.]+, significant$/m);
  });

  it('counts a run outside any repeat as a group of one, and says a difference it cannot test is not tested', () => {
    const repeat = storeExperiment('repeat', [100, 110]);
    const single = storeRun(300);
    const groups = repeatGroups(store, details([single, repeat[0]!, repeat[1]!]));
    expect(groups?.map((g) => g.runIds)).toEqual([[single], repeat]);
    expect(renderComparison(details([single, repeat[0]!]), groups)).toMatch(/^wall time\s+300 ms \(n=1\)\s+105 ± [\d.]+ ms \(95% CI, n=2\)\s+0\.35x better, not tested$/m);
  });

  it('has nothing to compare as repeats without a repeat experiment, or with a single group', () => {
    const matrix = storeExperiment('matrix', [100, 200]);
    expect(repeatGroups(store, details(matrix))).toBeNull();
    const repeat = storeExperiment('repeat', [100, 110]);
    expect(repeatGroups(store, details(repeat))).toBeNull();
    expect(repeatGroups(store, details([repeat[0]!, storeRun(null)]))).toBeNull();
    expect(compareJson(details(matrix), null).repeats).toBeNull();
    expect(renderComparison(details(matrix), null)).not.toMatch(/repeats/);
  });
});

describe('comparing across the engine change', () => {
  it('says so when a run was recorded by an older engine, and says nothing otherwise', () => {
    const runs = details([storeRun(100), storeRun(120)]);
    expect(compareJson(runs, null).note).toBeNull();
    expect(renderComparison(runs, null)).not.toMatch(/older engine/);
    const mixed = [runs[0]!, { ...runs[1]!, recordVersion: LEGACY_RECORD_VERSION }];
    expect(compareJson(mixed, null).note).toBe(OLDER_ENGINE_NOTE);
    expect(compareJson(mixed, null).runs.map((r) => r.recordVersion)).toEqual([RECORD_VERSION, LEGACY_RECORD_VERSION]);
    expect(renderComparison(mixed, null)).toContain(`Note: ${OLDER_ENGINE_NOTE}`);
  });
});
