import type { WorkResult, WorkSink } from '../kinds/execute-kind';
import type { RunClock } from '../recording/run-clock';
import { AttemptAbortController, type AttemptAbort } from './attempt-abort';
import { AttemptDeadlines, type Expiring } from './attempt-deadlines';
import { stripControlCharacters } from '../../../shared/validation/control-characters';
import type { CancelListener, RunCancel } from './run-cancel';
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

/** A running attempt as its work sees it: how it is told to stop, and where it says how it ended. */
export interface RunningAttempt extends AttemptAbort, WorkSink {
  /** The work could not be run, or was ended from outside; `error`'s message is the attempt's error. */
  workFailed(error: unknown): void;
}

/** Starts one attempt's work, which tells `attempt` when it began and ended (or that it failed). */
export type AttemptOperation = (attempt: RunningAttempt) => void;

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
 * One attempt, bounded by the run's shared deadlines and the cancel it joined. It is itself what the operation is
 * told to stop by, what waits for its deadline and what the cancel stops: one object per attempt, where closures
 * and a timer each would cost more than a zero-delay timer task's own work. The attempt ends when its work ended,
 * not when this code hears of it; a timeout that could not fire on time (a blocked loop) ends at the time it was due.
 */
class Attempt extends AttemptAbortController implements RunningAttempt, Expiring, CancelListener {
  readonly dueMs: number;
  readonly #startedMs: number;
  readonly #number: number;
  readonly #deadlines: AttemptDeadlines;
  readonly #cancel: RunCancel;
  readonly #clock: RunClock;
  #resolve: ((outcome: TaskOutcome) => void) | undefined;

  constructor(resolve: (outcome: TaskOutcome) => void, number: number, deadlines: AttemptDeadlines, cancel: RunCancel, clock: RunClock) {
    super();
    this.#resolve = resolve;
    this.#number = number;
    this.#deadlines = deadlines;
    this.#cancel = cancel;
    this.#clock = clock;
    this.#startedMs = clock.now();
    this.dueMs = this.#startedMs + deadlines.timeoutMs;
    deadlines.add(this);
    cancel.join(this);
  }

  workEnded(work: WorkResult): void {
    const clock = this.#clock;
    this.#end(work.error === null ? 'ok' : 'error', work.error, clock.fromEpochMs(work.startEpochMs), clock.fromEpochMs(work.endEpochMs));
  }

  /** The operation could not be run, or was ended from outside. */
  workFailed(error: unknown): void {
    // A child's stderr or a server's answer may hold control characters, which no view should obey.
    this.#end('error', stripControlCharacters(errorMessage(error)), this.#startedMs, this.#clock.now());
  }

  expire(nowMs: number): void {
    const latenessMs = nowMs - this.dueMs;
    this.#end('timeout', timeoutMessage(this.#deadlines.timeoutMs, latenessMs), this.#startedMs, latenessMs > LATE_TIMEOUT_NOTE_MS ? this.dueMs : nowMs);
  }

  cancelled(): void {
    this.#end('cancelled', this.#cancel.reason, this.#startedMs, this.#clock.now());
  }

  #end(status: TaskOutcome['status'], error: string | null, startMs: number, endMs: number): void {
    const resolve = this.#resolve;
    if (resolve === undefined) return;
    this.#resolve = undefined;
    this.#deadlines.remove(this);
    this.#cancel.leave(this);
    if (status !== 'ok') this.abort(new Error(error ?? status));
    resolve({ status, error, startMs, endMs, attempts: this.#number });
  }
}

/** Waits `ms` before a retry; resolves false when the run is cancelled meanwhile. */
function backoff(ms: number, cancel: RunCancel): Promise<boolean> {
  if (cancel.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const waiting: CancelListener = {
      cancelled: () => {
        clearTimeout(timer);
        resolve(false);
      },
    };
    const timer = setTimeout(() => {
      cancel.leave(waiting);
      resolve(true);
    }, ms);
    cancel.join(waiting);
  });
}

/**
 * Runs tasks' attempts under the run's policy: each bounded by `timeoutMs` (all on one shared timer); after an
 * error or a timeout, up to `retries` more after an exponential backoff (`retryDelayMs`, doubled each time).
 * Cancel ends them at once. Never rejects. Without retries (the usual case) a task is one attempt and no loop:
 * a run of 100,000 tiny tasks spends a good part of its time in the engine's own bookkeeping, and an async loop
 * costs promises per task.
 */
export class AttemptRunner {
  readonly #policy: AttemptPolicy;
  readonly #clock: RunClock;
  readonly #deadlines: AttemptDeadlines;

  constructor(policy: AttemptPolicy, clock: RunClock) {
    this.#policy = policy;
    this.#clock = clock;
    this.#deadlines = new AttemptDeadlines(policy.timeoutMs, clock);
  }

  run(operation: AttemptOperation, cancel: RunCancel): Promise<TaskOutcome> {
    if (this.#policy.retries === 0) return this.#attempt(operation, cancel, 1);
    return this.#runRetrying(operation, cancel);
  }

  #attempt(operation: AttemptOperation, cancel: RunCancel, number: number): Promise<TaskOutcome> {
    if (cancel.aborted) {
      const nowMs = this.#clock.now();
      return Promise.resolve({ status: 'cancelled', error: cancel.reason, startMs: nowMs, endMs: nowMs, attempts: number });
    }
    return new Promise((resolve) => {
      operation(new Attempt(resolve, number, this.#deadlines, cancel, this.#clock));
    });
  }

  async #runRetrying(operation: AttemptOperation, cancel: RunCancel): Promise<TaskOutcome> {
    const { retries, retryDelayMs } = this.#policy;
    let startMs: number | null = null;
    for (let number = 1; ; number += 1) {
      const outcome = await this.#attempt(operation, cancel, number);
      startMs ??= outcome.startMs;
      if (outcome.status === 'ok' || outcome.status === 'cancelled' || number > retries) return { ...outcome, startMs };
      if (!(await backoff(retryDelayMs * 2 ** (number - 1), cancel))) return { status: 'cancelled', error: cancel.reason, startMs, endMs: this.#clock.now(), attempts: number };
    }
  }
}
