import { AttemptAbortController, type AttemptAbort } from './attempt-abort';
import type { RunCancel } from './run-cancel';
import { errorMessage } from '../../../shared/errors/error-message';

/** How the attempts of every task are bounded and repeated (from the scenario's options). */
export interface AttemptPolicy {
  /** Per attempt. */
  timeoutMs: number;
  retries: number;
  /** Wait before the first retry; doubled before each further one. */
  retryDelayMs: number;
}

/** How a task's attempts ended, before the strategy's view (orphaned) is applied. */
export interface TaskOutcome {
  status: 'ok' | 'error' | 'timeout' | 'cancelled';
  /** The last attempt's error message, or null. */
  error: string | null;
  attempts: number;
}

type AttemptResult = Omit<TaskOutcome, 'attempts'>;

const OK: AttemptResult = { status: 'ok', error: null };
const CANCELLED: AttemptResult = { status: 'cancelled', error: 'cancelled' };


/**
 * One attempt, bounded by the timeout and the run's cancel. The operation is told to stop when the
 * attempt is given up, so that it stops whatever it can (timers, sockets, processes).
 */
function runAttempt(operation: (abort: AttemptAbort) => Promise<void>, timeoutMs: number, cancel: RunCancel): Promise<AttemptResult> {
  if (cancel.aborted) return Promise.resolve(CANCELLED);
  const abort = new AttemptAbortController();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: AttemptResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      cancel.leave(onCancel);
      if (result.status !== 'ok') abort.abort(new Error(result.error ?? result.status));
      resolve(result);
    };
    const timer = setTimeout(() => finish({ status: 'timeout', error: `timed out after ${timeoutMs} ms` }), timeoutMs);
    const onCancel = () => finish(CANCELLED);
    cancel.join(onCancel);
    operation(abort).then(
      () => finish(OK),
      (error: unknown) => finish({ status: 'error', error: errorMessage(error) }),
    );
  });
}

/** Waits `ms` before a retry; resolves false when the run is cancelled meanwhile. */
function backoff(ms: number, cancel: RunCancel): Promise<boolean> {
  if (cancel.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      cancel.leave(onCancel);
      resolve(true);
    }, ms);
    const onCancel = () => {
      clearTimeout(timer);
      resolve(false);
    };
    cancel.join(onCancel);
  });
}

/**
 * Runs a task's attempts: each bounded by `timeoutMs`; after an error or a timeout, up to `retries` more
 * after an exponential backoff (`retryDelayMs`, doubled each time). Cancel ends it at once. Never rejects.
 */
export async function runAttempts(operation: (abort: AttemptAbort) => Promise<void>, policy: AttemptPolicy, cancel: RunCancel): Promise<TaskOutcome> {
  for (let attempt = 1; ; attempt += 1) {
    const result = await runAttempt(operation, policy.timeoutMs, cancel);
    if (result.status === 'ok' || result.status === 'cancelled' || attempt > policy.retries) return { ...result, attempts: attempt };
    if (!(await backoff(policy.retryDelayMs * 2 ** (attempt - 1), cancel))) return { ...CANCELLED, attempts: attempt };
  }
}
