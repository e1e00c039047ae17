import { setTimeout as sleep } from 'node:timers/promises';

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

const CANCELLED: AttemptResult = { status: 'cancelled', error: 'cancelled' };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * One attempt, bounded by the timeout and the run's cancel signal. The operation gets its own signal,
 * aborted when the attempt is given up, so that it stops whatever it can (timers, sockets, processes).
 */
function runAttempt(operation: (signal: AbortSignal) => Promise<void>, timeoutMs: number, cancel: AbortSignal): Promise<AttemptResult> {
  if (cancel.aborted) return Promise.resolve(CANCELLED);
  const controller = new AbortController();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: AttemptResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      cancel.removeEventListener('abort', onCancel);
      if (result.status !== 'ok') controller.abort(new Error(result.error ?? result.status));
      resolve(result);
    };
    const timer = setTimeout(() => finish({ status: 'timeout', error: `timed out after ${timeoutMs} ms` }), timeoutMs);
    const onCancel = () => finish(CANCELLED);
    cancel.addEventListener('abort', onCancel, { once: true });
    operation(controller.signal).then(
      () => finish({ status: 'ok', error: null }),
      (error: unknown) => finish({ status: 'error', error: messageOf(error) }),
    );
  });
}

/**
 * Runs a task's attempts: each bounded by `timeoutMs`; after an error or a timeout, up to `retries` more
 * after an exponential backoff (`retryDelayMs`, doubled each time). Cancel ends it at once. Never rejects.
 */
export async function runAttempts(
  operation: (signal: AbortSignal) => Promise<void>,
  policy: AttemptPolicy,
  cancel: AbortSignal,
): Promise<TaskOutcome> {
  for (let attempt = 1; ; attempt += 1) {
    const result = await runAttempt(operation, policy.timeoutMs, cancel);
    if (result.status === 'ok' || result.status === 'cancelled' || attempt > policy.retries) return { ...result, attempts: attempt };
    try {
      await sleep(policy.retryDelayMs * 2 ** (attempt - 1), undefined, { signal: cancel });
    } catch {
      return { ...CANCELLED, attempts: attempt };
    }
  }
}
