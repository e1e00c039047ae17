import { expect, test } from './fixtures/app-test';
import { callApiFromPage } from './fixtures/api-from-page';

test('bad API payloads from the page get clear errors, not crashes', async ({ page }) => {
  const badScenario = { version: 1, name: 'x', strategy: { type: 'pool', concurrency: 0 }, tasks: [{ kind: 'timer', count: -4, ms: 1 }] };
  const response = await callApiFromPage(page, 'runs.start', { scenario: badScenario });
  expect(response).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  expect(response.ok ? [] : response.error.problems).toEqual(
    expect.arrayContaining([
      { path: 'scenario.tasks[0].count', message: 'must be a whole number >= 1, got -4' },
      { path: 'scenario.strategy.concurrency', message: 'must be a whole number >= 1, got 0' },
    ]),
  );
  expect(await callApiFromPage(page, 'history.get', { id: 'seven' })).toMatchObject({ ok: false, error: { code: 'bad_request', problems: [{ path: 'id' }] } });
  expect(await callApiFromPage(page, 'system.exec', { command: 'rm' })).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  expect(await callApiFromPage(page, 'history.get', { id: 12 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  // The backend is still serving after all of that.
  expect(await callApiFromPage(page, 'history.list', {})).toEqual({ ok: true, result: { runs: [], total: 0 } });
});
