/**
 * How one attempt is told to stop (timeout or cancel), as a task kind sees it. `signal` is a real
 * AbortSignal for Node APIs, made only when a kind asks for it: an AbortSignal costs more than a whole
 * zero-delay timer task. `onAbort` is the cheap way for kinds that only need a callback.
 */
export interface AttemptAbort {
  readonly signal: AbortSignal;
  onAbort(listener: (reason: Error) => void): void;
}

type AbortListener = (reason: Error) => void;

/** The engine's side of an `AttemptAbort`. Most attempts have one listener (their kind's), so it needs no array. */
export class AttemptAbortController implements AttemptAbort {
  #controller: AbortController | undefined;
  #listener: AbortListener | undefined;
  #moreListeners: AbortListener[] | undefined;
  #reason: Error | undefined;

  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.#reason !== undefined) this.#controller.abort(this.#reason);
    }
    return this.#controller.signal;
  }

  onAbort(listener: AbortListener): void {
    if (this.#reason !== undefined) listener(this.#reason);
    else if (this.#listener === undefined) this.#listener = listener;
    else (this.#moreListeners ??= []).push(listener);
  }

  abort(reason: Error): void {
    if (this.#reason !== undefined) return;
    this.#reason = reason;
    this.#controller?.abort(reason);
    const listener = this.#listener;
    const more = this.#moreListeners;
    this.#listener = undefined;
    this.#moreListeners = undefined;
    listener?.(reason);
    if (more !== undefined) for (const each of more) each(reason);
  }
}

const neverAbortedSignal = new AbortController().signal;

/** For attempts nobody stops from inside (worker threads: piscina ends the whole thread instead). */
export const NEVER_ABORTED: AttemptAbort = { signal: neverAbortedSignal, onAbort: () => {} };
