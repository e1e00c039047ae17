import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Scenario } from '../../../shared/scenario';
import { historyErrorOf, makeScenario, openTempStore } from './fixtures';

let temp: ReturnType<typeof openTempStore>;
beforeEach(() => {
  temp = openTempStore();
});
afterEach(() => temp.dispose());

describe('saved scenarios', () => {
  it('saves, lists by name, replaces and deletes', () => {
    const zebra = temp.store.saveScenario({ name: 'zebra', scenario: makeScenario() });
    const apple = temp.store.saveScenario({ name: 'Apple', scenario: makeScenario({ strategy: { type: 'all' } }) });
    expect(zebra.createdAt).toBe(zebra.updatedAt);
    expect(temp.store.listScenarios().map((s) => s.name)).toEqual(['Apple', 'zebra']);
    expect(temp.store.getScenario(apple.id)?.scenario.strategy).toEqual({ type: 'all' });

    const replaced = temp.store.saveScenario({ id: zebra.id, name: 'Zebra 2', scenario: makeScenario({ name: 'Other' }) });
    expect(replaced).toMatchObject({ id: zebra.id, name: 'Zebra 2', createdAt: zebra.createdAt });
    expect(replaced.scenario.name).toBe('Other');
    expect(replaced.updatedAt >= zebra.updatedAt).toBe(true);
    expect(temp.store.listScenarios()).toHaveLength(2);

    expect(temp.store.deleteScenario(zebra.id)).toBe(true);
    expect(temp.store.deleteScenario(zebra.id)).toBe(false);
    expect(temp.store.getScenario(zebra.id)).toBeNull();
  });

  it('refuses an invalid scenario or unknown id, keeping what is saved', () => {
    const saved = temp.store.saveScenario({ name: 'mine', scenario: makeScenario() });
    const broken = { ...makeScenario(), tasks: [{ kind: 'timer', count: -4, ms: 1 }] } as unknown as Scenario;
    const error = historyErrorOf(() => temp.store.saveScenario({ id: saved.id, name: 'mine', scenario: broken }));
    expect(error.message).toContain('scenario.tasks[0].count: must be a whole number >= 1, got -4');
    expect(temp.store.getScenario(saved.id)).toEqual(saved);
    expect(historyErrorOf(() => temp.store.saveScenario({ id: 77, name: 'x', scenario: makeScenario() })).message).toBe(
      'There is no saved scenario with id 77.',
    );
    expect(temp.store.listScenarios()).toHaveLength(1);
  });
});

describe('experiments', () => {
  it('groups runs and reports them', () => {
    const params = { variants: [{ concurrency: 4 }, { concurrency: 8 }], repeats: 3 };
    const sweep = temp.store.createExperiment({ kind: 'sweep', name: 'Pool size', params });
    const repeat = temp.store.createExperiment({ kind: 'repeat', name: 'Again', params: null });
    const first = temp.store.createRun({ scenario: makeScenario(), experimentId: sweep });
    const second = temp.store.createRun({ scenario: makeScenario(), experimentId: sweep });
    temp.store.createRun({ scenario: makeScenario() });

    const experiment = temp.store.getExperiment(sweep);
    expect(experiment).toMatchObject({ id: sweep, kind: 'sweep', name: 'Pool size', params, runIds: [first, second] });
    expect(temp.store.getRunSummary(first)?.experimentId).toBe(sweep);
    expect(temp.store.listRuns({ experimentId: sweep }).map((r) => r.id)).toEqual([second, first]);
    expect(temp.store.listExperiments().map((e) => [e.id, e.runCount])).toEqual([
      [repeat, 0],
      [sweep, 2],
    ]);

    temp.store.deleteRuns([first]);
    expect(temp.store.getExperiment(sweep)?.runIds).toEqual([second]);
    expect(temp.store.getExperiment(999)).toBeNull();
  });

  it('refuses a bad kind, an empty name or params that are not JSON data', () => {
    const error = historyErrorOf(() => temp.store.createExperiment({ kind: 'grid' as 'sweep', name: '', params: {} }));
    expect(error.problems.map((p) => p.path)).toEqual(['kind', 'name']);
    expect(historyErrorOf(() => temp.store.createExperiment({ kind: 'matrix', name: 'm', params: { n: 1n } })).message).toContain(
      'params: must be plain JSON data',
    );
    expect(temp.store.listExperiments()).toEqual([]);
  });
});
