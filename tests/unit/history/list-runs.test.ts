import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunQuery } from '../../../shared/run/run-query';
import { historyErrorOf, makeRunExport, makeScenario, openTempStore } from './fixtures';

let temp: ReturnType<typeof openTempStore>;
const ids: Record<string, number> = {};

beforeAll(() => {
  temp = openTempStore();
  const { store } = temp;
  ids.alpha = store.importRun(
    makeRunExport({ name: 'Alpha pool', createdAt: '2025-01-10T08:00:00.000Z', wallMs: 300, tags: ['baseline'], notes: 'before the fix' }, 10),
  );
  ids.beta = store.importRun(
    makeRunExport({ name: 'beta all', strategy: { type: 'all' }, createdAt: '2025-02-20T23:59:59.000Z', wallMs: 100, tags: ['fix'] }, 20),
  );
  ids.gamma = store.importRun(
    makeRunExport({ name: 'Gamma 100% sequential', strategy: { type: 'sequential' }, status: 'cancelled', createdAt: '2025-02-21T00:00:00.000Z', wallMs: 200 }, 3),
  );
  ids.live = store.createRun({ scenario: makeScenario({ name: 'Live one' }), tags: ['fix', 'baseline'] });
});
afterAll(() => temp.dispose());

function names(query: RunQuery): string[] {
  return temp.store.listRuns(query).map((r) => r.name);
}

describe('listRuns and countRuns', () => {
  it('lists every run newest first by default', () => {
    expect(names({})).toEqual(['Live one', 'Gamma 100% sequential', 'beta all', 'Alpha pool']);
    expect(temp.store.countRuns()).toBe(4);
  });

  it('filters by text in name, scenario name or notes, case-insensitively and literally', () => {
    expect(names({ text: 'ALPHA' })).toEqual(['Alpha pool']);
    expect(names({ text: 'the fix' })).toEqual(['Alpha pool']);
    expect(names({ text: 'timers on' })).toHaveLength(3);
    expect(names({ text: '100%' })).toEqual(['Gamma 100% sequential']);
    expect(names({ text: '_' })).toEqual([]);
  });

  it('filters by strategy type, status and tag', () => {
    expect(names({ strategy: 'pool' })).toEqual(['Live one', 'Alpha pool']);
    expect(names({ status: 'cancelled' })).toEqual(['Gamma 100% sequential']);
    expect(names({ status: 'running' })).toEqual(['Live one']);
    expect(names({ tag: 'fix' })).toEqual(['Live one', 'beta all']);
    expect(names({ tag: 'fix', strategy: 'all' })).toEqual(['beta all']);
    expect(temp.store.countRuns({ tag: 'baseline' })).toBe(2);
  });

  it('filters by creation time; a date alone covers its whole day', () => {
    expect(names({ from: '2025-02-01', to: '2025-02-20' })).toEqual(['beta all']);
    expect(names({ from: '2025-02-21', to: '2025-02-21' })).toEqual(['Gamma 100% sequential']);
    expect(names({ to: '2025-02-20T12:00:00+00:00' })).toEqual(['Alpha pool']);
    expect(names({ from: '2025-02-21T01:00:00+01:00', to: '2025-12-31' })).toEqual(['Gamma 100% sequential']);
    expect(names({ from: '2025-02-21T01:00:00+02:00', to: '2025-12-31' })).toEqual(['Gamma 100% sequential', 'beta all']);
  });

  it('sorts by each key both ways, runs without a wall time last', () => {
    expect(names({ sort: 'wallMs', order: 'asc' })).toEqual(['beta all', 'Gamma 100% sequential', 'Alpha pool', 'Live one']);
    expect(names({ sort: 'wallMs', order: 'desc' })).toEqual(['Alpha pool', 'Gamma 100% sequential', 'beta all', 'Live one']);
    expect(names({ sort: 'tasks', order: 'desc' })).toEqual(['beta all', 'Alpha pool', 'Gamma 100% sequential', 'Live one']);
    expect(names({ sort: 'name', order: 'asc' })).toEqual(['Alpha pool', 'beta all', 'Gamma 100% sequential', 'Live one']);
    expect(names({ sort: 'status', order: 'asc' })[0]).toBe('Gamma 100% sequential');
    const byFailures = temp.store.listRuns({ sort: 'failures', order: 'asc' }).map((r) => r.failures);
    expect(byFailures).toEqual([...byFailures].sort((a, b) => a - b));
    expect(names({ sort: 'createdAt', order: 'asc' })).toEqual(['Alpha pool', 'beta all', 'Gamma 100% sequential', 'Live one']);
  });

  it('pages with limit and offset while countRuns gives the total', () => {
    expect(names({ limit: 2 })).toEqual(['Live one', 'Gamma 100% sequential']);
    expect(names({ limit: 2, offset: 2 })).toEqual(['beta all', 'Alpha pool']);
    expect(names({ offset: 3 })).toEqual(['Alpha pool']);
    expect(temp.store.countRuns({ limit: 1 })).toBe(4);
  });

  it('refuses a bad query, naming each bad field', () => {
    const error = historyErrorOf(() => temp.store.listRuns({ sort: 'speed', limit: 0, from: 'yesterday' } as unknown as RunQuery));
    expect(error.code).toBe('invalid');
    expect(error.problems.map((p) => p.path).sort()).toEqual(['from', 'limit', 'sort']);
    expect(error.message).toContain('from: must be a date (2025-03-01) or an ISO 8601 time');
    expect(historyErrorOf(() => temp.store.countRuns({ strategy: 'magic' } as unknown as RunQuery)).problems[0]?.path).toBe('strategy');
  });
});
