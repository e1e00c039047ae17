/**
 * How one attempt is told to stop (timeout or cancel), as a task kind sees it. `signal` is a real
 * AbortSignal for Node APIs, made only when a kind asks for it: an AbortSignal costs more than a whole
 * zero-delay timer task. `onAbort` is the cheap way for kinds that only need a callback.
 */
export interface AttemptAbort {
  readonly signal: AbortSignal;
  onAbort(listener: (reason: Error) => void): void;
}

/** The engine's side of an `AttemptAbort`. */
export class AttemptAbortController implements AttemptAbort {
  #controller: AbortController | undefined;
  #listeners: ((reason: Error) => void)[] = [];
  #reason: Error | undefined;

  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.#reason !== undefined) this.#controller.abort(this.#reason);
    }
    return this.#controller.signal;
  }

  onAbort(listener: (reason: Error) => void): void {
    if (this.#reason === undefined) this.#listeners.push(listener);
    else listener(this.#reason);
  }

  abort(reason: Error): void {
    if (this.#reason !== undefined) return;
    this.#reason = reason;
    this.#controller?.abort(reason);
    for (const listener of this.#listeners) listener(reason);
    this.#listeners = [];
  }
}

const neverAbortedSignal = new AbortController().signal;

/** For attempts nobody stops from inside (worker threads: piscina ends the whole thread instead). */
export const NEVER_ABORTED: AttemptAbort = { signal: neverAbortedSignal, onAbort: () => {} };
