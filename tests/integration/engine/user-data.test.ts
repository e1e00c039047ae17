import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from './run-in-process';

const dir = mkdtempSync(join(tmpdir(), 'user-data-'));
const APP_DB = join(dir, 'app.db');

beforeAll(() => {
  const db = new Database(APP_DB);
  db.exec("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO users (name) VALUES ('ada'), ('grace');");
  db.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const userCount = () => {
  const db = new Database(APP_DB, { readonly: true });
  const { n } = db.prepare('SELECT count(*) AS n FROM users').get() as { n: number };
  db.close();
  return n;
};

describe("sqlite against the user's own database, read-only", () => {
  it('a SELECT runs against it, by a path relative to the scenario file', async () => {
    const { records } = await runInProcess(
      { strategy: { type: 'pool', concurrency: 2 }, tasks: [{ kind: 'sqlite', count: 3, database: './app.db', sql: 'SELECT name FROM users ORDER BY id' }] },
      undefined,
      { scenarioDir: dir },
    );
    expect(records.map((r) => r.status)).toEqual(['ok', 'ok', 'ok']);
  });

  it('an INSERT is refused by SQLite and reported as such; the database is unchanged', async () => {
    for (const strategy of [{ type: 'all' as const }, { type: 'workers' as const, threads: 1 }]) {
      const { records } = await runInProcess({ strategy, tasks: [{ kind: 'sqlite', count: 1, database: APP_DB, sql: "INSERT INTO users (name) VALUES ('mallory')" }] });
      expect(records[0]?.status, strategy.type).toBe('error');
      expect(records[0]?.error, strategy.type).toBe(`SQLite refused to write: your database ${APP_DB} is opened read-only, and this query would change it (attempt to write a readonly database)`);
    }
    expect(userCount()).toBe(2);
  });

  it('a query that would reach another file fails the run before the clock, naming the database it may query', async () => {
    const other = join(dir, 'other.db');
    const run = runInProcess({ strategy: { type: 'all' }, tasks: [{ kind: 'sqlite', count: 1, database: APP_DB, sql: `ATTACH '${other}' AS other` }] });
    await expect(run).rejects.toThrow(
      `tasks[0].sql: a sqlite task may only query the database it names, ${APP_DB} (opened read-only): ATTACH (it would open another database file) is not allowed`,
    );
    expect(existsSync(other)).toBe(false);
  });
});

describe('http headers', () => {
  it('reach the server as the scenario gives them', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const server = createServer((request, response) => {
      seen.push(request.headers);
      response.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const { records } = await runInProcess({
        strategy: { type: 'all' },
        tasks: [{ kind: 'http', count: 2, url: `http://127.0.0.1:${port}/users`, headers: { 'X-Api-Key': 'k-123', Accept: 'application/json' } }],
      });
      expect(records.map((r) => r.status)).toEqual(['ok', 'ok']);
      expect(seen).toHaveLength(2);
      for (const headers of seen) expect(headers).toMatchObject({ 'x-api-key': 'k-123', accept: 'application/json' });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
