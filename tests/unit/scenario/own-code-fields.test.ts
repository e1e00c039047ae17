import { describe, expect, it } from 'vitest';
import { checkScenario, remoteHosts, remoteMeasurementNote, unresolvablePaths, type Scenario } from '../../../shared/scenario';

const problemsOf = (task: unknown) => {
  const check = checkScenario({ version: 1, name: 'x', strategy: { type: 'structured' }, tasks: [task] });
  return check.ok ? [] : check.problems.map((p) => `${p.path}: ${p.message}`);
};

const scenarioOf = (tasks: unknown[]): Scenario => {
  const check = checkScenario({ version: 1, name: 'x', strategy: { type: 'all' }, tasks });
  if (!check.ok) throw new Error(JSON.stringify(check.problems));
  return check.scenario;
};

describe('module, database and headers fields', () => {
  it('a module task takes a path, an export and JSON args, with defaults', () => {
    expect(scenarioOf([{ kind: 'module', count: 2, path: './fetch-user.mjs' }]).tasks[0]).toEqual({ kind: 'module', count: 2, failRate: 0, path: './fetch-user.mjs', export: 'default', args: {} });
    expect(problemsOf({ kind: 'module', count: 1, path: './notes.txt' })).toEqual([expect.stringMatching(/^tasks\[0\]\.path: must name a module file ending in \.mjs, \.js, \.mts, \.ts, \.py/)]);
    expect(problemsOf({ kind: 'module', count: 1, path: './a.mjs', export: 'not a name' })).toEqual([expect.stringMatching(/^tasks\[0\]\.export: must be the name of an export/)]);
  });

  it('a database needs its own query', () => {
    expect(problemsOf({ kind: 'sqlite', count: 1, database: 'app.db' })).toEqual([expect.stringMatching(/^tasks\[0\]\.sql: is needed with database/)]);
    expect(problemsOf({ kind: 'sqlite', count: 1, database: 'app.db', sql: 'SELECT 1' })).toEqual([]);
  });

  it('header names are tokens and values stay on one line', () => {
    expect(problemsOf({ kind: 'http', count: 1, url: 'http://127.0.0.1:1/', headers: { 'X-Api-Key': 'k' } })).toEqual([]);
    expect(problemsOf({ kind: 'http', count: 1, headers: { 'bad name': 'v' } })).toEqual([expect.stringMatching(/^tasks\[0\]\.headers\.bad name: "bad name" is not a header name/)]);
    expect(problemsOf({ kind: 'http', count: 1, headers: { 'x-a': 'one\ntwo' } })).toEqual([expect.stringMatching(/^tasks\[0\]\.headers\.x-a: a header value must be on one line/)]);
  });

  it('a relative path is refused without the scenario file folder, never an absolute one', () => {
    const scenario = scenarioOf([{ kind: 'module', count: 1, path: './a.mjs' }, { kind: 'sqlite', count: 1, database: '/data/app.db', sql: 'SELECT 1' }, { kind: 'sqlite', count: 1, database: 'C:\\data\\app.db', sql: 'SELECT 1' }]);
    expect(unresolvablePaths(scenario, undefined)).toEqual([expect.stringMatching(/^tasks\[0\]\.path: "\.\/a\.mjs" is relative to the scenario's file, and this scenario has no file/)]);
    expect(unresolvablePaths(scenario, '/home/me/scenarios')).toEqual([]);
  });
});

describe('remote hosts in the run summary', () => {
  it('names every host beyond this computer once, and nothing for loopback or the built-in target', () => {
    const scenario = scenarioOf([
      { kind: 'http', count: 1, url: 'https://api.example.com/users' },
      { kind: 'http', count: 1, url: 'https://user:pw@API.example.com:8443/x' },
      { kind: 'http', count: 1, url: 'http://127.0.0.1:8080/' },
      { kind: 'http', count: 1, url: 'http://localhost/' },
      { kind: 'http', count: 1, url: 'http://[::1]:80/' },
      { kind: 'http', count: 1 },
    ]);
    expect(remoteHosts(scenario)).toEqual(['api.example.com']);
    expect(remoteMeasurementNote(scenario)).toMatch(/^Requests went to api\.example\.com: the remote side's behaviour .* is part of this measurement\.$/);
    expect(remoteMeasurementNote(scenarioOf([{ kind: 'http', count: 1 }]))).toBeNull();
  });
});
