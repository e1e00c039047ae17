/**
 * History ingest: 100,000 task records written through HistoryStore in batches of 2,000 (as a run
 * writes them) against a bare better-sqlite3 bulk insert of the same rows (one prepared statement, one
 * transaction) into the same schema on the same file system; and reading them back with getRun against
 * the bare SELECT. Medians of several rounds; ratio = bare time / store time (target >= 0.7).
 * Runs alone with `npx tsx tests/bench/history-ingest.ts`.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { HistoryStore } from '../../electron/backend/history';
import { INSERT_TASK_SQL, taskRowValues } from '../../electron/backend/history/record-rows';
import type { TaskRecord } from '../../shared/protocol/task-record';
import { makeScenario, makeTasks, makeTempDir } from '../unit/history/fixtures';
import { median, type BenchRow } from './bench-kit';

const TASKS = 100_000;
const BATCH_TASKS = 2_000;
const ROUNDS = 5;
const TARGET_RATIO = 0.7;

/** The plain way to read records: every column named as a `TaskRecord` field, one object per row. */
const NAMED_TASK_COLUMNS = `idx AS "index", grp AS "group", kind, lane, queued_ms AS queuedMs, start_ms AS startMs,
  end_ms AS endMs, observed_ms AS observedMs, status, orphaned, error, attempts`;

interface Timings {
  writeMs: number;
  readMs: number;
}

function timed(action: () => void): number {
  const start = performance.now();
  action();
  return performance.now() - start;
}

function throughStore(file: string, tasks: readonly TaskRecord[]): Timings {
  const store = HistoryStore.open(file);
  const runId = store.createRun({ scenario: makeScenario() });
  const writeMs = timed(() => {
    for (let from = 0; from < tasks.length; from += BATCH_TASKS) {
      store.appendBatch(runId, { finished: tasks.slice(from, from + BATCH_TASKS), samples: [] });
    }
  });
  let read = 0;
  const readMs = timed(() => (read = store.getRun(runId)?.tasks.length ?? 0));
  store.close();
  if (read !== tasks.length) throw new Error(`store read back ${read} of ${tasks.length} tasks`);
  return { writeMs, readMs };
}

/** The same schema (made by the store), the same pragmas, the same INSERT; no store around it. */
function bare(file: string, tasks: readonly TaskRecord[]): Timings {
  const setup = HistoryStore.open(file);
  const runId = setup.createRun({ scenario: makeScenario() });
  setup.close();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  const insert = db.prepare(INSERT_TASK_SQL);
  const writeMs = timed(() =>
    db.transaction(() => {
      for (const t of tasks) insert.run(runId, ...taskRowValues(t));
    })(),
  );
  const select = db.prepare(`SELECT ${NAMED_TASK_COLUMNS} FROM tasks WHERE run_id = ? ORDER BY idx`);
  let read = 0;
  const readMs = timed(() => (read = select.all(runId).length));
  db.close();
  if (read !== tasks.length) throw new Error(`bare read back ${read} of ${tasks.length} tasks`);
  return { writeMs, readMs };
}

/** Batches arrive in finish order, not index order: shuffle deterministically within each batch-sized window. */
function finishOrder(tasks: TaskRecord[]): TaskRecord[] {
  const out = [...tasks];
  for (let i = out.length - 1; i > 0; i--) {
    const j = i - ((i * 7919) % Math.min(i + 1, BATCH_TASKS));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export async function benchHistoryIngest(): Promise<BenchRow[]> {
  const tasks = finishOrder(makeTasks(TASKS));
  const store: Timings[] = [];
  const baseline: Timings[] = [];
  const temp = makeTempDir();
  try {
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate who goes first so that warm caches favour neither side.
      const storeFile = join(temp.dir, `store-${round}.sqlite`);
      const bareFile = join(temp.dir, `bare-${round}.sqlite`);
      if (round % 2 === 0) {
        store.push(throughStore(storeFile, tasks));
        baseline.push(bare(bareFile, tasks));
      } else {
        baseline.push(bare(bareFile, tasks));
        store.push(throughStore(storeFile, tasks));
      }
    }
  } finally {
    temp.remove();
  }
  const row = (name: string, pick: (t: Timings) => number): BenchRow => {
    const storeMs = median(store.map(pick));
    const bareMs = median(baseline.map(pick));
    return {
      name,
      ratio: bareMs / storeMs,
      target: `>= ${TARGET_RATIO}`,
      detail: `store ${storeMs.toFixed(0)} ms, bare ${bareMs.toFixed(0)} ms (median of ${ROUNDS})`,
    };
  };
  return [
    row(`ingest ${TASKS.toLocaleString('en-US')} tasks in batches of ${BATCH_TASKS.toLocaleString('en-US')}`, (t) => t.writeMs),
    row(`read ${TASKS.toLocaleString('en-US')} tasks (getRun)`, (t) => t.readMs),
  ];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await benchHistoryIngest()) {
    console.log(`${r.name}: ${r.ratio.toFixed(2)}x (target ${r.target}) ${r.detail}`);
  }
}
