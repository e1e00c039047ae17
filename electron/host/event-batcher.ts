import type { WsEvent } from '../../shared/api/ws-protocol';

/** About one animation frame: a browser gets about one events message per frame at most. */
export const EVENT_FLUSH_INTERVAL_MS = 16;

/**
 * Messages that may leave within one interval. Two, because a run's `runStarted` and its first tasks reach the
 * host a moment apart: with one, the first tasks would wait out the interval (a frame late on the timeline).
 */
const BURST = 2;

/**
 * Collects events and hands them on together, in the order they came: what one turn of the event loop pushed
 * leaves as one message at the end of that turn, unless `BURST` messages left within the last interval, in which
 * case it waits until one interval after the earlier of them.
 */
export class EventBatcher {
  readonly #send: (events: WsEvent[]) => void;
  readonly #intervalMs: number;
  #pending: WsEvent[] = [];
  /** When the last `BURST` messages left, oldest first. */
  readonly #sentAtMs: number[] = [];
  #cancelScheduled: (() => void) | null = null;
  #disposed = false;

  constructor(send: (events: WsEvent[]) => void, intervalMs = EVENT_FLUSH_INTERVAL_MS) {
    this.#send = send;
    this.#intervalMs = intervalMs;
  }

  push(event: WsEvent): void {
    if (this.#disposed) return;
    this.#pending.push(event);
    if (this.#cancelScheduled !== null) return;
    const oldest = this.#sentAtMs.length < BURST ? undefined : this.#sentAtMs[0];
    const waitMs = oldest === undefined ? 0 : oldest + this.#intervalMs - performance.now();
    if (waitMs <= 0) {
      const immediate = setImmediate(() => this.flush());
      this.#cancelScheduled = () => clearImmediate(immediate);
    } else {
      const timer = setTimeout(() => this.flush(), waitMs);
      this.#cancelScheduled = () => clearTimeout(timer);
    }
  }

  /** Sends what is pending now. */
  flush(): void {
    this.#cancelScheduled?.();
    this.#cancelScheduled = null;
    if (this.#pending.length === 0) return;
    const events = this.#pending;
    this.#pending = [];
    this.#sentAtMs.push(performance.now());
    if (this.#sentAtMs.length > BURST) this.#sentAtMs.shift();
    this.#send(events);
  }

  /** Drops what is pending; nothing is sent afterwards. */
  dispose(): void {
    this.#disposed = true;
    this.#cancelScheduled?.();
    this.#cancelScheduled = null;
    this.#pending = [];
  }
}
