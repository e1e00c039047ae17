import { createApiClient, type ApiClient } from '../../shared/api/api-client';
import { PRELOAD_API_GLOBAL, type ApiTransport } from '../../shared/api/api-transport';
import { WS_API_PATH } from '../../shared/api/ws-protocol';
import { withoutControlCharacters } from './plain-text-transport';
import { WebSocketTransport, type ConnectionState } from './websocket-transport';

/** A connection that can be lost and come back (the browser host's); the desktop's IPC bridge never is. */
export interface ApiConnection {
  onConnectionChange(listener: (state: ConnectionState) => void): () => void;
}

/**
 * The API for this page, over whichever transport it was opened with: the Electron preload's bridge when
 * there is one, otherwise the browser host's WebSocket. Nothing else in the renderer knows which. Every answer and
 * event reaches the views without control characters.
 */
export function connectApi(): { api: ApiClient; connection: ApiConnection | null } {
  const bridge = (window as unknown as Record<string, ApiTransport | undefined>)[PRELOAD_API_GLOBAL];
  if (bridge !== undefined) return { api: createApiClient(withoutControlCharacters(bridge)), connection: null };
  const transport = new WebSocketTransport(webSocketUrl(takeToken()));
  return { api: createApiClient(withoutControlCharacters(transport)), connection: transport };
}

/**
 * Reads the browser host's token from the page URL and takes it out of the address bar (the host has set
 * a cookie that carries it from now on, e.g. across a reload).
 */
function takeToken(): string | null {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token');
  if (token !== null) {
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url);
  }
  return token;
}

function webSocketUrl(token: string | null): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`;
  return `${scheme}://${window.location.host}${WS_API_PATH}${query}`;
}
