/** The error a task stopped by the run's Cancel records. */
export const CANCELLED = 'cancelled';

/** What joins a Cancel (an attempt, a backoff wait, an inner scope): an object, so joining allocates no closure. */
export interface CancelListener {
  /** Called once if the Cancel stops while this has joined. */
  cancelled(): void;
}

/**
 * The run's Cancel, passed on to everything running: one listener on the caller's signal, and a set
 * that attempts and backoff waits join and leave (far cheaper than a listener each on an AbortSignal).
 * A `scope()` is a cancel of its own inside it (the `structured` strategy's AbortController): it stops
 * with the run's Cancel, or alone, with the reason its tasks record.
 */
export class RunCancel {
  readonly #running = new Set<CancelListener>();
  #aborted = false;
  #reason = CANCELLED;

  constructor(signal: AbortSignal | undefined) {
    if (signal?.aborted) this.#aborted = true;
    else signal?.addEventListener('abort', () => this.abort(CANCELLED), { once: true });
  }

  get aborted(): boolean {
    return this.#aborted;
  }

  /** Why it stopped: the error every attempt it stops records. */
  get reason(): string {
    return this.#reason;
  }

  join(listener: CancelListener): void {
    this.#running.add(listener);
  }

  leave(listener: CancelListener): void {
    this.#running.delete(listener);
  }

  /** A cancel that stops with this one, and on its own through its `abort`. */
  scope(): RunCancel {
    const inner = new RunCancel(undefined);
    if (this.#aborted) inner.abort(this.#reason);
    else this.join({ cancelled: () => inner.abort(this.#reason) });
    return inner;
  }

  /** Stops everything that has joined, once; `reason` is what their tasks record as the error. */
  abort(reason: string): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#reason = reason;
    const running = [...this.#running];
    this.#running.clear();
    for (const listener of running) listener.cancelled();
  }
}
