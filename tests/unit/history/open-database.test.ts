import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryStore, SCHEMA_VERSION } from '../../../electron/backend/history';
import { HISTORY_APPLICATION_ID } from '../../../electron/backend/history/history-ownership';
import { historyErrorOf, makeScenario, makeTempDir } from './fixtures';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

describe('HistoryStore.open', () => {
  it('creates missing folders and a WAL database at the current schema version', () => {
    const file = join(temp.dir, 'a', 'b', 'history.sqlite');
    const store = HistoryStore.open(file);
    store.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('keeps the data when opened again and does not migrate twice', () => {
    const file = join(temp.dir, 'history.sqlite');
    const first = HistoryStore.open(file);
    const id = first.createRun({ scenario: makeScenario() });
    first.close();
    const second = HistoryStore.open(file);
    expect(second.getRunSummary(id)?.name).toBe('Timers on a pool');
    second.close();
  });

  it('refuses a database from a newer version, naming both versions and the file, and leaves it untouched', () => {
    const file = join(temp.dir, 'newer.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE future (x); INSERT INTO future VALUES (42);');
    db.pragma(`application_id = ${HISTORY_APPLICATION_ID}`);
    db.pragma(`user_version = ${SCHEMA_VERSION + 4}`);
    db.close();
    const before = readFileSync(file);

    const error = historyErrorOf(() => HistoryStore.open(file));
    expect(error.code).toBe('newer-version');
    expect(error.message).toContain(file);
    expect(error.message).toContain(`schema version ${SCHEMA_VERSION + 4}`);
    expect(error.message).toContain(`up to ${SCHEMA_VERSION}`);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('says so when the file is not a SQLite database, and leaves it as it was', () => {
    const file = join(temp.dir, 'notes.txt');
    writeFileSync(file, 'these are my notes, not a database\n'.repeat(20));
    const error = historyErrorOf(() => HistoryStore.open(file));
    expect(error.code).toBe('cannot-open');
    expect(error.message).toBe(`Cannot open the history database ${file}: the file is not a SQLite database.`);
    expect(readFileSync(file, 'utf8')).toBe('these are my notes, not a database\n'.repeat(20));
  });

  it('says so when the folder cannot be created', () => {
    const blocker = join(temp.dir, 'a-file');
    writeFileSync(blocker, '');
    const error = historyErrorOf(() => HistoryStore.open(join(blocker, 'sub', 'history.sqlite')));
    expect(error.code).toBe('cannot-open');
    expect(error.message).toContain(join(blocker, 'sub', 'history.sqlite'));
  });

  it('opens read-only without creating anything, and refuses writes clearly', () => {
    const missing = join(temp.dir, 'missing', 'history.sqlite');
    expect(historyErrorOf(() => HistoryStore.open(missing, { readonly: true })).message).toContain('there is no such file');
    expect(existsSync(join(temp.dir, 'missing'))).toBe(false);

    const file = join(temp.dir, 'history.sqlite');
    const writer = HistoryStore.open(file);
    const id = writer.createRun({ scenario: makeScenario() });
    writer.close();
    const reader = HistoryStore.open(file, { readonly: true });
    expect(reader.getRun(id)?.scenario.name).toBe('Timers on a pool');
    const error = historyErrorOf(() => reader.createRun({ scenario: makeScenario() }));
    expect(error.code).toBe('read-only');
    expect(reader.countRuns()).toBe(1);
    reader.close();
  });

  it('refuses read-only access to a database that still needs migrating', () => {
    const file = join(temp.dir, 'old.sqlite');
    mkdirSync(temp.dir, { recursive: true });
    new Database(file).close();
    expect(historyErrorOf(() => HistoryStore.open(file, { readonly: true })).message).toMatch(/schema version 0 and must be upgraded/);
  });
});

describe('the history file is the user\'s: what is not ours is never modified', () => {
  const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

  it('marks a new history with the application id, and an older unmarked history when it opens it', () => {
    const file = join(temp.dir, 'history.sqlite');
    HistoryStore.open(file).close();
    const db = new Database(file);
    expect(db.pragma('application_id', { simple: true })).toBe(HISTORY_APPLICATION_ID);
    db.pragma('application_id = 0');
    db.close();
    HistoryStore.open(file).close();
    const reopened = new Database(file, { readonly: true });
    expect(reopened.pragma('application_id', { simple: true })).toBe(HISTORY_APPLICATION_ID);
    reopened.close();
  });

  it.each([
    ['with tables of its own', (db: Database.Database) => db.exec('CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES (\'Ada\');')],
    ['with a conflicting runs table', (db: Database.Database) => db.exec('CREATE TABLE runs (km REAL); INSERT INTO runs VALUES (5);')],
    ['with another application id and no tables', (db: Database.Database) => db.pragma('application_id = 1234')],
  ])('refuses another application\'s database %s, naming the file, without changing a byte', (_what, make) => {
    const file = join(temp.dir, 'other-app.db');
    const db = new Database(file);
    make(db);
    db.close();
    const before = hash(file);
    const error = historyErrorOf(() => HistoryStore.open(file));
    expect(error.code).toBe('not-ours');
    expect(error.message.split('\n')).toHaveLength(1);
    expect(error.message).toContain(file);
    expect(hash(file)).toBe(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(existsSync(`${file}-journal`)).toBe(false);
  });

  it('makes an empty file a history', () => {
    const file = join(temp.dir, 'empty.sqlite');
    writeFileSync(file, '');
    const store = HistoryStore.open(file);
    expect(store.countRuns()).toBe(0);
    store.close();
  });
});
