// One task written plainly, timed inside itself: what the engine's measurements are checked against. Plain
// JavaScript, so that the shown code's `new Piscina({ filename: './task.js' })` can load it as it is.
import { pbkdf2 } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const Database = createRequire(import.meta.url)('better-sqlite3');
/** Prepared statements by database and query, with their connections: prepared once per thread, like the engine's. */
const statements = new Map();

const now = () => performance.timeOrigin + performance.now();

function statement(path, sql) {
  const key = `${path}\n${sql}`;
  let prepared = statements.get(key);
  if (prepared === undefined) {
    const db = new Database(path);
    prepared = { db, statement: db.prepare(sql) };
    statements.set(key, prepared);
  }
  return prepared.statement;
}

/** Closes the connections this thread opened (the run's scratch folder is removed next). */
export function closeStatements() {
  for (const { db } of statements.values()) db.close();
  statements.clear();
}

/**
 * Before the clock, as the engine does: prepares the run's statements on this thread, then waits until every
 * thread of the pool has one warm-up (`arrived` counts them), so that no thread is left cold.
 */
function warmUp(task) {
  for (const { path, sql } of task.queries) statement(path, sql);
  const arrived = new Int32Array(task.arrived);
  Atomics.add(arrived, 0, 1);
  Atomics.notify(arrived, 0);
  for (let count = Atomics.load(arrived, 0); count < task.threads; count = Atomics.load(arrived, 0)) {
    if (Atomics.wait(arrived, 0, count, 10_000) === 'timed-out') throw new Error('a worker thread never took its warm-up');
  }
}

/** A timer that stops at `signal`'s abort, as the shown code of `structured` expects of its tasks. */
function timer(ms, signal) {
  return new Promise((resolve, reject) => {
    const pending = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(pending);
      reject(signal.reason);
    }, { once: true });
  });
}

async function work(task, signal) {
  switch (task.kind) {
    case 'timer':
      return timer(task.ms, signal);
    case 'cpu': {
      const end = performance.now() + task.ms;
      while (performance.now() < end);
      return undefined;
    }
    case 'file-read':
      return task.sync ? readFileSync(task.path) : readFile(task.path);
    case 'sqlite':
      return statement(task.path, task.sql).all();
    case 'crypto':
      return new Promise((resolve, reject) =>
        pbkdf2('concurrency-explorer', `salt-${task.index}`, task.iterations, 64, 'sha512', (error) => (error ? reject(error) : resolve())),
      );
    default:
      throw new Error(`no plain code for kind ${task.kind}`);
  }
}

/**
 * Runs `task` and writes when it started and ended (`performance.timeOrigin + performance.now()`, the clock
 * every thread shares) into `task.times` at `2 * index`; rejects after the work when `task.fail`. A warm-up
 * task (`warmUp`) only prepares.
 */
export default async function perform(task, signal) {
  if (task.warmUp) return warmUp(task);
  const times = new Float64Array(task.times);
  times[2 * task.index] = now();
  const pending = work(task, signal);
  // Synchronous work is done when work() returns: time it there, as the plain `cpu(); t1 = now()` would.
  if (task.kind === 'cpu' || task.sync || task.kind === 'sqlite') times[2 * task.index + 1] = now();
  try {
    await pending;
  } finally {
    // An aborted task ends at its abort.
    if (times[2 * task.index + 1] === 0) times[2 * task.index + 1] = now();
  }
  if (task.fail) throw new Error('injected failure');
}
