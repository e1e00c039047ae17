import type { WsEvent } from '../../shared/api/ws-protocol';

/** About one animation frame: a browser gets at most one events message per frame. */
export const EVENT_FLUSH_INTERVAL_MS = 16;

/** Collects events and hands them on together, at most once per interval, in the order they came. */
export class EventBatcher {
  readonly #send: (events: WsEvent[]) => void;
  readonly #intervalMs: number;
  #pending: WsEvent[] = [];
  #timer: ReturnType<typeof setTimeout> | null = null;
  #disposed = false;

  constructor(send: (events: WsEvent[]) => void, intervalMs = EVENT_FLUSH_INTERVAL_MS) {
    this.#send = send;
    this.#intervalMs = intervalMs;
  }

  push(event: WsEvent): void {
    if (this.#disposed) return;
    this.#pending.push(event);
    this.#timer ??= setTimeout(() => this.flush(), this.#intervalMs);
  }

  /** Sends what is pending now. */
  flush(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#pending.length === 0) return;
    const events = this.#pending;
    this.#pending = [];
    this.#send(events);
  }

  /** Drops what is pending; nothing is sent afterwards. */
  dispose(): void {
    this.#disposed = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#pending = [];
  }
}
