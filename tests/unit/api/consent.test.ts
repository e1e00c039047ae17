import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../shared/api/api-client';
import { ApiError } from '../../../shared/api/api-error';
import { HistoryStore } from '../../../electron/backend/history';
import { openTempStore } from '../history/fixtures';
import { apiOver } from './backend-fixture';

let temp: ReturnType<typeof openTempStore>;
let api: ApiClient;

beforeEach(() => {
  temp = openTempStore();
  api = apiOver(temp.store);
});
afterEach(() => temp.dispose());

const timers = { kind: 'timer' as const, count: 3, ms: 1 };
const remover = { kind: 'spawn' as const, count: 2, command: 'sh', args: ['-c', 'rm -rf "$HOME/x"'] };
const spawning = { version: 1 as const, name: 'Just timers', strategy: { type: 'all' as const }, tasks: [timers, remover] };

describe('consent for scenarios that execute code', () => {
  it('lists each command line exactly, and remembers Run for that exact content only', async () => {
    const check = await api.consent.check({ scenario: spawning });
    expect(check).toEqual({ granted: false, effects: [{ group: 1, kind: 'command', text: `sh -c 'rm -rf "$HOME/x"'` }] });
    await api.consent.grant({ scenario: spawning });
    expect((await api.consent.check({ scenario: spawning })).granted).toBe(true);
    const edited = { ...spawning, tasks: [timers, { ...remover, args: ['-c', 'rm -rf /'] }] };
    expect((await api.consent.check({ scenario: edited })).granted).toBe(false);
  });

  it("needs consent for a module (its code runs) and for a user's database (it is read), exactly like a command", async () => {
    const own = {
      ...spawning,
      tasks: [timers, { kind: 'module' as const, count: 1, path: './fetch-user.mjs' }, { kind: 'sqlite' as const, count: 1, database: '../data/app.db', sql: 'SELECT 1' }],
    };
    expect(await api.consent.check({ scenario: own })).toEqual({
      granted: false,
      effects: [
        { group: 1, kind: 'module', text: './fetch-user.mjs' },
        { group: 2, kind: 'database', text: '../data/app.db' },
      ],
    });
    await api.consent.grant({ scenario: own });
    expect((await api.consent.check({ scenario: own })).granted).toBe(true);
    const otherModule = { ...own, tasks: [timers, { kind: 'module' as const, count: 1, path: './other.mjs', export: 'run' }] };
    expect(await api.consent.check({ scenario: otherModule })).toEqual({ granted: false, effects: [{ group: 1, kind: 'module', text: './other.mjs (export run)' }] });
  });

  it("lists a module and a database absolute from the scenario's folder, and asks again for the same scenario in another folder", async () => {
    const own = {
      ...spawning,
      tasks: [timers, { kind: 'module' as const, count: 1, path: './fetch-user.mjs' }, { kind: 'sqlite' as const, count: 1, database: '../data/app.db', sql: 'SELECT 1' }],
    };
    expect(await api.consent.check({ scenario: own, scenarioDir: '/home/me/scenarios' })).toEqual({
      granted: false,
      effects: [
        { group: 1, kind: 'module', text: '/home/me/scenarios/fetch-user.mjs' },
        { group: 2, kind: 'database', text: '/home/me/data/app.db' },
      ],
    });
    await api.consent.grant({ scenario: own, scenarioDir: '/home/me/scenarios' });
    expect((await api.consent.check({ scenario: own, scenarioDir: '/home/me/scenarios' })).granted).toBe(true);
    expect((await api.consent.check({ scenario: own, scenarioDir: '/tmp/elsewhere' })).granted).toBe(false);
    const relative = await api.consent.check({ scenario: own, scenarioDir: 'scenarios' }).then(() => null, (e: unknown) => e);
    expect((relative as ApiError).problems).toEqual([expect.objectContaining({ path: 'scenarioDir', message: expect.stringContaining('must be an absolute folder path') })]);
  });

  it('keeps the answer in the history, for the next start of the app', async () => {
    await api.consent.grant({ scenario: spawning });
    temp.store.close();
    const reopened = HistoryStore.open(temp.store.path);
    expect((await apiOver(reopened).consent.check({ scenario: spawning })).granted).toBe(true);
    reopened.close();
  });

  it('has nothing to ask for a scenario that executes nothing', async () => {
    expect(await api.consent.check({ scenario: { ...spawning, tasks: [timers] } })).toEqual({ effects: [], granted: false });
  });

  it('refuses a call whose scenario is not valid, naming the field', async () => {
    const error = await api.consent.check({ scenario: { ...spawning, tasks: [] } }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problems.map((p) => p.path)).toContain('scenario.tasks');
  });
});
