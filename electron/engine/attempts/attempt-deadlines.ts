import type { RunClock } from '../recording/run-clock';

/** What waits for its deadline: an attempt that has not ended yet. */
export interface Expiring {
  /** When it is due (ms from run start). */
  readonly dueMs: number;
  /** Its time is up; `nowMs` may be well past `dueMs` when the loop was blocked. */
  expire(nowMs: number): void;
}

/**
 * Node's timers count whole milliseconds from a rounded-down start, so a timer may fire up to 1 ms before its due
 * time by the precise clock; an attempt that close to its deadline expires with the others, as its own timer would have.
 */
const TIMER_GRANULARITY_MS = 1;

/**
 * The deadlines of a run's attempts, on one timer instead of one per attempt (a timer per attempt cost more than
 * the rest of a zero-delay timer task's bookkeeping). Every attempt of a run has the same timeout, so deadlines
 * come in the order attempts started, and an insertion-ordered Set is the queue: adding and removing are O(1),
 * and the timer is armed for the oldest. It is cleared whenever no attempt waits, so it never holds the process.
 */
export class AttemptDeadlines {
  readonly timeoutMs: number;
  readonly #clock: RunClock;
  readonly #waiting = new Set<Expiring>();
  #timer: NodeJS.Timeout | undefined;
  #immediate: NodeJS.Immediate | undefined;

  constructor(timeoutMs: number, clock: RunClock) {
    this.timeoutMs = timeoutMs;
    this.#clock = clock;
  }

  /** `entry` started now; its `dueMs` is `timeoutMs` from now. */
  add(entry: Expiring): void {
    this.#waiting.add(entry);
    if (this.#timer === undefined && this.#immediate === undefined) this.#arm(this.timeoutMs);
  }

  /** `entry` ended before its deadline (removing one already expired or removed does nothing). */
  remove(entry: Expiring): void {
    this.#waiting.delete(entry);
    if (this.#waiting.size === 0) this.#disarm();
  }

  #disarm(): void {
    clearTimeout(this.#timer);
    clearImmediate(this.#immediate);
    this.#timer = undefined;
    this.#immediate = undefined;
  }

  #arm(delayMs: number): void {
    this.#disarm();
    this.#timer = setTimeout(() => this.#expireOldest(), Math.max(1, Math.ceil(delayMs)));
  }

  /**
   * Expires the oldest attempt if it is due, else waits for it. One at a time: the next comes in a callback of its
   * own, after the promise reactions this expiry set going, as separate timers would let them run (a strategy that
   * settles at the first timeout has settled before the second, which is then an orphan).
   */
  #expireOldest(): void {
    this.#timer = undefined;
    this.#immediate = undefined;
    for (const oldest of this.#waiting) {
      const nowMs = this.#clock.now();
      if (oldest.dueMs > nowMs + TIMER_GRANULARITY_MS) {
        this.#arm(oldest.dueMs - nowMs);
        return;
      }
      this.#waiting.delete(oldest);
      oldest.expire(nowMs);
      if (this.#waiting.size > 0) {
        this.#disarm();
        this.#immediate = setImmediate(() => this.#expireOldest());
      }
      return;
    }
  }
}
