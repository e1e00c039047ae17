import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../../shared/api/api-client';
import type { ScenarioInput } from '../../../shared/scenario';
import { ApiError } from '../../../shared/api/api-error';
import { createApiEndpoint, type ApiHandlers } from '../../../electron/backend/api/api-endpoint';
import { ApiEventHub } from '../../../electron/backend/api/event-hub';

const scenario: ScenarioInput = { version: 1, name: 'Timers', strategy: { type: 'pool', concurrency: 2 }, tasks: [{ kind: 'timer', count: 3, ms: 5 }] };

function setup(handlers: Partial<ApiHandlers>) {
  const hub = new ApiEventHub();
  const endpoint = createApiEndpoint(handlers, hub);
  return { hub, endpoint, api: createApiClient(endpoint) };
}

async function apiError(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('the backend endpoint', () => {
  it('hands the handler arguments with defaults filled in, and returns its result', async () => {
    const seen: unknown[] = [];
    const { api } = setup({
      'runs.start': (args) => {
        seen.push(args);
        return { key: '7', runId: 7 };
      },
    });
    await expect(api.runs.start({ scenario })).resolves.toEqual({ key: '7', runId: 7 });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ scenario: { options: { timeoutMs: 30_000, retries: 0, seed: 1 } } });
  });

  it('refuses a bad payload with bad_request naming every problem, without calling the handler', async () => {
    let called = 0;
    const { api } = setup({ 'runs.start': () => ((called += 1), { key: '1', runId: 1 }) });
    const bad = { ...scenario, tasks: [{ kind: 'timer', count: -4, ms: 5 }], extra: true };
    const error = await apiError(api.call('runs.start', { scenario: bad as never }));
    expect(error.code).toBe('bad_request');
    expect(error.problems).toEqual(
      expect.arrayContaining([
        { path: 'scenario.tasks[0].count', message: 'must be a whole number >= 1, got -4' },
        { path: 'scenario', message: 'has unknown field "extra"' },
      ]),
    );
    expect(error.message).toContain('Bad arguments for runs.start');
    expect(error.message).toContain('scenario.tasks[0].count: must be a whole number >= 1, got -4');
    expect(called).toBe(0);
  });

  it('refuses arguments that are not an object at all', async () => {
    const { endpoint } = setup({ 'history.get': () => { throw new Error('not reached'); } });
    for (const args of [null, 'text', 42, [], undefined]) {
      const response = await endpoint.call('history.get', args);
      expect(response).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
  });

  it('refuses unknown methods, including names inherited from Object', async () => {
    const { endpoint } = setup({});
    for (const method of ['runs.explode', 'toString', '__proto__', 'constructor']) {
      const response = await endpoint.call(method, {});
      expect(response).toEqual({
        ok: false,
        error: { code: 'unknown_method', message: `${JSON.stringify(method)} is not a method of the API`, problems: [] },
      });
    }
  });

  it('answers unavailable for a contract method this host does not serve', async () => {
    const { api } = setup({});
    const error = await apiError(api.experiments.list());
    expect(error.code).toBe('unavailable');
    expect(error.message).toContain('experiments.list');
  });

  it('passes an ApiError from a handler through unchanged, and turns other failures into internal errors', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { api } = setup({
      'history.get': ({ id }) => { throw new ApiError('not_found', `There is no run ${id}`); },
      'history.list': () => { throw new TypeError('database is locked'); },
    });
    const notFound = await apiError(api.history.get({ id: 3 }));
    expect([notFound.code, notFound.message]).toEqual(['not_found', 'There is no run 3']);
    const internal = await apiError(api.history.list());
    expect(internal.code).toBe('internal');
    expect(internal.message).toBe('history.list failed: database is locked');
    expect(internal.message).not.toMatch(/\bat .*:\d+/);
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ message: 'database is locked' }));
    log.mockRestore();
  });

  it('delivers events to every subscriber until each unsubscribes', () => {
    const { api, hub } = setup({});
    const first: number[] = [];
    const second: number[] = [];
    const stopFirst = api.onRunProgress((p) => first.push(p.done));
    api.subscribe('runProgress', (p) => second.push(p.done));
    const progress = { key: 'k', runId: null, total: 10, inFlight: 1, elapsedMs: 3 };
    hub.emit('runProgress', { ...progress, done: 1 });
    stopFirst();
    hub.emit('runProgress', { ...progress, done: 2 });
    expect(first).toEqual([1]);
    expect(second).toEqual([1, 2]);
  });

  it('keeps delivering when one subscriber throws', () => {
    const { api, hub } = setup({});
    const heard: string[] = [];
    api.onRunFinished(() => { throw new Error('window closed'); });
    api.onRunFinished((p) => heard.push(p.key));
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    hub.emit('runFinished', { key: 'a', runId: 1, status: 'completed', metrics: null, error: null });
    expect(log).toHaveBeenCalledWith('A listener of "runFinished" failed: window closed');
    log.mockRestore();
    expect(heard).toEqual(['a']);
  });

  it('refuses a subscription to an event that is not in the contract', () => {
    const { endpoint } = setup({});
    expect(() => endpoint.subscribe('runExploded', () => {})).toThrow(ApiError);
  });
});
