import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryStore, SCHEMA_VERSION } from '../../../electron/backend/history';
import { migrate, schemaVersion } from '../../../electron/backend/history/migrations';
import { exportRunJson, ImportError, parseRunImport } from '../../../electron/backend/transfer';
import type { RunDetail } from '../../../shared/run/run-schema';
import { makeMetrics, makeRunExport, makeScenario, makeTasks, makeTempDir } from './fixtures';

let temp: ReturnType<typeof makeTempDir>;
let store: HistoryStore | null = null;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => {
  store?.close();
  store = null;
  temp.remove();
});

const FOLDER = '/home/me/scenarios';

/** A history file as the release before the scenario folder left it (schema version 5), with one finished run of 3 tasks. */
function version5History(file: string): void {
  const db = new Database(file);
  migrate(db, 5);
  db.prepare(
    `INSERT INTO runs (id, name, scenario_name, strategy_type, strategy, scenario, status, created_at, wall_ms, task_count, failure_count, record_version)
     VALUES (1, 'before', 'before', 'all', '{"type":"all"}', ?, 'completed', '2026-01-01T00:00:00.000Z', 30, 3, 0, 2)`,
  ).run(JSON.stringify(makeScenario({ strategy: { type: 'all' } })));
  const insert = db.prepare(
    `INSERT INTO tasks (run_id, idx, grp, kind, lane, queued_ms, start_ms, end_ms, status, error, attempts, observed_ms) VALUES (1, ?, 0, 'timer', ?, 0, 0, 10, 'ok', NULL, 1, 10)`,
  );
  for (const idx of [0, 1, 2]) insert.run(idx, idx);
  db.close();
}

function finishedRun(history: HistoryStore, scenarioDir?: string | null): RunDetail {
  const tasks = makeTasks(6);
  const id = history.createRun({ scenario: makeScenario(), scenarioDir });
  history.recordStarted(id, { startedAtEpochMs: 1_700_000_000_000, totalTasks: tasks.length, lanes: 4 });
  history.appendBatch(id, { finished: tasks, samples: [] });
  history.finishRun(id, { status: 'completed', metrics: makeMetrics(tasks) });
  return history.getRun(id) as RunDetail;
}

describe("the run's scenario folder in the history (migration 6)", () => {
  it('upgrades a version 5 history keeping its runs, with no folder, and records the folder of new runs', () => {
    const file = join(temp.dir, 'history.sqlite');
    version5History(file);
    store = HistoryStore.open(file);
    expect(SCHEMA_VERSION).toBe(6);
    const before = store.getRun(1);
    expect(before).toMatchObject({ name: 'before', status: 'completed', scenarioDir: null });
    expect(before?.tasks.map((t) => t.index)).toEqual([0, 1, 2]);

    const fromFile = finishedRun(store, FOLDER);
    const withoutFile = finishedRun(store);
    expect(fromFile.scenarioDir).toBe(FOLDER);
    expect(withoutFile.scenarioDir).toBeNull();
    expect(store.listRuns().map((r) => [r.id, r.scenarioDir])).toEqual([
      [withoutFile.id, null],
      [fromFile.id, FOLDER],
      [1, null],
    ]);
    store.close();
    store = null;
    const db = new Database(file, { readonly: true });
    expect(schemaVersion(db)).toBe(6);
    db.close();
  });

  it('refuses a folder that is not absolute, naming it', () => {
    store = HistoryStore.open(join(temp.dir, 'history.sqlite'));
    const history = store;
    expect(() => history.createRun({ scenario: makeScenario(), scenarioDir: 'scenarios' })).toThrow(/scenarioDir: must be an absolute folder path/);
  });
});

describe('the scenario folder in the JSON export', () => {
  it('goes out and comes back in with the run, and stays absent for a run without one', () => {
    store = HistoryStore.open(join(temp.dir, 'history.sqlite'));
    for (const folder of [FOLDER, null]) {
      const original = finishedRun(store, folder);
      const text = exportRunJson(original);
      expect(JSON.parse(text)).toMatchObject({ version: 2, run: { scenarioDir: folder } });
      const imported = store.importRun(parseRunImport(text));
      expect(store.getRunSummary(imported)?.scenarioDir).toBe(folder);
    }
  });

  it('imports an export made before the folder existed (version 2 without it) with no folder', () => {
    const { scenarioDir: _scenarioDir, ...older } = makeRunExport().run;
    const parsed = parseRunImport(JSON.stringify({ format: 'concurrency-explorer/run', version: 2, run: older }));
    expect(parsed.run.scenarioDir).toBeNull();
  });

  it('refuses a relative folder in an import, naming the field', () => {
    const text = JSON.stringify(makeRunExport({ scenarioDir: 'elsewhere' }));
    expect(() => parseRunImport(text)).toThrow(ImportError);
    expect(() => parseRunImport(text)).toThrow(/run\.scenarioDir: must be an absolute folder path/);
  });
});
