import { ApiError, type ApiResponse } from '../../shared/api/api-error';
import type { ApiTransport } from '../../shared/api/api-transport';
import type { WsServerMessage } from '../../shared/api/ws-protocol';

type Listener = (payload: unknown) => void;

/**
 * The browser host's transport: API calls and events over one WebSocket. A lost connection fails the
 * calls in flight with `unavailable` and is opened again by the next call.
 */
export class WebSocketTransport implements ApiTransport {
  readonly #url: string;
  readonly #pending = new Map<number, (response: ApiResponse) => void>();
  readonly #listeners = new Map<string, Set<Listener>>();
  #socket: Promise<WebSocket> | null = null;
  #nextId = 0;

  constructor(url: string) {
    this.#url = url;
  }

  async call(method: string, args: unknown): Promise<ApiResponse> {
    let socket: WebSocket;
    try {
      socket = await this.#open();
    } catch (error) {
      return unavailable((error as Error).message);
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
      socket.addEventListener('open', () => resolve(socket));
      socket.addEventListener('message', (message) => this.#receive(message.data));
      // Every error is followed by `close`, which fails what is pending.
      socket.addEventListener('error', () => undefined);
      socket.addEventListener('close', (event) => {
        this.#socket = null;
        reject(new Error('the connection was refused or closed'));
        const why = event.reason === '' ? `code ${event.code}` : event.reason;
        for (const answer of this.#pending.values()) answer(unavailable(`the connection was lost (${why})`));
        this.#pending.clear();
      });
    });
    return this.#socket;
  }

  #receive(data: unknown): void {
    if (typeof data !== 'string') return;
    const message = JSON.parse(data) as WsServerMessage;
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
}

function unavailable(reason: string): ApiResponse {
  return { ok: false, error: new ApiError('unavailable', `The backend could not be reached: ${reason}`).toData() };
}
