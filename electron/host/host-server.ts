import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { MAX_IMPORT_TEXT_CHARS } from '../../shared/api/history-methods';
import type { ApiTransport } from '../../shared/api/api-transport';
import { WS_API_PATH } from '../../shared/api/ws-protocol';
import { allowedHostsFor, urlHost } from './bind-address';
import { checkRequest, tokenCookie, type GuardConfig } from './request-guard';
import { findStaticFile } from './static-files';
import { bridgeWebSocket } from './ws-bridge';

/** Sent with every page as a header too (the meta in index.html cannot say `frame-ancestors`). */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' ws://127.0.0.1:*; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Room for the largest import text the contract allows, even when JSON escaping and UTF-8 make it grow on the wire. */
export const MAX_WS_MESSAGE_BYTES = 4 * MAX_IMPORT_TEXT_CHARS;

export interface HostServerOptions {
  backend: ApiTransport;
  /** The built renderer (`out/renderer`). */
  rendererDir: string;
  /** `127.0.0.1` unless the user asked for another address with `--allow-remote`. */
  bindAddress: string;
  /** 0 picks a free port. */
  port: number;
  /** A fresh random token when left out. */
  token?: string;
  /** How often batched events go out to each browser. */
  eventFlushIntervalMs?: number;
}

export interface HostServer {
  readonly port: number;
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  /** The URL to open: the origin with `?token=`. */
  readonly url: string;
  readonly token: string;
  close(): Promise<void>;
}

/** Serves the built renderer and the API (WebSocket at `/api`), only to requests that pass `checkRequest`. */
export async function startHostServer(options: HostServerOptions): Promise<HostServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const guard: GuardConfig = { token, allowedHosts: [], cookieName: '' };
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_WS_MESSAGE_BYTES });
  sockets.on('connection', (socket) => bridgeWebSocket(socket, options.backend, options.eventFlushIntervalMs));

  const server = createServer((request, response) => {
    serveRequest(request, response, guard, options.rendererDir).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) sendText(response, 500, 'The file could not be served');
      else response.destroy();
    });
  });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const verdict = checkRequest(request, guard);
    if (!verdict.ok) return refuseUpgrade(socket, verdict.status, verdict.reason);
    if (verdict.pathname !== WS_API_PATH) {
      return refuseUpgrade(socket, 404, 'There is no WebSocket here');
    }
    sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws, request));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.bindAddress, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  guard.allowedHosts = allowedHostsFor(options.bindAddress, port);
  guard.cookieName = `concurrency_explorer_token_${port}`;
  const origin = `http://${urlHost(options.bindAddress, port)}`;

  return {
    port,
    origin,
    url: `${origin}/?token=${token}`,
    token,
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function serveRequest(request: IncomingMessage, response: ServerResponse, guard: GuardConfig, rendererDir: string) {
  const verdict = checkRequest(request, guard);
  if (!verdict.ok) return sendText(response, verdict.status, verdict.reason);
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    return sendText(response, 405, 'Only GET and HEAD are served');
  }
  const file = await findStaticFile(rendererDir, verdict.pathname);
  if (file === null) return sendText(response, 404, 'Not found');
  if (verdict.tokenFromQuery) response.setHeader('Set-Cookie', tokenCookie(guard));
  response.writeHead(200, {
    'Content-Type': file.contentType,
    'Content-Length': file.body.length,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  response.end(request.method === 'HEAD' ? undefined : file.body);
}

function sendText(response: ServerResponse, status: number, text: string) {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  response.end(`${text}\n`);
}

function refuseUpgrade(socket: Duplex, status: number, reason: string) {
  const statusText = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }[status] ?? 'Error';
  socket.end(`HTTP/1.1 ${status} ${statusText}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${reason}\n`);
}
