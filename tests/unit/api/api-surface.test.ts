import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApiClient } from '../../../shared/api/api-client';
import { API_EVENT_NAMES, API_METHOD_NAMES, API_METHODS } from '../../../shared/api/api-contract';

describe('the API surface', () => {
  it('is pinned: method names, argument schemas and event names change only with this snapshot', async () => {
    const surface = {
      methods: Object.fromEntries(
        API_METHOD_NAMES.map((name) => [name, z.toJSONSchema(API_METHODS[name].args, { io: 'input', unrepresentable: 'any' })]),
      ),
      events: API_EVENT_NAMES,
    };
    await expect(`${JSON.stringify(surface, null, 2)}\n`).toMatchFileSnapshot('./__snapshots__/api-surface.json');
  });

  it('names every method domain.verb and has the methods the renderer needs', () => {
    for (const name of API_METHOD_NAMES) expect(name).toMatch(/^[a-z]+\.[a-z][A-Za-z]*$/);
    expect(API_METHOD_NAMES).toEqual(
      expect.arrayContaining([
        'scenarios.list', 'scenarios.get', 'scenarios.save', 'scenarios.delete', 'scenarios.validate', 'consent.check', 'consent.grant',
        'runs.start', 'runs.cancel', 'runs.active',
        'history.list', 'history.get', 'history.getColumnar', 'history.update', 'history.export', 'history.import', 'history.delete', 'history.restore',
        'experiments.get', 'experiments.list', 'experiments.run', 'experiments.open', 'experiments.cancel', 'experiments.active',
      ]),
    );
    expect(API_EVENT_NAMES).toEqual(['runPreparing', 'runStarted', 'runProgress', 'runEvents', 'runFinished', 'experimentProgress', 'experimentFinished', 'menuCommand', 'updateReady']);
  });

  it('derives a typed client with a function per method and per event', async () => {
    const calls: [string, unknown][] = [];
    const subscribed: string[] = [];
    const api = createApiClient({
      call: async (method, args) => (calls.push([method, args]), { ok: true, result: null }),
      subscribe: (event) => (subscribed.push(event), () => {}),
    });
    await api.history.get({ id: 4 });
    await api.scenarios.list();
    api.onRunEvents(() => {});
    expect(calls).toEqual([['history.get', { id: 4 }], ['scenarios.list', {}]]);
    expect(subscribed).toEqual(['runEvents']);
    for (const name of API_METHOD_NAMES) {
      const [domain, verb] = name.split('.') as [string, string];
      expect(typeof (api as unknown as Record<string, Record<string, unknown>>)[domain]?.[verb]).toBe('function');
    }
  });
});
