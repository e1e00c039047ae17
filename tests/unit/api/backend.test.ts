import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../shared/api/api-client';
import { ApiError } from '../../../shared/api/api-error';
import { findFindings, findingColumnsOf } from '../../../shared/findings';
import { PRESETS } from '../../../shared/presets';
import type { HistoryStore } from '../../../electron/backend/history';
import { EXPORT_FORMATS } from '../../../electron/backend/transfer';
import { RUN_EXPORT_FORMATS } from '../../../shared/api/history-methods';
import { apiOver } from './backend-fixture';
import { makeMetrics, makeSamples, makeScenario, makeTasks, openTempStore } from '../history/fixtures';

let temp: ReturnType<typeof openTempStore>;
let api: ApiClient;

beforeEach(() => {
  temp = openTempStore();
  api = apiOver(temp.store);
});
afterEach(() => temp.dispose());

async function apiError(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

function recordRun(store: HistoryStore, name: string): number {
  const id = store.createRun({ scenario: makeScenario(), name, tags: ['base'] });
  const tasks = makeTasks(8);
  store.recordStarted(id, { startedAtEpochMs: Date.now(), totalTasks: 8, lanes: 4 });
  store.appendBatch(id, { finished: tasks, samples: makeSamples(3) });
  store.finishRun(id, { status: 'completed', metrics: makeMetrics(tasks) });
  return id;
}

describe('the backend: scenarios', () => {
  it('lists every built-in experiment and the saved scenarios', async () => {
    const empty = await api.scenarios.list();
    expect(empty.builtIn.map((p) => p.id)).toEqual(PRESETS.map((p) => p.id));
    expect(empty.saved).toEqual([]);
    const saved = await api.scenarios.save({ name: 'Mine', scenario: makeScenario() });
    expect((await api.scenarios.list()).saved).toEqual([saved]);
    expect(await api.scenarios.get({ id: saved.id })).toEqual(saved);
  });

  it('refuses to save a bad scenario, naming the field, and stores nothing', async () => {
    const bad = { ...makeScenario(), tasks: [{ kind: 'timer', count: 0, ms: 1 }] };
    const error = await apiError(api.scenarios.save({ name: 'Bad', scenario: bad as never }));
    expect(error.code).toBe('bad_request');
    expect(error.problems).toEqual([{ path: 'scenario.tasks[0].count', message: 'must be a whole number >= 1, got 0' }]);
    expect(temp.store.listScenarios()).toEqual([]);
  });

  it('says not_found for a missing saved scenario, and whether a delete removed one', async () => {
    expect((await apiError(api.scenarios.get({ id: 99 }))).code).toBe('not_found');
    const { id } = await api.scenarios.save({ name: 'Gone soon', scenario: makeScenario() });
    expect(await api.scenarios.delete({ id })).toEqual({ deleted: true });
    expect(await api.scenarios.delete({ id })).toEqual({ deleted: false });
  });

  it('validates editor text: every problem, or the scenario with defaults', async () => {
    const broken = await api.scenarios.validate({ text: '{"version": 1,' });
    expect(broken).toMatchObject({ ok: false, problems: [{ path: '(root)', message: expect.stringContaining('not valid JSON') }] });
    const good = await api.scenarios.validate({ text: JSON.stringify({ ...makeScenario(), options: undefined }) });
    expect(good).toMatchObject({ ok: true, scenario: { options: { timeoutMs: 30_000 } } });
  });
});

describe('the backend: findings and the machine', () => {
  it("answers a run's findings from its stored records, the same as the rules over the whole run give", async () => {
    const id = temp.store.createRun({ scenario: makeScenario(), name: 'blocked', tags: [] });
    const tasks = makeTasks(8);
    temp.store.recordStarted(id, { startedAtEpochMs: Date.now(), totalTasks: 8, lanes: 4 });
    // One sample of a loop held for 400 ms: loop-blocked fires.
    const samples = [...makeSamples(3), { ...makeSamples(1, 30)[0]!, loopDelayMs: 400 }];
    temp.store.appendBatch(id, { finished: tasks, samples });
    temp.store.finishRun(id, { status: 'completed', metrics: makeMetrics(tasks) });
    const findings = await api.history.findings({ id });
    expect(findings.map((f) => f.id)).toContain('loop-blocked');
    const run = await api.history.get({ id });
    expect(findings).toEqual(findFindings({ scenario: run.scenario, tasks: findingColumnsOf(run.tasks), samples: run.samples, metrics: run.metrics! }));
  });

  it('says not_found for the findings of an unknown run, and none for a run without metrics', async () => {
    expect((await apiError(api.history.findings({ id: 404 }))).code).toBe('not_found');
    const id = temp.store.createRun({ scenario: makeScenario(), name: 'failed', tags: [] });
    temp.store.finishRun(id, { status: 'failed', metrics: null, error: 'the engine process died' });
    expect(await api.history.findings({ id })).toEqual([]);
  });

  it("reports the machine's cores and load", async () => {
    const machine = await api.runs.machine();
    expect(machine.cpuCount).toBeGreaterThanOrEqual(1);
    expect(machine.loadAverage1m).toBeGreaterThanOrEqual(0);
  });
});

describe('the backend: history', () => {
  it('lists runs with the total that match, and gets one with every task', async () => {
    const first = recordRun(temp.store, 'First');
    recordRun(temp.store, 'Second');
    const page = await api.history.list({ limit: 1, sort: 'name', order: 'asc' });
    expect(page.total).toBe(2);
    expect(page.runs.map((r) => r.name)).toEqual(['First']);
    const run = await api.history.get({ id: first });
    expect(run.tasks).toHaveLength(8);
    expect(run.samples).toHaveLength(3);
  });

  it('refuses a bad query, naming the field', async () => {
    const error = await apiError(api.history.list({ limit: 0 }));
    expect(error.code).toBe('bad_request');
    expect(error.problems[0]?.path).toBe('limit');
  });

  it('updates name, notes and tags; an unknown id is not_found', async () => {
    const id = recordRun(temp.store, 'Before');
    const updated = await api.history.update({ id, name: 'After', notes: 'pool of 2 was enough', tags: ['keep'] });
    expect(updated).toMatchObject({ id, name: 'After', notes: 'pool of 2 was enough', tags: ['keep'] });
    const missing = await apiError(api.history.update({ id: 4242, name: 'x' }));
    expect(missing.code).toBe('not_found');
    expect(missing.message).toContain('4242');
  });

  it('deletes runs and restores them (Undo)', async () => {
    const ids = [recordRun(temp.store, 'a'), recordRun(temp.store, 'b')];
    expect(await api.history.delete({ ids })).toEqual({ deleted: 2 });
    expect((await api.history.list()).total).toBe(0);
    expect((await apiError(api.history.get({ id: ids[0]! }))).code).toBe('not_found');
    expect(await api.history.restore({ ids })).toEqual({ restored: 2 });
    expect((await api.history.list()).total).toBe(2);
    expect((await apiError(api.history.delete({ ids: [] }))).code).toBe('bad_request');
  });
});

describe('the backend: export and import', () => {
  it('offers exactly the formats the transfer module writes', () => {
    expect([...RUN_EXPORT_FORMATS]).toEqual([...EXPORT_FORMATS]);
  });

  it('exports a run as a named file in each format, and imports the JSON back as a new run', async () => {
    const id = recordRun(temp.store, 'Round trip');
    const json = await api.history.export({ id, format: 'json' });
    expect(json).toMatchObject({ fileName: `run-${id}-round-trip.json`, mimeType: 'application/json' });
    const csv = await api.history.export({ id, format: 'csv' });
    expect(csv).toMatchObject({ fileName: `run-${id}-round-trip.csv`, mimeType: 'text/csv' });
    expect(csv.content.startsWith('index,group,kind,lane,queuedMs,startMs,endMs,observedMs,status,orphaned,error,attempts')).toBe(true);
    const trace = await api.history.export({ id, format: 'trace' });
    expect(JSON.parse(trace.content)).toHaveProperty('traceEvents');

    const { id: copy } = await api.history.import({ text: json.content });
    expect(copy).not.toBe(id);
    const [original, imported] = [await api.history.get({ id }), await api.history.get({ id: copy })];
    expect(imported.tasks).toEqual(original.tasks);
    expect(imported.name).toBe('Round trip');
  });

  it('refuses a bad import with every problem and stores nothing', async () => {
    for (const text of ['not json', '{"format":"something-else"}', JSON.stringify({ traceEvents: [] })]) {
      const error = await apiError(api.history.import({ text }));
      expect(error.code).toBe('bad_request');
      expect(error.problems.length).toBeGreaterThan(0);
      expect(error.message).toContain(error.problems[0]!.message);
    }
    expect((await api.history.list()).total).toBe(0);
  });

  it('says not_found when exporting a run that does not exist', async () => {
    expect((await apiError(api.history.export({ id: 77, format: 'csv' }))).code).toBe('not_found');
  });
});

describe('the backend: experiments and runs', () => {
  it('lists experiments and gets one with its runs', async () => {
    const id = temp.store.createExperiment({ kind: 'repeat', name: 'Five times', params: { repeat: 5 } });
    const runId = temp.store.createRun({ scenario: makeScenario(), experimentId: id });
    expect(await api.experiments.list()).toEqual([expect.objectContaining({ id, kind: 'repeat', runCount: 1 })]);
    expect(await api.experiments.get({ id })).toMatchObject({ id, params: { repeat: 5 }, runIds: [runId] });
    expect((await apiError(api.experiments.get({ id: id + 1 }))).code).toBe('not_found');
  });

  it('has no active runs and cancels nothing when nothing runs', async () => {
    expect(await api.runs.active()).toEqual([]);
    expect(await api.runs.cancel({ key: '12' })).toEqual({ cancelled: false });
  });
});
