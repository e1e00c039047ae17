import type { ApiResponse } from './api-error';

/**
 * The two primitives every transport carries, untyped: the backend endpoint implements them in-process,
 * the Electron preload exposes them over IPC, the browser host over a WebSocket. `createApiClient` puts the
 * typed API on top of any of them.
 */
export interface ApiTransport {
  /** Never rejects for an API error: it resolves to `{ ok: false, error }`. */
  call(method: string, args: unknown): Promise<ApiResponse>;
  /** Returns an unsubscribe function. */
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

/** The name of the object the Electron preload exposes on `window` (an `ApiTransport`). */
export const PRELOAD_API_GLOBAL = 'concurrencyExplorer';

/** Electron IPC channels: `invoke(API_CALL_CHANNEL, method, args)` -> `ApiResponse`. */
export const API_CALL_CHANNEL = 'api:call';
/** Electron IPC channel the main process sends `(eventName, payload)` on. */
export const API_EVENT_CHANNEL = 'api:event';
