import { Worker } from 'node:worker_threads';
import type { Scenario } from '../../../shared/scenario';
import { CHILD_GROUPS_FILE } from './child-groups';

/** How often the watchdog looks for its parent. */
export const WATCHDOG_INTERVAL_MS = 250;

/**
 * The watchdog thread, as plain JavaScript so it needs no build entry of its own. It notices the parent's
 * end by the parent pid changing (the orphan is re-parented), which also holds while the engine's own loop
 * is blocked by a task; it then kills the recorded child process groups, removes the scratch folder and
 * ends the whole engine with SIGKILL (a thread cannot end its process more gently while the loop is blocked).
 */
const WATCHDOG_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
let scratchDir = null;
parentPort.on('message', (dir) => { scratchDir = dir; });
function killGroups() {
  if (scratchDir === null) return;
  let text = '';
  try { text = fs.readFileSync(path.join(scratchDir, workerData.childGroupsFile), 'utf8'); } catch { return; }
  for (const line of text.split('\\n')) {
    const pid = Number(line);
    if (!Number.isInteger(pid) || pid <= 0) continue;
    try { process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL'); } catch {}
  }
}
setInterval(() => {
  if (process.ppid === workerData.parentPid) return;
  killGroups();
  if (scratchDir !== null) { try { fs.rmSync(scratchDir, { recursive: true, force: true }); } catch {} }
  process.kill(process.pid, 'SIGKILL');
}, workerData.intervalMs);
`;

/** The engine's watchdog: tell it the run's scratch folder once known. */
export interface ParentWatchdog {
  watchScratch(scratchDir: string): void;
  /** Settles once the thread runs (or has ended): a run started after it does not share the CPU with its start. */
  readonly online: Promise<void>;
}

/**
 * Starts a thread that ends this engine when the process that started it has gone, even while the engine's
 * event loop is blocked (the IPC `disconnect` event alone would wait for the loop). It does not keep the
 * engine alive.
 */
export function startParentWatchdog(): ParentWatchdog {
  const worker = new Worker(WATCHDOG_SOURCE, {
    eval: true,
    workerData: { parentPid: process.ppid, childGroupsFile: CHILD_GROUPS_FILE, intervalMs: WATCHDOG_INTERVAL_MS },
  });
  worker.unref();
  const online = new Promise<void>((resolve) => {
    worker.once('online', () => resolve());
    worker.once('exit', () => resolve());
  });
  return { watchScratch: (scratchDir) => worker.postMessage(scratchDir), online };
}

/** Kinds whose work never holds the engine's loop: they wait on timers, sockets, the thread pool or a child process. */
const NEVER_BLOCKING_KINDS: ReadonlySet<string> = new Set(['timer', 'http', 'crypto', 'spawn']);

/**
 * Whether a task of `scenario` can hold the engine's loop (CPU work, SQLite, synchronous file I/O, the user's
 * own code), so that only a watchdog thread could notice the parent's end in time. A kind not known never to
 * block counts as blocking.
 */
export function mayBlockLoop(scenario: Scenario): boolean {
  return scenario.tasks.some((group) => {
    if (group.kind === 'file-read' || group.kind === 'file-write') return group.sync;
    return !NEVER_BLOCKING_KINDS.has(group.kind);
  });
}
