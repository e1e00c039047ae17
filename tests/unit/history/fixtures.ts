import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HistoryError, HistoryStore } from '../../../electron/backend/history';
import type { RunMetrics } from '../../../shared/metrics/metrics-schema';
import { RECORD_VERSION } from '../../../shared/run/record-version';
import type { RunExport } from '../../../shared/run/run-schema';
import type { Sample, TaskRecord, TaskStatus } from '../../../shared/protocol/task-record';
import { ScenarioSchema, type Scenario, type ScenarioInput } from '../../../shared/scenario';
import { thrownError } from '../../fixtures/thrown-error';

/** Three timer tasks and a cpu task on a pool of two. */
export function makeScenario(overrides: Partial<ScenarioInput> = {}): Scenario {
  return ScenarioSchema.parse({
    version: 1,
    name: 'Timers on a pool',
    strategy: { type: 'pool', concurrency: 2 },
    tasks: [
      { kind: 'timer', count: 3, ms: 10 },
      { kind: 'cpu', count: 1, ms: 5 },
    ],
    ...overrides,
  });
}

const STATUSES: readonly TaskStatus[] = ['ok', 'ok', 'error', 'ok', 'timeout', 'ok', 'cancelled', 'skipped'];
/** Error texts that need CSV quoting. */
const ERRORS = ['boom, with a comma', 'said "no"', 'line one\nline two', 'plain'];

/**
 * `count` deterministic task records of one timer group, starting at `from`; every kind of status and awkward
 * error text, every third task orphaned, some results waiting for the loop.
 */
export function makeTasks(count: number, from = 0, lanes = 4): TaskRecord[] {
  const tasks: TaskRecord[] = [];
  for (let index = from; index < from + count; index++) {
    const status = STATUSES[index % STATUSES.length] ?? 'ok';
    const startMs = index * 0.75 + 0.125;
    tasks.push({
      index,
      group: 0,
      kind: 'timer',
      lane: index % lanes,
      queuedMs: index * 0.5,
      startMs,
      endMs: startMs + 10.0625 + (index % 7),
      observedMs: startMs + 10.0625 + (index % 7) + (index % 3) * 0.5,
      status,
      orphaned: index % 3 === 2 && status !== 'skipped',
      error: status === 'ok' ? null : (ERRORS[(index + Math.floor(index / 8)) % ERRORS.length] ?? null),
      attempts: status === 'cancelled' || status === 'skipped' ? 0 : 1 + (index % 2),
    });
  }
  return tasks;
}

export function makeSamples(count: number, from = 0): Sample[] {
  return Array.from({ length: count }, (_, i) => ({
    tMs: (from + i) * 20,
    inFlight: (from + i) % 5,
    loopDelayMs: 1.5 + i / 10,
    elu: 0.25,
    cpuPercent: 12.5,
    rssBytes: 50_000_000 + i,
    heapUsedBytes: 10_000_000,
  }));
}

export function makeMetrics(tasks: readonly TaskRecord[]): RunMetrics {
  const by = (status: TaskStatus): number => tasks.filter((t) => t.status === status).length;
  const p = { p50: 10, p90: 14, p99: 16, max: 16.0625, mean: 12 };
  return {
    wallMs: 123.5,
    spanMs: 130.25,
    tasks: tasks.length,
    ok: by('ok'),
    failed: by('error'),
    timedOut: by('timeout'),
    cancelled: by('cancelled'),
    skipped: by('skipped'),
    orphaned: tasks.filter((t) => t.orphaned).length,
    maxInFlight: 4,
    throughputPerSec: 80,
    effectiveConcurrency: 3.5,
    latencyMs: p,
    waitMs: p,
    deliveryDelayMs: { p50: 0.5, p99: 1, max: 1 },
    loopDelayMs: { p50: 1, p99: 2, max: 3 },
    elu: 0.5,
    cpuUserMs: 10,
    cpuSystemMs: 2,
    peakRssBytes: 60_000_000,
    failuresByKind: { timer: by('error') + by('timeout') + by('cancelled') },
  };
}

/** A fresh temporary folder; `remove()` deletes it with everything in it. */
export function makeTempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'ce-history-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A store on a fresh file in a fresh temporary folder; `dispose()` closes it and deletes the folder. */
export function openTempStore(): { store: HistoryStore; file: string; dispose: () => void } {
  const temp = makeTempDir();
  const file = join(temp.dir, 'history.sqlite');
  const store = HistoryStore.open(file);
  return {
    store,
    file,
    dispose: () => {
      store.close();
      temp.remove();
    },
  };
}

/** Runs `action` and returns the HistoryError it throws; fails the test when it throws nothing or something else. */
export const historyErrorOf = (action: () => unknown): HistoryError => thrownError(HistoryError, action);

/** A finished run as its JSON export holds it; `overrides` go into `run`. */
export function makeRunExport(overrides: Partial<RunExport['run']> = {}, taskCount = 12): RunExport {
  const scenario = makeScenario();
  const tasks = makeTasks(taskCount);
  const metrics = makeMetrics(tasks);
  return {
    format: 'concurrency-explorer/run',
    version: 2,
    run: {
      name: scenario.name,
      scenarioName: scenario.name,
      strategy: scenario.strategy,
      runtimeName: 'node',
      status: 'completed',
      createdAt: '2025-03-01T10:00:00.000Z',
      finishedAt: '2025-03-01T10:00:01.000Z',
      wallMs: metrics.wallMs,
      failures: tasks.filter((t) => t.status === 'error' || t.status === 'timeout' || t.status === 'cancelled').length,
      recordVersion: RECORD_VERSION,
      tags: [],
      notes: '',
      error: null,
      scenarioDir: null,
      scenario,
      metrics,
      tasks,
      samples: makeSamples(4),
      ...overrides,
    },
  };
}
