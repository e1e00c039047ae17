import type { WorkResult } from '../kinds/execute-kind';
import type { RunClock } from '../recording/run-clock';
import { AttemptAbortController, type AttemptAbort } from './attempt-abort';
import { stripControlCharacters } from '../../../shared/validation/control-characters';
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

/** How a task's attempts ended; whether it ended after its strategy settled is the recorder's to say. */
export interface TaskOutcome {
  status: 'ok' | 'error' | 'timeout' | 'cancelled';
  /** The last attempt's error message, or null. */
  error: string | null;
  attempts: number;
  /**
   * When the first attempt's work began (ms from run start): on a worker thread, when the thread took it up;
   * an attempt that never reported its work (a timeout, a cancel) began when it was started.
   */
  startMs: number;
  /** When the last attempt ended (ms from run start): its work's own end, a timeout's due time, or the cancel. */
  endMs: number;
}

type AttemptResult = Omit<TaskOutcome, 'attempts'>;

/**
 * A timeout that fires later than this after it was due could not fire on time: the event loop was busy.
 * Timers are routinely a millisecond late; this is well past that.
 */
export const LATE_TIMEOUT_NOTE_MS = 5;

/** The timeout's message, noting when it fired late because the loop was blocked. */
export function timeoutMessage(timeoutMs: number, latenessMs: number): string {
  const late = latenessMs > LATE_TIMEOUT_NOTE_MS ? ` (it fired ${Math.round(latenessMs)} ms late: the event loop was blocked)` : '';
  return `timed out after ${timeoutMs} ms${late}`;
}

/**
 * One attempt, bounded by the timeout and the run's cancel. The operation is told to stop when the
 * attempt is given up, so that it stops whatever it can (timers, sockets, processes). The attempt ends when
 * its work ended, not when this code hears of it; a timeout that could not fire on time (a blocked loop)
 * ends at the time it was due.
 */
function runAttempt(operation: (abort: AttemptAbort) => Promise<WorkResult>, timeoutMs: number, cancel: RunCancel, clock: RunClock): Promise<AttemptResult> {
  if (cancel.aborted) {
    const nowMs = clock.now();
    return Promise.resolve({ status: 'cancelled', error: cancel.reason, startMs: nowMs, endMs: nowMs });
  }
  const abort = new AttemptAbortController();
  const startedMs = clock.now();
  const dueMs = startedMs + timeoutMs;
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
    const timer = setTimeout(() => {
      const nowMs = clock.now();
      const latenessMs = nowMs - dueMs;
      finish({ status: 'timeout', error: timeoutMessage(timeoutMs, latenessMs), startMs: startedMs, endMs: latenessMs > LATE_TIMEOUT_NOTE_MS ? dueMs : nowMs });
    }, timeoutMs);
    const onCancel = () => finish({ status: 'cancelled', error: cancel.reason, startMs: startedMs, endMs: clock.now() });
    cancel.join(onCancel);
    operation(abort).then(
      (work) =>
        finish({ status: work.error === null ? 'ok' : 'error', error: work.error, startMs: clock.fromEpochMs(work.startEpochMs), endMs: clock.fromEpochMs(work.endEpochMs) }),
      // A child's stderr or a server's answer may hold control characters, which no view should obey.
      (error: unknown) => finish({ status: 'error', error: stripControlCharacters(errorMessage(error)), startMs: startedMs, endMs: clock.now() }),
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
 * Without retries (the usual case) it is one attempt and no loop: a run of 100,000 tiny tasks spends a
 * good part of its time in the engine's own bookkeeping, and an async loop costs promises per task.
 */
export function runAttempts(
  operation: (abort: AttemptAbort) => Promise<WorkResult>,
  policy: AttemptPolicy,
  cancel: RunCancel,
  clock: RunClock,
): Promise<TaskOutcome> {
  if (policy.retries === 0) return runAttempt(operation, policy.timeoutMs, cancel, clock).then(afterOneAttempt);
  return runRetrying(operation, policy, cancel, clock);
}

function afterOneAttempt(result: AttemptResult): TaskOutcome {
  return { status: result.status, error: result.error, startMs: result.startMs, endMs: result.endMs, attempts: 1 };
}

async function runRetrying(operation: (abort: AttemptAbort) => Promise<WorkResult>, policy: AttemptPolicy, cancel: RunCancel, clock: RunClock): Promise<TaskOutcome> {
  let startMs: number | null = null;
  for (let attempt = 1; ; attempt += 1) {
    const result = await runAttempt(operation, policy.timeoutMs, cancel, clock);
    startMs ??= result.startMs;
    if (result.status === 'ok' || result.status === 'cancelled' || attempt > policy.retries) return { ...result, startMs, attempts: attempt };
    if (!(await backoff(policy.retryDelayMs * 2 ** (attempt - 1), cancel))) return { status: 'cancelled', error: cancel.reason, startMs, endMs: clock.now(), attempts: attempt };
  }
}
