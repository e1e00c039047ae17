import { ApiError, type ApiResponse } from '../../shared/api/api-error';
import type { ApiTransport } from '../../shared/api/api-transport';
import { BinaryMessageError, readBinaryMessage } from '../../shared/api/ws-binary';
import type { WsServerMessage } from '../../shared/api/ws-protocol';
import { errorMessage } from '../../shared/errors/error-message';

type Listener = (payload: unknown) => void;

/**
 * Whether the page is connected to the browser host: `lost` while it cannot be reached (it is retried),
 * `restarted` once a host answers at this address but refuses the page's token: a new host was started, with a
 * new address, and retrying can never succeed.
 */
export type ConnectionState = 'open' | 'lost' | 'restarted';

/** What the calls of a page whose host was restarted fail with. */
export const RESTARTED_MESSAGE = 'the app was restarted: open the new address printed in the terminal';

/** Waits between attempts to reconnect: doubling from the first to the last. */
const RETRY_FIRST_MS = 500;
const RETRY_MAX_MS = 8000;

/**
 * The browser host's transport: API calls and events over one WebSocket. A lost connection fails the
 * calls in flight with `unavailable`; it is opened again by the next call, and by itself (with a growing
 * wait) while anything listens for events, which the host only sends over an open socket.
 */
export class WebSocketTransport implements ApiTransport {
  readonly #url: string;
  readonly #pending = new Map<number, (response: ApiResponse) => void>();
  readonly #listeners = new Map<string, Set<Listener>>();
  readonly #connectionListeners = new Set<(state: ConnectionState) => void>();
  #socket: Promise<WebSocket> | null = null;
  #state: ConnectionState = 'open';
  #retryMs = RETRY_FIRST_MS;
  #retry: ReturnType<typeof setTimeout> | null = null;
  /** The socket once it is open, until it closes. */
  #openSocket: WebSocket | null = null;
  #nextId = 0;

  readonly #probe: () => Promise<number | null>;

  /** `probe` asks the host for the page itself: its HTTP status, or null when nothing answers. */
  constructor(url: string, probe: () => Promise<number | null> = probePage) {
    this.#url = url;
    this.#probe = probe;
  }

  get connection(): ConnectionState {
    return this.#state;
  }

  /** Called each time the connection is lost and each time it is back. */
  onConnectionChange(listener: (state: ConnectionState) => void): () => void {
    this.#connectionListeners.add(listener);
    return () => this.#connectionListeners.delete(listener);
  }

  async call(method: string, args: unknown): Promise<ApiResponse> {
    if (this.#state === 'restarted') return unavailable(RESTARTED_MESSAGE);
    // An open socket is written to at once, before this call's caller yields: a state change it made (Run
    // mounts the live timeline and charts) would otherwise be rendered before the call leaves the page.
    let socket = this.#openSocket;
    if (socket === null) {
      try {
        socket = await this.#open();
      } catch (error) {
        return unavailable(errorMessage(error));
      }
    }
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#pending.set(id, resolve);
      socket.send(JSON.stringify({ type: 'call', id, method, args }));
    });
  }

  subscribe(event: string, listener: Listener): () => void {
    let listeners = this.#listeners.get(event);
    if (listeners === undefined) this.#listeners.set(event, (listeners = new Set()));
    const mine: Listener = (payload) => listener(payload);
    listeners.add(mine);
    void this.#open().catch(() => undefined);
    return () => listeners.delete(mine);
  }

  #open(): Promise<WebSocket> {
    this.#socket ??= new Promise((resolve, reject) => {
      const socket = new WebSocket(this.#url);
      socket.binaryType = 'arraybuffer';
      socket.addEventListener('open', () => {
        this.#openSocket = socket;
        this.#retryMs = RETRY_FIRST_MS;
        this.#setState('open');
        resolve(socket);
      });
      socket.addEventListener('message', (message) => this.#receive(message.data));
      // Every error is followed by `close`, which fails what is pending.
      socket.addEventListener('error', () => undefined);
      socket.addEventListener('close', (event) => {
        this.#socket = null;
        this.#openSocket = null;
        reject(new Error('the connection was refused or closed'));
        const why = event.reason === '' ? `code ${event.code}` : event.reason;
        for (const answer of this.#pending.values()) answer(unavailable(`the connection was lost (${why})`));
        this.#pending.clear();
        void this.#afterClose();
      });
    });
    return this.#socket;
  }

  /** A host that answers but refuses the token is a new one: the page stops trying instead of retrying forever. */
  async #afterClose(): Promise<void> {
    const status = await this.#probe();
    if (status === 401 || status === 403) {
      this.#setState('restarted');
      return;
    }
    this.#setState('lost');
    this.#retryLater();
  }

  #retryLater(): void {
    const listening = [...this.#listeners.values()].some((listeners) => listeners.size > 0);
    if (!listening || this.#retry !== null) return;
    this.#retry = setTimeout(() => {
      this.#retry = null;
      void this.#open().catch(() => undefined);
    }, this.#retryMs);
    this.#retryMs = Math.min(RETRY_MAX_MS, this.#retryMs * 2);
  }

  #setState(state: ConnectionState): void {
    if (state === this.#state) return;
    this.#state = state;
    for (const listener of [...this.#connectionListeners]) listener(state);
  }

  #receive(data: unknown): void {
    const message = typeof data === 'string' ? (JSON.parse(data) as WsServerMessage) : this.#readBinary(data);
    if (message === null) return;
    if (message.type === 'response') {
      this.#pending.get(message.id)?.(message.response);
      this.#pending.delete(message.id);
    } else if (message.type === 'events') {
      for (const { event, payload } of message.events) {
        for (const listener of [...(this.#listeners.get(event) ?? [])]) listener(payload);
      }
    } else {
      console.error(`The backend could not read a message: ${message.error.message}`);
    }
  }

  /**
   * An answer that holds typed arrays. One that cannot be read fails its call with the reason, or every call
   * waiting when it does not say which it answers (else that one would wait forever).
   */
  #readBinary(data: unknown): WsServerMessage | null {
    try {
      if (!(data instanceof ArrayBuffer)) throw new BinaryMessageError(`A message arrived as ${typeof data}, neither text nor an ArrayBuffer`);
      return readBinaryMessage(data, (bytes) => UTF8.decode(bytes));
    } catch (error) {
      const id = error instanceof BinaryMessageError ? error.id : null;
      const failure = new ApiError('internal', `The backend's answer could not be read: ${errorMessage(error)}`);
      console.error(failure.message);
      for (const [pendingId, answer] of this.#pending) {
        if (id !== null && pendingId !== id) continue;
        answer({ ok: false, error: failure.toData() });
        this.#pending.delete(pendingId);
      }
      return null;
    }
  }
}

// Fatal: a header that is not UTF-8 is refused rather than read with replacement characters.
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The page's own address, asked again with its cookie: 401/403 means a host with another token. */
async function probePage(): Promise<number | null> {
  try {
    const response = await fetch(window.location.pathname, { method: 'HEAD', cache: 'no-store', credentials: 'same-origin' });
    return response.status;
  } catch {
    return null;
  }
}

function unavailable(reason: string): ApiResponse {
  return { ok: false, error: new ApiError('unavailable', `The backend could not be reached: ${reason}`).toData() };
}
