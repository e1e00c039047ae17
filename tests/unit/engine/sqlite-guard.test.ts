import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareGuarded } from '../../../electron/engine/kinds/sqlite-guard';
import { runScenario } from '../../../electron/engine/run-scenario';
import type { EngineEvent } from '../../../shared/protocol/engine-protocol';
import { checkScenario, countSqlStatements, ScenarioSchema } from '../../../shared/scenario';

const outside = mkdtempSync(join(tmpdir(), 'sqlite-guard-'));
afterAll(() => rmSync(outside, { recursive: true, force: true }));

describe('a sqlite task reaches no other file', () => {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE orders (id INTEGER PRIMARY KEY, amount REAL)');

  it.each([
    [`ATTACH '${join(outside, 'a.db')}' AS other`, 'ATTACH'],
    [`attach database ('${outside}' || '/b.db') as other`, 'ATTACH'],
    ['DETACH other', 'DETACH'],
    [`VACUUM INTO '${join(outside, 'copy.db')}'`, 'VACUUM INTO'],
    [`SELECT load_extension('${join(outside, 'evil')}')`, 'loading an extension'],
  ])('refuses %s, naming %s, and creates no file', (sql, named) => {
    expect(() => prepareGuarded(db, sql)).toThrow(named);
    expect(existsSync(join(outside, 'a.db'))).toBe(false);
    expect(existsSync(join(outside, 'b.db'))).toBe(false);
    expect(existsSync(join(outside, 'copy.db'))).toBe(false);
  });

  it("names the database the task may query: its scratch database, or the user's file, opened read-only", () => {
    const attach = `ATTACH '${join(outside, 'a.db')}' AS other`;
    expect(() => prepareGuarded(db, attach)).toThrow(
      'a sqlite task may only query its own scratch database: ATTACH (it would open another database file) is not allowed',
    );
    expect(() => prepareGuarded(db, attach, '/home/me/app.db')).toThrow(
      'a sqlite task may only query the database it names, /home/me/app.db (opened read-only): ATTACH (it would open another database file) is not allowed',
    );
  });

  it('lets ordinary queries, writes and a plain VACUUM of its own database through', () => {
    expect(prepareGuarded(db, 'SELECT COUNT(*) AS n FROM orders').get()).toEqual({ n: 0 });
    prepareGuarded(db, 'INSERT INTO orders (amount) VALUES (1.5)').run();
    expect(() => prepareGuarded(db, 'VACUUM')).not.toThrow();
  });

  it('a run whose query is VACUUM INTO fails before the clock starts, naming the field, and writes nothing', async () => {
    const target = join(outside, 'run-copy.db');
    const scenario = ScenarioSchema.parse({
      version: 1,
      name: 'copy out',
      strategy: { type: 'sequential' },
      tasks: [{ kind: 'sqlite', count: 1, rows: 10, sql: `VACUUM INTO '${target}'` }],
    });
    const scratchDir = mkdtempSync(join(tmpdir(), 'sqlite-guard-run-'));
    const events: EngineEvent[] = [];
    try {
      const last = await runScenario(scenario, { scratchDir, emit: (event) => events.push(event) });
      expect(last.type).toBe('failed');
      expect(last.type === 'failed' && last.message).toMatch(/tasks\[0\]\.sql: .*VACUUM INTO/);
    } finally {
      rmSync(scratchDir, { recursive: true, force: true });
    }
    expect(existsSync(target)).toBe(false);
  });
});

describe('a sql of several statements is refused by the scenario check', () => {
  const withSql = (sql: string) =>
    checkScenario({ version: 1, name: 's', strategy: { type: 'all' }, tasks: [{ kind: 'sqlite', count: 1, sql }] });

  it('refuses two statements at tasks[0].sql', () => {
    const result = withSql("SELECT 1; ATTACH 'x.db' AS x");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toMatchObject({ path: 'tasks[0].sql', message: expect.stringContaining('one SQL statement') });
  });

  it.each([
    ['SELECT 1', 1],
    ['SELECT 1;', 1],
    ['SELECT 1; -- a comment; still one', 1],
    ["SELECT ';' AS semi, \"a;b\" FROM [x;y]", 1],
    ['SELECT 1; SELECT 2', 2],
    ['/* ; */ SELECT 1 ; ; ', 1],
    ['CREATE TRIGGER t AFTER INSERT ON orders BEGIN UPDATE orders SET amount = 1; DELETE FROM orders; END;', 1],
    ['CREATE TEMP TRIGGER t AFTER INSERT ON orders BEGIN SELECT 1; END; SELECT 2', 2],
  ])('%s holds %i statement(s)', (sql, count) => {
    expect(countSqlStatements(sql)).toBe(count);
  });
});
