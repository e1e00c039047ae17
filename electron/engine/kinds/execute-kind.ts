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
 * How one attempt's work ended, on whichever thread it ran. `endEpochMs` is a `preciseEpochMs()` stamp
 * taken in the same synchronous step as the work finished, before anything else could run.
 */
export interface WorkResult {
  endEpochMs: number;
  /** The failure's message, or null when the work succeeded. */
  error: string | null;
}

/** Synchronous kinds (CPU, sync file I/O, SQLite) return nothing: their work is done when they return. */
function runOperation(spec: TaskGroup, call: KindCall): void | Promise<void> {
  switch (spec.kind) {
    case 'timer':
      return runTimer(spec, call);
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

function failed(error: unknown): WorkResult {
  const endEpochMs = preciseEpochMs();
  return { endEpochMs, error: errorMessage(error) };
}

function completed(spec: TaskGroup, call: KindCall): WorkResult {
  const endEpochMs = preciseEpochMs();
  // The injected failure comes after the work, as a real failure would.
  return { endEpochMs, error: call.draw.failInjected && !failsOnItsOwn(spec) ? `injected failure (failRate ${spec.failRate})` : null };
}

/**
 * Runs one attempt of a task on the calling thread and stamps when its work ended: at once for synchronous
 * work, in the reaction to the operation's own promise otherwise, so that a busy loop running other tasks'
 * code cannot push the end later (as stamping in the strategy's continuation would). Never rejects.
 */
export function executeKind(spec: TaskGroup, call: KindCall): Promise<WorkResult> {
  let pending: void | Promise<void>;
  try {
    pending = runOperation(spec, call);
  } catch (error) {
    return Promise.resolve(failed(error));
  }
  if (pending === undefined) return Promise.resolve(completed(spec, call));
  return pending.then(() => completed(spec, call), failed);
}
