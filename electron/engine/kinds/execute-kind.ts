import type { TaskGroup } from '../../../shared/scenario';
import { preciseEpochMs } from '../recording/run-clock';
import type { KindCall } from './kind-call';
import { runCpu } from './cpu';
import { runCrypto } from './crypto';
import { runFileRead, runFileWrite } from './file';
import { runHttp } from './http';
import { runModule } from './module';
import { runSpawn } from './spawn';
import { runSqlite } from './sqlite';
import { runTimer } from './timer';
import { errorMessage } from '../../../shared/errors/error-message';

/**
 * When one attempt's work began and ended, on whichever thread it ran, and how it ended. Both are
 * `preciseEpochMs()` stamps taken on that thread: `startEpochMs` just before the operation was called (on a
 * worker thread, that is when the thread took the task up, not when the engine posted it), `endEpochMs` in
 * the same synchronous step as the work finished, before anything else could run.
 */
export interface WorkResult {
  startEpochMs: number;
  endEpochMs: number;
  /** The failure's message, or null when the work succeeded. */
  error: string | null;
}

/** Where an attempt's work says, once, how it ended. */
export interface WorkSink {
  workEnded(result: WorkResult): void;
}

/** Synchronous kinds (CPU, sync file I/O, SQLite) return nothing: their work is done when they return. */
function runOperation(spec: Exclude<TaskGroup, { kind: 'timer' }>, call: KindCall): void | Promise<void> {
  switch (spec.kind) {
    case 'cpu':
      return runCpu(spec, call);
    case 'file-write':
      return runFileWrite(spec, call);
    case 'file-read':
      return runFileRead(spec, call);
    case 'http':
      return runHttp(spec, call);
    case 'sqlite':
      return runSqlite(spec, call);
    case 'crypto':
      return runCrypto(spec, call);
    case 'spawn':
      return runSpawn(spec, call);
    case 'module':
      return runModule(spec, call);
  }
}

/** The built-in target server injects its own failures, as real 500 answers. */
function failsOnItsOwn(spec: TaskGroup): boolean {
  return spec.kind === 'http' && spec.url === undefined;
}

function failed(startEpochMs: number, error: unknown): WorkResult {
  const endEpochMs = preciseEpochMs();
  return { startEpochMs, endEpochMs, error: errorMessage(error) };
}

function completed(startEpochMs: number, spec: TaskGroup, call: KindCall): WorkResult {
  const endEpochMs = preciseEpochMs();
  // The injected failure comes after the work, as a real failure would.
  return { startEpochMs, endEpochMs, error: call.draw.failInjected && !failsOnItsOwn(spec) ? `injected failure (failRate ${spec.failRate})` : null };
}

/**
 * Runs one attempt of a task on the calling thread and stamps when its work began and ended: at once for synchronous
 * work, in the timer's own callback for a timer, in the reaction to the operation's own promise otherwise, so that a
 * busy loop running other tasks' code cannot push the end later (as stamping in the strategy's continuation would).
 * Tells `sink` how it ended (synchronous work before it returns); never throws. A sink rather than a promise: a run
 * of 100,000 zero-delay timers spends much of its time on the engine's own bookkeeping, promises included.
 */
export function executeKind(spec: TaskGroup, call: KindCall, sink: WorkSink): void {
  const startEpochMs = preciseEpochMs();
  if (spec.kind === 'timer') {
    runTimer(spec, call, () => sink.workEnded(completed(startEpochMs, spec, call)));
    return;
  }
  let pending: void | Promise<void>;
  try {
    pending = runOperation(spec, call);
  } catch (error) {
    sink.workEnded(failed(startEpochMs, error));
    return;
  }
  if (pending === undefined) sink.workEnded(completed(startEpochMs, spec, call));
  else {
    pending.then(
      () => sink.workEnded(completed(startEpochMs, spec, call)),
      (error: unknown) => sink.workEnded(failed(startEpochMs, error)),
    );
  }
}
