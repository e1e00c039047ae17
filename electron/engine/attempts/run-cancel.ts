/**
 * The run's Cancel, passed on to everything running: one listener on the caller's signal, and a set
 * that attempts and backoff waits join and leave (far cheaper than a listener each on an AbortSignal).
 */
export class RunCancel {
  readonly #running = new Set<() => void>();
  #aborted = false;

  constructor(signal: AbortSignal | undefined) {
    if (signal?.aborted) this.#aborted = true;
    else signal?.addEventListener('abort', () => this.#stopAll(), { once: true });
  }

  get aborted(): boolean {
    return this.#aborted;
  }

  /** `stop` is called once if the run is cancelled while it has joined. */
  join(stop: () => void): void {
    this.#running.add(stop);
  }

  leave(stop: () => void): void {
    this.#running.delete(stop);
  }

  #stopAll(): void {
    this.#aborted = true;
    const running = [...this.#running];
    this.#running.clear();
    for (const stop of running) stop();
  }
}
