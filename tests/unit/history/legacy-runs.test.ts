import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryStore } from '../../../electron/backend/history';
import { migrate } from '../../../electron/backend/history/migrations';
import { RunMetricsSchema } from '../../../shared/metrics/metrics-schema';
import { LEGACY_RECORD_VERSION, LEGACY_SKIPPED_REASON, RECORD_VERSION } from '../../../shared/run/record-version';
import { makeScenario, makeTempDir } from './fixtures';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

/** A task row as schema version 1 held it: `orphaned` in place of the outcome, never-started tasks `cancelled`. */
const LEGACY_TASKS: [number, number, number, string, string | null, number][] = [
  // idx, start, end, status, error, attempts
  [0, 0, 80, 'timeout', 'timed out after 80 ms', 1],
  [1, 0, 600, 'orphaned', 'timed out after 80 ms', 1],
  [2, 0, 600, 'orphaned', null, 1],
  [3, 0, 610, 'orphaned', 'injected failure (failRate 0.5)', 1],
  [4, 80, 80, 'cancelled', LEGACY_SKIPPED_REASON, 0],
  [5, 0, 20, 'cancelled', 'cancelled', 1],
];

/** The metrics the older engine stored: no skipped, span or delivery delay; orphaned errors not counted as failed. */
const LEGACY_METRICS = {
  wallMs: 80,
  tasks: 6,
  ok: 0,
  failed: 0,
  timedOut: 1,
  cancelled: 2,
  orphaned: 3,
  maxInFlight: 5,
  throughputPerSec: 50,
  effectiveConcurrency: 24.1,
  latencyMs: { p50: 600, p90: 606, p99: 609.6, max: 610, mean: 382 },
  waitMs: { p50: 0, p90: 0, p99: 0, max: 0, mean: 0 },
  loopDelayMs: { p50: 0.1, p99: 0.4, max: 0.5 },
  elu: 0.1,
  cpuUserMs: 10,
  cpuSystemMs: 2,
  peakRssBytes: 1,
  failuresByKind: { timer: 3 },
};

/** A history file as the previous release left it: schema version 1 with one finished run. */
function legacyHistory(file: string): void {
  const db = new Database(file);
  migrate(db, 1);
  const scenario = makeScenario({ strategy: { type: 'all' }, tasks: [{ kind: 'timer', count: 6, ms: 600 }] });
  db.prepare(
    `INSERT INTO runs (id, name, scenario_name, strategy_type, strategy, scenario, status, created_at, wall_ms, task_count, failure_count, metrics)
     VALUES (1, 'old', 'old', 'all', '{"type":"all"}', ?, 'completed', '2025-01-01T00:00:00.000Z', 80, 6, 3, ?)`,
  ).run(JSON.stringify(scenario), JSON.stringify(LEGACY_METRICS));
  const insert = db.prepare(
    `INSERT INTO tasks (run_id, idx, grp, kind, lane, queued_ms, start_ms, end_ms, status, error, attempts) VALUES (1, ?, 0, 'timer', ?, 0, ?, ?, ?, ?, ?)`,
  );
  for (const [idx, start, end, status, error, attempts] of LEGACY_TASKS) insert.run(idx, idx, start, end, status, error, attempts);
  db.close();
}

describe('migrating runs recorded by the older engine', () => {
  it('gives each orphan its own outcome back, marks never-started tasks skipped, and keeps every time', () => {
    const file = join(temp.dir, 'history.sqlite');
    legacyHistory(file);
    const store = HistoryStore.open(file);
    const run = store.getRun(1)!;
    store.close();
    expect(run.tasks.map((t) => [t.status, t.orphaned])).toEqual([
      ['timeout', false],
      ['timeout', true],
      ['ok', true],
      ['error', true],
      ['skipped', false],
      ['cancelled', false],
    ]);
    expect(run.tasks.map((t) => [t.startMs, t.endMs, t.observedMs])).toEqual(LEGACY_TASKS.map(([, start, end]) => [start, end, end]));
    expect(run.recordVersion).toBe(LEGACY_RECORD_VERSION);
    expect(run.failures).toBe(4);
  });

  it('recomputes the counts and task metrics from the upgraded tasks, keeping what only the engine measured', () => {
    const file = join(temp.dir, 'history.sqlite');
    legacyHistory(file);
    const store = HistoryStore.open(file);
    const metrics = RunMetricsSchema.parse(store.getRun(1)!.metrics);
    store.close();
    expect(metrics).toMatchObject({ tasks: 6, ok: 1, failed: 1, timedOut: 2, cancelled: 1, skipped: 1, orphaned: 3, spanMs: 610 });
    expect(metrics.effectiveConcurrency).toBeLessThanOrEqual(6);
    expect(metrics.deliveryDelayMs).toEqual({ p50: 0, p99: 0, max: 0 });
    expect(metrics).toMatchObject({ wallMs: 80, loopDelayMs: LEGACY_METRICS.loopDelayMs, cpuUserMs: 10 });
  });

  it('marks runs recorded from now on with the current record version', () => {
    const file = join(temp.dir, 'history.sqlite');
    legacyHistory(file);
    const store = HistoryStore.open(file);
    const id = store.createRun({ scenario: makeScenario() });
    expect(store.getRunSummary(id)?.recordVersion).toBe(RECORD_VERSION);
    store.close();
  });
});
